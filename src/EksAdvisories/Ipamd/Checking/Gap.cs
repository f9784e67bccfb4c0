namespace EksAdvisories.Ipamd;

/// <summary>Addresses EC2 has on one ENI that the datastore lacks at the end of a run, and what this IPAMD will do about them.</summary>
internal sealed record Gap(string EniId, int Missing, GapKind Kind);
