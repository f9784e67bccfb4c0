using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// The reference model of IPAMD: a deterministic simulation (fixed clock from zero, ENIs in device order) of nodeInit,
/// the 5 s pool loop and the 60 s reconcile against a simulated EC2 that enforces the per-ENI address limit. Pods are
/// held as they are in the snapshot (none arrive or leave), and IMDS keeps its staleness for the whole horizon: it learns
/// only of the changes IPAMD itself makes. Releasing surplus IPs (decreaseDatastorePool) is not modelled, since it
/// neither opens nor closes a gap.
/// </summary>
internal sealed class IpamdModel
{
    /// <summary>ipamd.go ipPoolMonitorInterval.</summary>
    public static readonly TimeSpan PoolInterval = TimeSpan.FromSeconds(5);

    /// <summary>ipamd.go nodeIPPoolReconcileInterval.</summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(60);

    private readonly ModelInput _input;
    private readonly IpamdBehavior _behavior;
    private readonly bool _pd;
    private readonly List<SimEni> _ec2;
    private readonly List<SimEni> _imds;
    private readonly List<SimEni> _datastore;
    private readonly IReadOnlySet<uint> _assigned;
    private uint _nextAddress;

    /// <summary>Bumped on every change to the EC2 or datastore view, so "is anything still missing?" is only recomputed after a change.</summary>
    private int _changes;
    private TimeSpan _lastPoolAction;
    private int _assignCalls, _assignRefused, _describeCalls, _enisAttached, _reconcileRuns;

    private IpamdModel(ModelInput input, IpamdBehavior behavior, SimulationStart start)
    {
        _input = input;
        _behavior = behavior;
        _pd = input.PrefixDelegation;
        _ec2 = input.Ec2.Select(e => e.Clone()).ToList();
        _imds = input.Imds.Select(e => e.Clone()).ToList();
        if (start == SimulationStart.CurrentDatastore)
        {
            _datastore = input.Datastore.Select(e => e.Clone()).ToList();
        }
        else
        {
            // ipamd.go nodeInit: the datastore is rebuilt from IMDS (GetAttachedENIs, setupENI), secondary IPs or
            // prefixes depending on the mode; whatever IMDS does not list is simply not there.
            _datastore = _imds.Select(e => new SimEni(e.Id, e.DeviceNumber, e.DeviceNumber == 0, 0, e.Units(_pd))).ToList();
        }

        // ipamd.go nodeInit: pods restored from the state file whose IP is not in the datastore are dropped.
        _assigned = input.AssignedHeldBy(start);
        _nextAddress = Highest() + 1;
    }

    /// <summary>Runs the model for <paramref name="horizon"/> of simulated time.</summary>
    public static BehaviorOutcome Run(ModelInput input, IpamdBehavior behavior, SimulationStart start, TimeSpan horizon)
    {
        var model = new IpamdModel(input, behavior, start);
        return model.Run(horizon, start);
    }

    private BehaviorOutcome Run(TimeSpan horizon, SimulationStart start)
    {
        var missingAtStart = Missing();
        TimeSpan? recoveredAfter = missingAtStart.Count == 0 ? TimeSpan.Zero : null;
        var checkedAt = _changes;
        for (var now = PoolInterval; now <= horizon; now += PoolInterval)
        {
            // ipamd.go StartNodeIPPoolManager: every tick updateIPPoolIfRequired, then nodeIPPoolReconcile, which
            // returns at once unless the last pool action is more than nodeIPPoolReconcileInterval ago.
            UpdateIpPoolIfRequired(now);
            if (now - _lastPoolAction > ReconcileInterval) NodeIpPoolReconcile(now);

            // Nothing that was missing can have arrived unless a view changed since the last look.
            if (recoveredAfter is null && checkedAt != _changes)
            {
                checkedAt = _changes;
                if (!AnyMissing()) recoveredAfter = now;
            }
        }

        var missingAtEnd = Missing();
        return new BehaviorOutcome(_behavior, start, missingAtEnd.Count == 0 ? recoveredAfter : null, _assignCalls, _assignRefused,
            _describeCalls, _enisAttached, _reconcileRuns, missingAtStart, missingAtEnd, Summarize(missingAtStart, missingAtEnd, recoveredAfter, horizon));
    }

