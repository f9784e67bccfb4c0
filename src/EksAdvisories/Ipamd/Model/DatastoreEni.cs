namespace EksAdvisories.Ipamd;

/// <summary>One ENI as IPAMD's datastore holds it (<c>/v1/enis</c>): its secondary IPs and prefixes, and the addresses handed to pods.</summary>
internal sealed record DatastoreEni(string Id, bool IsPrimary, int DeviceNumber, IReadOnlyList<Ipv4Cidr> Cidrs, IReadOnlyList<uint> AssignedAddresses);
