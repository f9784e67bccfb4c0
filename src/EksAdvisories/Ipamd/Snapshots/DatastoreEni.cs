namespace EksAdvisories.Ipamd;

/// <summary>
/// One ENI as IPAMD's datastore holds it (<c>/v1/enis</c>): its network card (0 in the flat shape), its secondary IPs and
/// prefixes, the addresses handed to pods, and how many IPv6 prefixes it holds.
/// </summary>
internal sealed record DatastoreEni(
    string Id, int NetworkCard, bool IsPrimary, bool IsTrunk, bool IsEfa, int DeviceNumber, IReadOnlyList<Ipv4Cidr> Cidrs,
    IReadOnlyList<uint> AssignedAddresses, int Ipv6CidrCount);
