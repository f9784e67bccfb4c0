namespace EksAdvisories.Ipamd;

/// <summary>
/// One ENI in one of the model's three views (EC2, IMDS, the datastore): its secondary /32s and /28 prefixes together,
/// since EC2 counts both against the same per-ENI limit and the datastore keeps both in AvailableIPv4Cidrs.
/// </summary>
internal sealed class SimEni
{
    public SimEni(string id, int deviceNumber, bool isPrimary, uint primaryIp, IEnumerable<Ipv4Cidr> cidrs)
    {
        Id = id;
        DeviceNumber = deviceNumber;
        IsPrimary = isPrimary;
        PrimaryIp = primaryIp;
        Cidrs = new SortedSet<Ipv4Cidr>(cidrs);
    }

    public string Id { get; }

    public int DeviceNumber { get; }

    public bool IsPrimary { get; }

    /// <summary>Zero in the datastore view, which never holds the primary IP.</summary>
    public uint PrimaryIp { get; }

    public SortedSet<Ipv4Cidr> Cidrs { get; }

    /// <summary>The CIDRs IPAMD manages in the given mode: /28 prefixes in prefix-delegation mode, secondary /32s otherwise.</summary>
    public IEnumerable<Ipv4Cidr> Units(bool prefixDelegation) => Cidrs.Where(c => c.IsPrefix == prefixDelegation);

    public int UnitCount(bool prefixDelegation) => Cidrs.Count(c => c.IsPrefix == prefixDelegation);

    public SimEni Clone() => new(Id, DeviceNumber, IsPrimary, PrimaryIp, Cidrs);
}
