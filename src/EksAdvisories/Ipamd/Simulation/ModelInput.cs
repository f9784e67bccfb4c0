namespace EksAdvisories.Ipamd;

/// <summary>Everything the reference model starts from: the limits, the settings, and the three views of the node's ENIs in device order.</summary>
internal sealed record ModelInput(
    int PerEniLimit,
    int MaxEnis,
    PoolConfig Pool,
    bool CustomNetworking,
    IReadOnlyList<SimEni> Ec2,
    IReadOnlyList<SimEni> Imds,
    IReadOnlyList<SimEni> Datastore,
    IReadOnlyCollection<uint> Assigned)
{
    /// <summary>maxIPsPerENI (and maxPrefixesPerENI): the limit minus the primary IP, which IPAMD never gives to pods.</summary>
    public int MaxUnitsPerEni => PerEniLimit - 1;

    public bool PrefixDelegation => Pool.PrefixDelegation;

    /// <summary>The model's starting point for a snapshot, or null when the instance type's limits are unknown.</summary>
    public static ModelInput? FromSnapshot(NodeSnapshot snapshot)
    {
        if (snapshot.Limits is not { } limits) return null;
        var settings = snapshot.Settings;
        var pool = new PoolConfig(limits.Ipv4AddressesPerInterface - 1, settings.WarmEniTarget, settings.WarmIpTarget, settings.MinimumIpTarget, settings.PrefixDelegation, settings.WarmPrefixTarget);
        var ec2 = snapshot.Ec2.Select(e => new SimEni(e.Id, e.DeviceIndex ?? 0, e.DeviceIndex == 0, e.PrimaryIp, e.SecondaryIps.Concat(e.Prefixes))).ToList();
        var imds = snapshot.Imds.Interfaces.Select(i => new SimEni(i.InterfaceId, i.DeviceNumber, i.DeviceNumber == 0, i.PrimaryIp, i.SecondaryIps.Concat(i.Prefixes))).ToList();
        var datastore = snapshot.Datastore.Enis.Select(e => new SimEni(e.Id, e.DeviceNumber, e.IsPrimary, 0, e.Cidrs)).ToList();
        var assigned = snapshot.Datastore.Enis.SelectMany(e => e.AssignedAddresses).ToHashSet();
        return new ModelInput(limits.Ipv4AddressesPerInterface, limits.MaximumNetworkInterfaces, pool, settings.CustomNetworking, ec2, imds, datastore, assigned);
    }
}