    private (int Total, int Assigned) Stats()
    {
        long total = 0;
        foreach (var eni in _datastore) total += eni.AddressCount;
        return (checked((int)total), _assigned.Count);
    }

    /// <summary>ipamd.go updateIPPoolIfRequired / increaseDatastorePool.</summary>
    private void UpdateIpPoolIfRequired(TimeSpan now)
    {
        var (total, assigned) = Stats();
        if (!PoolRules.IsPoolTooLow(_input.Pool, total, assigned)) return;

        // ipamd.go increaseDatastorePool: with an IP target that is already met there is nothing to do.
        var (shortfall, _, defined) = PoolRules.TargetState(_input.Pool, total, assigned);
        if (defined && shortfall == 0) return;

        // ipamd.go increaseDatastorePool: IPs or prefixes on an existing ENI first; only when that did not "increase
        // the pool" a new ENI, while the datastore holds fewer ENIs than the instance type allows.
        if (TryAssignCidrs(total, assigned))
        {
            _lastPoolAction = now;
            return;
        }

        if (_datastore.Count < _input.MaxEnis && TryAllocateEni(total, assigned)) _lastPoolAction = now;
    }

    /// <summary>ipamd.go tryAssignCidrs, tryAssignIPs and tryAssignPrefixes, with the refusal handling of each behaviour.</summary>
    private bool TryAssignCidrs(int total, int assigned)
    {
        var toAllocate = _pd
            ? PoolRules.PrefixesToAllocate(_input.Pool, total, assigned, FreePrefixes())
            : PoolRules.IpsToAllocate(_input.Pool, total, assigned);
        if (toAllocate == 0) return false;

        // datastore.go GetENINeedsIP: the first ENI (here: lowest device number) holding fewer than the per-ENI maximum,
        // never the primary ENI under custom networking.
        var max = _input.MaxUnitsPerEni;
        SimEni? eni = null;
        foreach (var candidate in _datastore)
        {
            if (candidate.Cidrs.Count < max && !(_input.CustomNetworking && candidate.IsPrimary))
            {
                eni = candidate;
                break;
            }
        }

        if (eni is null) return false;

        var granted = AssignPrivateIpAddresses(eni.Id, Math.Min(max - eni.Cidrs.Count, toAllocate));
        if (granted is null)
        {
            switch (_behavior)
            {
                case IpamdBehavior.Affected:
                    // ipamd.go tryAssignIPs (v1.11.4-rc1..v1.12.2): PrivateIpAddressLimitExceeded is logged at debug
                    // level and reported as "pool increased" without adding anything.
                    return true;
                case IpamdBehavior.Fixed:
                    // ipamd.go tryAssignIPs (v1.12.5+, PR 2210): on the refusal, ask EC2 which addresses the ENI has.
                    AddFromEc2(eni);
                    return true;
                default:
                    // ipamd.go tryAssignIPs (v1.11.3): EC2 is asked for the ENI's addresses after every allocation attempt.
                    AddFromEc2(eni);
                    return true;
            }
        }

        if (granted.Count == 0) return false;
        AddTo(eni, granted);
        AddTo(Find(_imds, eni.Id), granted);
        // ipamd.go tryAssignIPs (v1.11.3): GetIPv4sFromEC2 after the allocation, which also brings in what was missing.
        if (_behavior == IpamdBehavior.PreRegression) AddFromEc2(eni);
        return true;
    }

    /// <summary>ipamd.go tryAllocateENI: attach a new ENI and give it a full ENI's worth (or the IP target's shortfall) at once.</summary>
    private bool TryAllocateEni(int total, int assigned)
    {
        // EC2 refuses an attachment beyond the instance type's ENI limit (AttachmentLimitExceeded).
        if (_ec2.Count >= _input.MaxEnis) return false;
        var device = 1;
        while (_ec2.Exists(e => e.DeviceNumber == device)) device++;
        var id = string.Create(CultureInfo.InvariantCulture, $"eni-simulated{_enisAttached + 1:D4}");
        var primary = _nextAddress++;
        _ec2.Add(new SimEni(id, device, false, primary, []));
        _enisAttached++;
        _changes++;

        var (shortfall, _, defined) = PoolRules.TargetState(_input.Pool, total, assigned);
        var count = _pd
            ? Math.Max(1, Math.Min(defined ? shortfall : Math.Max(_input.Pool.WarmPrefixTarget, 1), _input.MaxUnitsPerEni))
            : defined ? Math.Min(Math.Max(shortfall, 1), _input.MaxUnitsPerEni) : _input.MaxUnitsPerEni;
        var granted = AssignPrivateIpAddresses(id, count) ?? [];
        _datastore.Add(new SimEni(id, device, false, 0, granted));
        _changes++;
        _imds.Add(new SimEni(id, device, false, primary, granted));
        _datastore.Sort((a, b) => a.DeviceNumber.CompareTo(b.DeviceNumber));
        _imds.Sort((a, b) => a.DeviceNumber.CompareTo(b.DeviceNumber));
        return true;
    }

