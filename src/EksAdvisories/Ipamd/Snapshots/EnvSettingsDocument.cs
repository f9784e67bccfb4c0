namespace EksAdvisories.Ipamd;

/// <summary>What <c>/v1/ipamd-env-settings</c> reports; each value is null when the document leaves it out.</summary>
internal sealed record EnvSettingsDocument(int? WarmIpTarget, int? WarmEniTarget, bool? CustomNetworking);
