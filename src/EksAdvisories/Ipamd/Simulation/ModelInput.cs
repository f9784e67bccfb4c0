namespace EksAdvisories.Ipamd;

/// <summary>Everything the reference model starts from: the limits, the settings, and the three views of the node's ENIs in device order.</summary>
internal sealed record ModelInput(
    int PerEniLimit,
    int MaxEnis,
    PoolConfig Pool,
    bool CustomNetworking,
    List<SimEni> Ec2,
    List<SimEni> Imds,
    List<SimEni> Datastore,
    AddressSet Assigned,
    ModelMechanics Mechanics,
    bool DisableEniProvisioning)
{
    /// <summary>maxIPsPerENI (and maxPrefixesPerENI): the limit minus the primary IP, which IPAMD never gives to pods.</summary>
    public int MaxUnitsPerEni => PerEniLimit - 1;

    public bool PrefixDelegation => Pool.PrefixDelegation;

    private List<SimEni>? _restartDatastore;
    private IReadOnlyList<MissingUnit>? _missingNow;
    private IReadOnlyList<MissingUnit>? _missingAfterRestart;
    private AddressSet? _heldByDatastore;
    private AddressSet? _heldByImds;
    private uint? _highestNow;
    private uint? _highestAfterRestart;

    /// <summary>
    /// ipamd.go nodeInit: the datastore a restart rebuilds from IMDS (GetAttachedENIs, setupENI), secondary IPs or prefixes
    /// depending on the mode; whatever IMDS does not list is simply not there. Shared by the runs, built once.
    /// </summary>
    public List<SimEni> RestartDatastore => _restartDatastore ??= RebuildFromImds();

    private List<SimEni> RebuildFromImds()
    {
        // Where the current datastore already holds exactly what the rebuild would, its (shared, unchanging) ENI is reused.
        var current = new EniView(Datastore);
        var enis = new List<SimEni>(Imds.Count);
        foreach (var imds in Imds)
        {
            enis.Add(current.Find(imds.Id) is { } held && held.IsRebuildOf(imds, PrefixDelegation) ? held : imds.RebuiltInDatastore(PrefixDelegation).Share());
        }

        return enis;
    }

    /// <summary>What EC2 has that the datastore a run starts from lacks: the same for every behaviour, so worked out once per start.</summary>
    public IReadOnlyList<MissingUnit> MissingAt(SimulationStart start)
    {
        if (start == SimulationStart.CurrentDatastore) return _missingNow ??= Missing(Datastore);
        return _missingAfterRestart ??= Missing(RestartDatastore);
    }

    private List<MissingUnit> Missing(List<SimEni> datastore) =>
        IpamdModel.Missing(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Ec2), new EniView(datastore), PrefixDelegation);

    /// <summary>
    /// The highest address any view holds at the start (a block's last address, or an ENI's primary), above which simulated
    /// EC2 hands out new ones. The same for every behaviour, so worked out once per start.
    /// </summary>
    public uint HighestAddress(SimulationStart start) => start == SimulationStart.CurrentDatastore
        ? _highestNow ??= Highest(Datastore)
        : _highestAfterRestart ??= Highest(RestartDatastore);

    private uint Highest(List<SimEni> datastore)
    {
        var any = false;
        var highest = 0u;
        foreach (var view in (ReadOnlySpan<List<SimEni>>)[Ec2, Imds, datastore])
        {
            foreach (var eni in view)
            {
                any = true;
                highest = Math.Max(highest, eni.PrimaryIp);
                foreach (var cidr in eni.Blocks) highest = Math.Max(highest, cidr.Network + (uint)cidr.AddressCount - 1);
            }
        }

        return any ? highest : 0x0A000000u;
    }

    /// <summary>
    /// ipamd.go nodeInit: the pods' addresses that lie in a block of the datastore the run starts from (the current one, or
    /// the one rebuilt from IMDS); the others are dropped. The same for every behaviour, so worked out once per start.
    /// </summary>
    public AddressSet AssignedHeldBy(SimulationStart start) => start == SimulationStart.CurrentDatastore
        ? _heldByDatastore ??= HeldBy(Datastore)
        : _heldByImds ??= HeldBy(RestartDatastore);

    /// <summary>The model's starting point for a snapshot, or null when the instance type's limits are unknown.</summary>
    public static ModelInput? FromSnapshot(NodeSnapshot snapshot) => FromSnapshot(snapshot, ModelMechanics.RegressionEra);

    /// <summary>The model's starting point for a snapshot and the upstream mechanics of its version, or null when the instance type's limits are unknown.</summary>
    public static ModelInput? FromSnapshot(NodeSnapshot snapshot, ModelMechanics mechanics)
    {
        if (snapshot.Limits is not { } limits) return null;
        var settings = snapshot.Settings;
        var pool = new PoolConfig(limits.Ipv4AddressesPerInterface - 1, settings.WarmEniTarget, settings.WarmIpTarget, settings.MinimumIpTarget, settings.PrefixDelegation, settings.WarmPrefixTarget);
        HashSet<string>? unmanaged = null;
        var snapshotEc2 = ListSpan.Of(snapshot.Ec2);
        foreach (var eni in snapshotEc2)
        {
            if (EniOwnership.IsUnmanaged(eni, snapshot)) (unmanaged ??= new HashSet<string>(StringComparer.Ordinal)).Add(eni.Id);
        }

        // Plain loops into lists of the right size: this runs for every node whose views disagree.
        var ec2 = new List<SimEni>(snapshot.Ec2.Count);
        HashSet<string>? trunks = null;
        foreach (var e in snapshotEc2)
        {
            if (e.IsTrunk) (trunks ??= new HashSet<string>(StringComparer.Ordinal)).Add(e.Id);
            if (unmanaged?.Contains(e.Id) == true) continue;
            ec2.Add(new SimEni(e.Id, e.DeviceIndex ?? 0, e.DeviceIndex == 0, e.IsTrunk, e.PrimaryIp ?? 0, ListSpan.Of(e.SecondaryIps), ListSpan.Of(e.Prefixes)).Share());
        }

        var imds = new List<SimEni>(snapshot.Imds.Interfaces.Count);
        var ec2View = new EniView(ec2);
        foreach (var i in ListSpan.Of(snapshot.Imds.Interfaces))
        {
            if (unmanaged?.Contains(i.InterfaceId) == true || i.PrimaryIp is null || (i.NetworkCard ?? 0) != 0) continue;
            var isTrunk = trunks?.Contains(i.InterfaceId) == true;

            // An ENI IMDS lists exactly as EC2 has it (most of them) shares EC2's ENI: both are shared and never changed.
            var atEc2 = ec2View.Find(i.InterfaceId);
            imds.Add(atEc2 is not null && atEc2.HasExactly(i.DeviceNumber, isTrunk, i.PrimaryIp.Value, ListSpan.Of(i.SecondaryIps), ListSpan.Of(i.Prefixes))
                ? atEc2
                : new SimEni(atEc2?.Id ?? i.InterfaceId, i.DeviceNumber, i.DeviceNumber == 0, isTrunk, i.PrimaryIp ?? 0, ListSpan.Of(i.SecondaryIps), ListSpan.Of(i.Prefixes)).Share());
        }

        var datastore = new List<SimEni>(snapshot.Datastore.Enis.Count);
        var datastoreAll = ListSpan.Of(snapshot.Datastore.Enis);
        foreach (var e in datastoreAll)
        {
            if (e.NetworkCard != 0) continue;
            // The views name one ENI with one string (EC2's), so the model's lookups mostly end at a reference comparison.
            datastore.Add(new SimEni(ec2View.Find(e.Id)?.Id ?? e.Id, e.DeviceNumber, e.IsPrimary, e.IsTrunk || trunks?.Contains(e.Id) == true, 0, ListSpan.Of(e.Cidrs), []).Share());
        }

        var addressLists = new IReadOnlyList<uint>[datastoreAll.Length];
        for (var i = 0; i < addressLists.Length; i++) addressLists[i] = datastoreAll[i].AssignedAddresses;
        var assigned = AddressSet.From(addressLists);

        // ipamd.go v1.12.2 increaseDatastorePool 806-810 and getMaxENI 1139-1155: IPAMD's ENI limit (its per-type table,
        // which follows network card 0), capped by MAX_ENI, less the unmanaged ENIs and one slot kept for the trunk ENI.
        var maxEnis = Math.Min(limits.IpamdEniLimit, settings.MaxEni ?? int.MaxValue) - (unmanaged?.Count ?? 0)
            - (settings.PodEni && trunks is null ? 1 : 0);
        return new ModelInput(limits.Ipv4AddressesPerInterface, Math.Max(maxEnis, 0), pool, settings.CustomNetworking, ec2, imds, datastore, assigned,
            mechanics, settings.DisableEniProvisioning);
    }

    /// <summary>
    /// The assigned addresses some block of <paramref name="enis"/> contains. The blocks are /32s and /28s (the readers
    /// refuse others), so one sorted array of them answers every address in one walk; when every address is held, as
    /// usual, the set itself is the answer and nothing is copied.
    /// </summary>
    private AddressSet HeldBy(List<SimEni> enis)
    {
        if (Assigned.Count == 0) return Assigned;
        var count = 0;
        foreach (var eni in enis) count += eni.Cidrs.Count;
        bool[]? rentedMask = null;
        var rented = System.Buffers.ArrayPool<Ipv4Cidr>.Shared.Rent(count);
        try
        {
            var at = 0;
            foreach (var eni in enis)
            {
                foreach (var cidr in eni.Blocks) rented[at++] = cidr;
            }

            var blocks = rented.AsSpan(0, count);
            blocks.Sort();

            // The addresses ascend, and so do the two blocks that could hold each (its /32, its /28): one walk per kind.
            var addresses = Assigned.Items;
            // A node's pods fit on the stack; a larger set borrows its mask (every entry is written below).
            var keep = addresses.Length <= 4096 ? stackalloc bool[addresses.Length] : (rentedMask = System.Buffers.ArrayPool<bool>.Shared.Rent(addresses.Length)).AsSpan(0, addresses.Length);
            int single = 0, prefix = 0;
            for (var i = 0; i < addresses.Length; i++)
            {
                var asSingle = Ipv4Cidr.Single(addresses[i]);
                var asPrefix = new Ipv4Cidr(addresses[i] & ~15u, Ipv4Cidr.PrefixDelegationLength);
                while (single < blocks.Length && blocks[single] < asSingle) single++;
                while (prefix < blocks.Length && blocks[prefix] < asPrefix) prefix++;
                keep[i] = (single < blocks.Length && blocks[single] == asSingle) || (prefix < blocks.Length && blocks[prefix] == asPrefix);
            }

            return Assigned.Where(keep);
        }
        finally
        {
            System.Buffers.ArrayPool<Ipv4Cidr>.Shared.Return(rented);
            if (rentedMask is not null) System.Buffers.ArrayPool<bool>.Shared.Return(rentedMask);
        }
    }
}