    /// <summary>
    /// ipamd.go nodeIPPoolReconcile / eniIPPoolReconcile: per ENI IMDS lists, EC2 is asked only when the IMDS count differs
    /// from the datastore's (count-only comparison), and the datastore is made to match whichever list was used.
    /// </summary>
    private void NodeIpPoolReconcile(TimeSpan now)
    {
        _reconcileRuns++;
        foreach (var imdsEni in _imds)
        {
            var dsEni = Find(_datastore, imdsEni.Id);
            if (dsEni is null)
            {
                // nodeIPPoolReconcile: an ENI IMDS lists but the datastore lacks is set up from IMDS.
                _datastore.Add(new SimEni(imdsEni.Id, imdsEni.DeviceNumber, imdsEni.DeviceNumber == 0, 0, imdsEni.Units(_pd)));
                _changes++;
                continue;
            }

            var truth = imdsEni;
            if (imdsEni.UnitCount(_pd) != dsEni.UnitCount(_pd))
            {
                // eniIPPoolReconcile: "Instance metadata does not match data store!" → GetIPv4sFromEC2.
                _describeCalls++;
                truth = Find(_ec2, imdsEni.Id);
            }

            // The datastore is made to hold exactly the truth's units (keeping units a pod uses); when it already does,
            // as on most runs, there is nothing to change.
            if (truth is not null && dsEni.SameUnits(truth, _pd)) continue;
            if (truth is not null) AddTo(dsEni, truth.Units(_pd));
            if (dsEni.RemoveWhere(c => c.IsPrefix == _pd && !(truth?.Contains(c) ?? false) && !HoldsAssigned(c)) > 0) _changes++;
        }

        if (_datastore.RemoveAll(e => !_imds.Exists(i => i.Id == e.Id) && !e.Cidrs.Any(HoldsAssigned)) > 0) _changes++;
        _datastore.Sort((a, b) => a.DeviceNumber.CompareTo(b.DeviceNumber));
        _lastPoolAction = now;
    }

    /// <summary>
    /// The simulated EC2 AssignPrivateIpAddresses (count, or Ipv4PrefixCount in prefix mode): refused with
    /// PrivateIpAddressLimitExceeded (null) when 1 + the addresses and prefixes the ENI has + the request exceed the limit.
    /// </summary>
    private List<Ipv4Cidr>? AssignPrivateIpAddresses(string eniId, int count)
    {
        _assignCalls++;
        var eni = Find(_ec2, eniId);
        if (eni is null) return [];
        if (1 + eni.Cidrs.Count + count > _input.PerEniLimit)
        {
            _assignRefused++;
            return null;
        }

        var granted = new List<Ipv4Cidr>(count);
        for (var i = 0; i < count; i++)
        {
            if (_pd)
            {
                var start = (_nextAddress + 15) & ~15u;
                granted.Add(new Ipv4Cidr(start, Ipv4Cidr.PrefixDelegationLength));
                _nextAddress = start + 16;
            }
            else
            {
                granted.Add(Ipv4Cidr.Single(_nextAddress++));
            }
        }

        AddTo(eni, granted);
        return granted;
    }

    /// <summary>ipamd.go GetIPv4sFromEC2 / addENIsecondaryIPsToDataStore (addENIv4prefixesToDataStore): every non-primary address EC2 has.</summary>
    private void AddFromEc2(SimEni dsEni)
    {
        _describeCalls++;
        if (Find(_ec2, dsEni.Id) is { } ec2Eni) AddTo(dsEni, ec2Eni.Units(_pd));
    }

    private void AddTo(SimEni? eni, IEnumerable<Ipv4Cidr> cidrs)
    {
        if (eni is null) return;
        foreach (var cidr in cidrs)
        {
            if (eni.Add(cidr)) _changes++;
        }
    }

