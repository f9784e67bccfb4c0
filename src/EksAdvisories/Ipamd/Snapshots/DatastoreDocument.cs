namespace EksAdvisories.Ipamd;

/// <summary>
/// The datastore as the introspection endpoint reported it, ENIs of every network card in (card, device number) order.
/// The counts are 64-bit: on an IPv6 node each /80 prefix adds 2^48 to <c>TotalIPs</c> (data_store.go v1.12.2 and v1.23.0,
/// <c>ds.total += Size()</c>).
/// </summary>
internal sealed record DatastoreDocument(EnisShape Shape, long TotalIps, long AssignedIps, IReadOnlyList<DatastoreEni> Enis)
{
    /// <summary>True when some ENI holds IPv6 prefixes: the node runs IPAMD in IPv6 mode.</summary>
    public bool HasIpv6 => Enis.Any(e => e.Ipv6CidrCount > 0);
}
