namespace EksAdvisories.Ipamd;

/// <summary>The instance metadata a snapshot holds, interfaces in device-number order.</summary>
internal sealed record ImdsDocument(string? InstanceId, string? InstanceType, string? PrimaryMac, IReadOnlyList<ImdsInterface> Interfaces);