    private static SimEni? Find(List<SimEni> enis, string id)
    {
        foreach (var eni in enis)
        {
            if (string.Equals(eni.Id, id, StringComparison.Ordinal)) return eni;
        }

        return null;
    }

    /// <summary>Whether a pod uses an address inside the block; looks up the block's addresses or the pods', whichever are fewer.</summary>
    private bool HoldsAssigned(Ipv4Cidr cidr)
    {
        if (_assigned.Count == 0) return false;
        if (cidr.PrefixLength == 0) return true;
        var size = 1L << (32 - cidr.PrefixLength);
        if (size > _assigned.Count)
        {
            foreach (var address in _assigned)
            {
                if (cidr.Contains(address)) return true;
            }

            return false;
        }

        var first = (cidr.Network >> (32 - cidr.PrefixLength)) << (32 - cidr.PrefixLength);
        for (var i = 0L; i < size; i++)
        {
            if (_assigned.Contains(first + (uint)i)) return true;
        }

        return false;
    }

    private int FreePrefixes()
    {
        var free = 0;
        foreach (var eni in _datastore)
        {
            foreach (var cidr in eni.Blocks)
            {
                if (cidr.IsPrefix && !HoldsAssigned(cidr)) free++;
            }
        }

        return free;
    }

    /// <summary>The highest address any view holds (a block's last address, or an ENI's primary), where simulated EC2 hands out new ones above.</summary>
    private uint Highest()
    {
        var any = false;
        var highest = 0u;
        foreach (var view in (List<SimEni>[])[_ec2, _imds, _datastore])
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

    /// <summary>The per-tick form of <see cref="Missing"/>: whether EC2 has any unit the datastore lacks, without naming them.</summary>
    private bool AnyMissing()
    {
        foreach (var ec2Eni in _ec2)
        {
            if (ec2Eni.UnitCount(_pd) > 0 && CollectMissing(ec2Eni, Find(_datastore, ec2Eni.Id), null) > 0) return true;
        }

        return false;
    }

    /// <summary>Addresses EC2 has on the node's ENIs that the datastore lacks, as <c>eni-…:10.0.1.15</c>.</summary>
    private List<string> Missing()
    {
        var missing = new List<string>();
        foreach (var ec2Eni in _ec2) CollectMissing(ec2Eni, Find(_datastore, ec2Eni.Id), missing);
        return missing;
    }

    /// <summary>
    /// Counts (and names, when <paramref name="names"/> is given) the units of an EC2 ENI its datastore ENI lacks, in
    /// ascending order. Both hold their blocks sorted, so one merge pass answers it.
    /// </summary>
    private int CollectMissing(SimEni ec2Eni, SimEni? dsEni, List<string>? names)
    {
        var have = dsEni is null ? default : dsEni.Blocks;
        var j = 0;
        var count = 0;
        foreach (var unit in ec2Eni.Blocks)
        {
            if (unit.IsPrefix != _pd) continue;
            while (j < have.Length && have[j] < unit) j++;
            if (j < have.Length && have[j] == unit) continue;
            count++;
            names?.Add(ec2Eni.Id + ":" + unit);
        }

        return count;
    }

    private string Summarize(List<string> missingAtStart, List<string> missingAtEnd, TimeSpan? recoveredAfter, TimeSpan horizon)
    {
        var calls = string.Create(CultureInfo.InvariantCulture,
            $"{_assignCalls} AssignPrivateIpAddresses call(s) ({_assignRefused} refused with PrivateIpAddressLimitExceeded), {_describeCalls} DescribeNetworkInterfaces, {_enisAttached} ENI(s) attached, {_reconcileRuns} reconcile run(s)");
        if (missingAtStart.Count == 0 && missingAtEnd.Count == 0) return $"Nothing is missing from the datastore; {calls}.";
        if (missingAtEnd.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Recovers after {recoveredAfter!.Value.TotalSeconds:0} s: the datastore holds all {missingAtStart.Count} missing address(es); {calls}.");
        }

        return string.Create(CultureInfo.InvariantCulture, $"Stays stuck for {horizon.TotalMinutes:0.#} min: {missingAtEnd.Count} address(es) EC2 has are still missing from the datastore; {calls}.");
    }
}
