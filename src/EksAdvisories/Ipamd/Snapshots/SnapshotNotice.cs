namespace EksAdvisories.Ipamd;

/// <summary>What a reader did to a file that was readable but not as upstream writes it: an identical duplicate it dropped.</summary>
/// <param name="FileName">The snapshot file.</param>
/// <param name="JsonPath">Where the duplicate is.</param>
/// <param name="Subject">The ENI id or address that was listed twice.</param>
/// <param name="EniId">The ENI the duplicate belongs to, or null.</param>
internal sealed record SnapshotNotice(string FileName, string JsonPath, string Subject, string? EniId);
