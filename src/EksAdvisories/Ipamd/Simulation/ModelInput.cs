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
    IReadOnlyCollection<uint> Assigned,
    ModelMechanics Mechanics,
    bool DisableEniProvisioning)
{
    /// <summary>maxIPsPerENI (and maxPrefixesPerENI): the limit minus the primary IP, which IPAMD never gives to pods.</summary>
    public int MaxUnitsPerEni => PerEniLimit - 1;

    public bool PrefixDelegation => Pool.PrefixDelegation;

    private IReadOnlySet<uint>? _heldByDatastore;
    private IReadOnlySet<uint>? _heldByImds;

    /// <summary>
    /// ipamd.go nodeInit: the pods' addresses that lie in a block of the datastore the run starts from (the current one, or
    /// the one rebuilt from IMDS); the others are dropped. The same for every behaviour, so worked out once per start.
    /// </summary>
    public IReadOnlySet<uint> AssignedHeldBy(SimulationStart start) => start == SimulationStart.CurrentDatastore
        ? _heldByDatastore ??= HeldBy(Datastore.SelectMany(e => e.Cidrs))
        : _heldByImds ??= HeldBy(Imds.SelectMany(e => e.Units(PrefixDelegation)));

    /// <summary>The model's starting point for a snapshot, or null when the instance type's limits are unknown.</summary>
    public static ModelInput? FromSnapshot(NodeSnapshot snapshot) => FromSnapshot(snapshot, ModelMechanics.RegressionEra);

    /// <summary>The model's starting point for a snapshot and the upstream mechanics of its version, or null when the instance type's limits are unknown.</summary>
    public static ModelInput? FromSnapshot(NodeSnapshot snapshot, ModelMechanics mechanics)
    {
        if (snapshot.Limits is not { } limits) return null;
        var settings = snapshot.Settings;
        var pool = new PoolConfig(limits.Ipv4AddressesPerInterface - 1, settings.WarmEniTarget, settings.WarmIpTarget, settings.MinimumIpTarget, settings.PrefixDelegation, settings.WarmPrefixTarget);
        var unmanaged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var eni in snapshot.Ec2)
        {
            if (EniOwnership.IsUnmanaged(eni, snapshot)) unmanaged.Add(eni.Id);
        }

        var ec2 = snapshot.Ec2.Where(e => !unmanaged.Contains(e.Id))
            .Select(e => new SimEni(e.Id, e.DeviceIndex ?? 0, e.DeviceIndex == 0, e.IsTrunk, e.PrimaryIp ?? 0, e.SecondaryIps.Concat(e.Prefixes))).ToList();
        var trunks = snapshot.Ec2.Where(e => e.IsTrunk).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var imds = snapshot.Imds.Interfaces.Where(i => !unmanaged.Contains(i.InterfaceId) && i.PrimaryIp is not null && (i.NetworkCard ?? 0) == 0)
            .Select(i => new SimEni(i.InterfaceId, i.DeviceNumber, i.DeviceNumber == 0, trunks.Contains(i.InterfaceId), i.PrimaryIp ?? 0, i.SecondaryIps.Concat(i.Prefixes))).ToList();
        var datastore = snapshot.Datastore.Enis.Where(e => e.NetworkCard == 0)
            .Select(e => new SimEni(e.Id, e.DeviceNumber, e.IsPrimary, e.IsTrunk || trunks.Contains(e.Id), 0, e.Cidrs)).ToList();
        var assigned = snapshot.Datastore.Enis.SelectMany(e => e.AssignedAddresses).ToHashSet();

        // ipamd.go v1.12.2 increaseDatastorePool 806-810 and getMaxENI 1139-1155: IPAMD's ENI limit (its per-type table,
        // which follows network card 0), capped by MAX_ENI, less the unmanaged ENIs and one slot kept for the trunk ENI.
        var maxEnis = Math.Min(limits.IpamdEniLimit, settings.MaxEni ?? int.MaxValue) - unmanaged.Count
            - (settings.PodEni && !snapshot.Ec2.Any(e => e.IsTrunk) ? 1 : 0);
        return new ModelInput(limits.Ipv4AddressesPerInterface, Math.Max(maxEnis, 0), pool, settings.CustomNetworking, ec2, imds, datastore, assigned,
            mechanics, settings.DisableEniProvisioning);
    }

    /// <summary>
    /// The assigned addresses some block contains. A block contains an address when their leading PrefixLength bits agree
    /// (<see cref="Ipv4Cidr.Contains"/>), so the blocks are indexed by length and those bits: one lookup per distinct length
    /// (one or two in practice) instead of a scan of every block for every address.
    /// </summary>
    private HashSet<uint> HeldBy(IEnumerable<Ipv4Cidr> blocks)
    {
        var byLength = new List<(int Shift, HashSet<uint> Keys)>(2);
        var everything = false;
        foreach (var block in blocks)
        {
            if (block.PrefixLength == 0)
            {
                everything = true;
                continue;
            }

            var shift = 32 - block.PrefixLength;
            var index = 0;
            while (index < byLength.Count && byLength[index].Shift != shift) index++;
            if (index == byLength.Count) byLength.Add((shift, []));

            byLength[index].Keys.Add(block.Network >> shift);
        }

        var held = new HashSet<uint>();
        foreach (var address in Assigned)
        {
            var inside = everything;
            for (var i = 0; i < byLength.Count && !inside; i++) inside = byLength[i].Keys.Contains(address >> byLength[i].Shift);
            if (inside) held.Add(address);
        }

        return held;
    }
}
