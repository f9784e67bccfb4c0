using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// The reference model of IPAMD: a deterministic simulation (fixed clock from zero) of nodeInit's first request, the 5 s
/// pool loop and the 60 s reconcile against a simulated EC2 that enforces the per-ENI address limit. Pods are held as they
/// are in the snapshot (none arrive or leave). IMDS keeps the snapshot's view of the ENIs it lists for the whole horizon:
/// it learns neither the addresses it is missing nor the ones IPAMD itself adds (both recover through the reconcile, which
/// sees the datastore's count or set differ from IMDS's); an ENI IPAMD attaches appears in IMDS with its addresses.
/// Releasing surplus IPs (decreaseDatastorePool) is not modelled, since it neither opens nor closes a gap. Returns facts
/// (<see cref="ModelRun"/>), never prose.
/// </summary>
internal sealed class IpamdModel
{
    /// <summary>ipamd.go ipPoolMonitorInterval.</summary>
    public static readonly TimeSpan PoolInterval = TimeSpan.FromSeconds(5);

    /// <summary>ipamd.go nodeIPPoolReconcileInterval.</summary>
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromSeconds(60);

    /// <summary>The reconcile runs on the first tick more than <see cref="ReconcileInterval"/> after the last pool action.</summary>
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromSeconds(65);

    /// <summary>Go's zero time, as far as the reconcile's "more than 60 s ago" is concerned.</summary>
    private static readonly TimeSpan NeverActed = -ReconcileEvery;

    private readonly ModelInput _input;
    private readonly IpamdBehavior _behavior;
    private readonly EniChoice _choice;
    private readonly ModelMechanics _mechanics;
    private readonly bool _pd;
    private readonly EniView _ec2;
    private readonly EniView _imds;
    private readonly EniView _datastore;
    private readonly AddressSet _assigned;

    /// <summary>Per ENI asked: when EC2 last refused it and when addresses were last added to it; made on the first refusal.</summary>
    private Dictionary<string, (TimeSpan Refused, TimeSpan Added)>? _requests;
    private uint _nextAddress;

    /// <summary>Bumped on every change to the EC2 or datastore view.</summary>
    private int _changes;

    /// <summary>Go's zero time before any pool action: a restarted IPAMD reconciles on its first tick unless nodeInit's request succeeded.</summary>
    private TimeSpan _lastPoolAction;
    private int _assignCalls, _assignRefused, _describeCalls, _enisAttached, _reconcileRuns, _lastReconcileDescribes;
    private bool _choiceMattered;

    private IpamdModel(ModelInput input, IpamdBehavior behavior, SimulationStart start, EniChoice choice)
    {
        _input = input;
        _behavior = behavior;
        _choice = choice;
        _mechanics = input.Mechanics;
        _pd = input.PrefixDelegation;
        _ec2 = new EniView(input.Ec2);
        _imds = new EniView(input.Imds);
        if (start == SimulationStart.CurrentDatastore)
        {
            _datastore = new EniView(input.Datastore);

            // A running IPAMD's last pool action is not in the snapshot: taken as just before it.
            _lastPoolAction = TimeSpan.Zero;
        }
        else
        {
            // ipamd.go nodeInit: the datastore is rebuilt from IMDS (GetAttachedENIs, setupENI), secondary IPs or
            // prefixes depending on the mode; whatever IMDS does not list is simply not there.
            _datastore = new EniView(input.RestartDatastore);
            _lastPoolAction = NeverActed;
        }

        // ipamd.go nodeInit: pods restored from the state file whose IP is not in the datastore are dropped.
        _assigned = input.AssignedHeldBy(start);
        _nextAddress = input.HighestAddress(start) + 1;
    }

    /// <summary>Runs the model for <paramref name="horizon"/> of simulated time.</summary>
    /// <param name="input">The node's starting point.</param>
    /// <param name="behavior">The IPAMD behaviour modelled.</param>
    /// <param name="start">The current datastore, or a restart now.</param>
    /// <param name="horizon">How much simulated time to run.</param>
    /// <param name="choice">Which ENI Go's map order hands the request.</param>
    /// <param name="countRepeats">
    /// True (always, outside the tests): ticks that repeat the previous one are counted, not run. False runs every 5 s tick,
    /// which the tests use to hold the counting to the plain simulation.
    /// </param>
    public static ModelRun Run(ModelInput input, IpamdBehavior behavior, SimulationStart start, TimeSpan horizon, EniChoice choice = EniChoice.Worst, bool countRepeats = true)
    {
        var model = new IpamdModel(input, behavior, start, choice);
        return model.Run(horizon, start, countRepeats);
    }

    private ModelRun Run(TimeSpan horizon, SimulationStart start, bool countRepeats)
    {
        var missingAtStart = _input.MissingAt(start);
        TimeSpan? recoveredAfter = missingAtStart.Count == 0 ? TimeSpan.Zero : null;

        // ipamd.go nodeInit (v1.11.3:575-579, v1.12.2:574-587, v1.12.5:582-586): one tryAssignCidrs at start, without
        // asking whether the pool is low, whenever ENI provisioning is enabled.
        if (start == SimulationStart.RestartFromImds && !_input.DisableEniProvisioning)
        {
            var (total, assigned) = Stats();
            if (TryAssignCidrs(TimeSpan.Zero, total, assigned)) _lastPoolAction = TimeSpan.Zero;
        }

        var checkedAt = -1;
        for (var now = TimeSpan.Zero; now <= horizon; now += PoolInterval)
        {
            var changesBefore = _changes;
            var poolAction = false;
            var reconciled = false;
            var refusedBefore = _assignRefused;
            var (callsBefore, describesBefore) = (_assignCalls, _describeCalls);
            if (now > TimeSpan.Zero)
            {
                // ipamd.go StartNodeIPPoolManager (v1.12.2:639-655): updateIPPoolIfRequired unless ENI provisioning is
                // disabled, then nodeIPPoolReconcile, which returns unless the last pool action is over 60 s ago.
                if (!_input.DisableEniProvisioning) poolAction = UpdateIpPoolIfRequired(now);
                if (now - _lastPoolAction > ReconcileInterval)
                {
                    NodeIpPoolReconcile(now);
                    reconciled = true;
                }
            }

            if (recoveredAfter is null && checkedAt != _changes)
            {
                checkedAt = _changes;
                if (!AnyMissing()) recoveredAfter = now;
            }

            if (!countRepeats || now == TimeSpan.Zero || _changes != changesBefore) continue;

            // Nothing changed this tick, so every later tick repeats it: count the repeats instead of running them.
            var remaining = (int)((horizon - now).Ticks / PoolInterval.Ticks);
            if (reconciled && !poolAction)
            {
                var runs = (int)((horizon - now).Ticks / ReconcileEvery.Ticks);
                _reconcileRuns += runs;
                _describeCalls += runs * _lastReconcileDescribes;
                break;
            }

            if (poolAction && !reconciled && _behavior == IpamdBehavior.Affected && _assignRefused == refusedBefore + 1)
            {
                _assignCalls += remaining;
                _assignRefused += remaining;
                if (_lastRefusedThisTick is { } id) _requests![id] = (now + (PoolInterval * remaining), _requests[id].Added);

                break;
            }

            if (!poolAction && !reconciled && _assignCalls == callsBefore && _describeCalls == describesBefore)
            {
                // A quiet tick (no pool action, no reconcile, no call, no change): the pool decisions depend on the state,
                // not the clock, so every tick repeats it until the reconcile is next due, which the loop jumps to.
                var due = _lastPoolAction + ReconcileInterval;
                var next = TimeSpan.FromTicks(((due.Ticks / PoolInterval.Ticks) + 1) * PoolInterval.Ticks);
                if (next > horizon) break;
                now = next - PoolInterval;
            }
        }

        var missingAtEnd = Missing();
        var refusedToTheEnd = new List<string>(_requests?.Count ?? 0);
        foreach (var (id, times) in _requests ?? NoRequests)
        {
            // Refused within the last minute of the horizon and not given anything since: the refusals persist.
            if (times.Refused > horizon - ReconcileInterval && times.Added < times.Refused && _ec2.Find(id) is { } ec2Eni
                && CollectMissing(ec2Eni, _datastore.Find(id), null, _pd) > 0)
            {
                refusedToTheEnd.Add(id);
            }
        }

        refusedToTheEnd.Sort(StringComparer.Ordinal);
        return new ModelRun(_behavior, start, _choice, horizon, missingAtEnd.Count == 0 ? recoveredAfter : null, _assignCalls, _assignRefused,
            _describeCalls, _enisAttached, _reconcileRuns, missingAtStart, missingAtEnd, refusedToTheEnd, _choiceMattered);
    }

    private string? _lastRefusedThisTick;

    /// <summary>The requests of a run that EC2 never refused (most runs): one shared empty table.</summary>
    private static readonly Dictionary<string, (TimeSpan Refused, TimeSpan Added)> NoRequests = new(StringComparer.Ordinal);

    private (long Total, long Assigned) Stats()
    {
        long total = 0;
        foreach (var eni in _datastore.Items) total += eni.AddressCount;
        return (total, _assigned.Count);
    }

    /// <summary>ipamd.go updateIPPoolIfRequired / increaseDatastorePool; true when the pool action time was updated.</summary>
    private bool UpdateIpPoolIfRequired(TimeSpan now)
    {
        var (total, assigned) = Stats();
        if (!PoolRules.IsPoolTooLow(_input.Pool, total, assigned)) return false;

        // ipamd.go increaseDatastorePool (v1.12.2:768-779, through v1.16.2): with an IP target met, or in prefix mode the
        // warm-prefix shortfall 0, it returns before any request or ENI.
        if (_mechanics.PrefixPoolEarlyReturn)
        {
            var (shortfall, _, defined) = PoolRules.TargetState(_input.Pool, total, assigned);
            if (defined && shortfall == 0) return false;
            if (!defined && _pd && Math.Max(_input.Pool.WarmPrefixTarget - FreePrefixes(), 0) == 0) return false;
        }

        // IPs or prefixes on an existing ENI first; only when that did not "increase the pool" a new ENI, while the
        // datastore holds fewer ENIs than IPAMD's limit (v1.12.2:806-821).
        if (TryAssignCidrs(now, total, assigned))
        {
            _lastPoolAction = now;
            return true;
        }

        if (_datastore.Count < _input.MaxEnis && TryAllocateEni(total, assigned))
        {
            _lastPoolAction = now;
            return true;
        }

        return false;
    }

    /// <summary>ipamd.go tryAssignCidrs, tryAssignIPs and tryAssignPrefixes, with the refusal handling of each behaviour.</summary>
    private bool TryAssignCidrs(TimeSpan now, long total, long assigned)
    {
        _lastRefusedThisTick = null;
        var wanted = NextRequest.Wanted(_input.Pool, total, assigned, _pd ? FreePrefixes() : 0, _mechanics.PrefixPoolEarlyReturn);
        if (wanted == 0) return false;

        // datastore.go GetENINeedsIP: an ENI holding fewer than the per-ENI maximum, never the primary ENI under custom
        // networking, and from v1.16.4 never the trunk ENI; which one is Go's map order (see EniChoice).
        SimEni? chosen = null, granted = null, refused = null;
        foreach (var candidate in _datastore.Items)
        {
            if (!IsCandidate(candidate)) continue;
            var request = NextRequest.OnEni(_input.Pool, wanted, candidate.Cidrs.Count);
            var wouldRefuse = _ec2.Find(candidate.Id) is { } atEc2 && NextRequest.IsRefused(_input.PerEniLimit, atEc2.Cidrs.Count, request);
            if (wouldRefuse) refused ??= candidate;
            else granted ??= candidate;
        }

        if (granted is not null && refused is not null) _choiceMattered = true;
        chosen = _choice == EniChoice.Best ? granted ?? refused : refused ?? granted;
        if (chosen is null) return false;

        var count = NextRequest.OnEni(_input.Pool, wanted, chosen.Cidrs.Count);
        var result = AssignPrivateIpAddresses(chosen.Id, count);
        if (result is null)
        {
            _requests ??= new Dictionary<string, (TimeSpan, TimeSpan)>(StringComparer.Ordinal);
            _requests[chosen.Id] = (now, _requests.TryGetValue(chosen.Id, out var t) ? t.Added : NeverActed);
            _lastRefusedThisTick = chosen.Id;
            switch (_behavior)
            {
                case IpamdBehavior.Affected:
                    // awsutils.go v1.12.2 AllocIPAddresses 1488-1543 returns (nil, nil) on PrivateIpAddressLimitExceeded, and
                    // tryAssignIPs reports "pool increased" without adding anything (ipamd.go v1.12.2:944-947).
                    return true;
                default:
                    // v1.12.5+ (ipamd.go v1.12.5:955-963, PR 2210) asks EC2 on the refusal; v1.11.3 asks after every
                    // allocation attempt (ipamd.go v1.11.3:946): DescribeNetworkInterfaces, every address added.
                    AddFromEc2(chosen.Id, now);
                    return true;
            }
        }

        if (result.Count == 0) return false;
        AddUnits(chosen.Id, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(result), now);

        // ipamd.go tryAssignIPs (v1.11.3): GetIPv4sFromEC2 after the allocation, which also brings in what was missing.
        if (_behavior == IpamdBehavior.PreRegression) AddFromEc2(chosen.Id, now);
        return true;
    }

    private bool IsCandidate(SimEni eni) =>
        eni.Cidrs.Count < _input.MaxUnitsPerEni && !(_input.CustomNetworking && eni.IsPrimary) && !(_mechanics.TrunkEniSkipped && eni.IsTrunk);

    /// <summary>ipamd.go tryAllocateENI: attach a new ENI and give it a full ENI's worth (or the IP target's shortfall) at once.</summary>
    private bool TryAllocateEni(long total, long assigned)
    {
        // EC2 refuses an attachment beyond the instance type's ENI limit (AttachmentLimitExceeded).
        if (_ec2.Count >= _input.MaxEnis) return false;
        var device = 1;
        while (_ec2.HasDevice(device)) device++;
        var id = string.Create(CultureInfo.InvariantCulture, $"eni-simulated{_enisAttached + 1:D4}");
        var primary = _nextAddress++;
        _ec2.Add(new SimEni(id, device, false, false, primary, []));
        _enisAttached++;
        _changes++;

        var (shortfall, _, defined) = PoolRules.TargetState(_input.Pool, total, assigned);
        var count = _pd
            ? Math.Max(1, Math.Min(defined ? shortfall : Math.Max(_input.Pool.WarmPrefixTarget, 1), _input.MaxUnitsPerEni))
            : defined ? Math.Min(Math.Max(shortfall, 1), _input.MaxUnitsPerEni) : _input.MaxUnitsPerEni;
        var granted = AssignPrivateIpAddresses(id, count) ?? [];
        _datastore.Add(new SimEni(id, device, false, false, 0, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(granted)));
        _changes++;

        // The assumption on IMDS: an ENI IPAMD attaches appears there with its addresses (waitForENIAndIPsAttached).
        _imds.Add(new SimEni(id, device, false, false, primary, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(granted)));
        return true;
    }

    /// <summary>
    /// ipamd.go nodeIPPoolReconcile / eniIPPoolReconcile (v1.12.2:1275-1437): per ENI IMDS lists, EC2 is asked only when IMDS
    /// and the datastore differ (by count through v1.18, by set from v1.19.0); the datastore is then made to hold exactly
    /// the list used: what it lacks is added, and what the list lacks is force-removed even when a pod holds it. An ENI the
    /// datastore holds that IMDS does not list is force-removed too.
    /// </summary>
    private void NodeIpPoolReconcile(TimeSpan now)
    {
        _reconcileRuns++;
        _lastReconcileDescribes = 0;
        foreach (var imdsEni in _imds.Items)
        {
            var dsEni = _datastore.Find(imdsEni.Id);
            if (dsEni is null)
            {
                // nodeIPPoolReconcile: an ENI IMDS lists but the datastore lacks is set up from IMDS.
                _datastore.Add(imdsEni.RebuiltInDatastore(_pd));
                _changes++;
                continue;
            }

            var truth = imdsEni;
            var differs = _mechanics.ExactSetReconcile ? !dsEni.SameUnits(imdsEni, _pd) : imdsEni.UnitCount(_pd) != dsEni.UnitCount(_pd);
            if (differs)
            {
                // eniIPPoolReconcile: "Instance metadata does not match data store!" → GetIPv4sFromEC2; on an error it aborts.
                _describeCalls++;
                _lastReconcileDescribes++;
                if (_ec2.Find(imdsEni.Id) is not { } ec2Eni) continue;
                truth = ec2Eni;
            }

            if (dsEni.SameUnits(truth, _pd)) continue;
            AddUnitsOf(dsEni.Id, truth, now);

            // The sweep of eniIPPoolReconcile (force = true): what the list used lacks goes, even when a pod holds it.
            if (HasUnitsOutside(_datastore.Find(dsEni.Id)!, truth) && _datastore.Mutable(dsEni.Id)!.RemoveWhere(c => c.IsPrefix == _pd && !truth.Contains(c)) > 0) _changes++;
        }

        // The sweep: an ENI the datastore holds that IMDS does not list is force-removed.
        if (HasEniUnknownToImds() && _datastore.RemoveWhere(e => !_imds.Contains(e.Id)) > 0) _changes++;
        _lastPoolAction = now;
    }

    /// <summary>
    /// The simulated EC2 AssignPrivateIpAddresses (count, or Ipv4PrefixCount in prefix mode): refused with
    /// PrivateIpAddressLimitExceeded (null) by <see cref="NextRequest.IsRefused"/>.
    /// </summary>
    private List<Ipv4Cidr>? AssignPrivateIpAddresses(string eniId, int count)
    {
        _assignCalls++;
        if (_ec2.Find(eniId) is not { } atEc2) return [];
        if (NextRequest.IsRefused(_input.PerEniLimit, atEc2.Cidrs.Count, count))
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

        var eni = _ec2.Mutable(eniId)!;
        foreach (var cidr in granted)
        {
            if (eni.Add(cidr)) _changes++;
        }

        return granted;
    }

    /// <summary>ipamd.go GetIPv4sFromEC2 / addENIsecondaryIPsToDataStore (addENIv4prefixesToDataStore): every non-primary address EC2 has.</summary>
    private void AddFromEc2(string eniId, TimeSpan now)
    {
        _describeCalls++;
        if (_ec2.Find(eniId) is { } ec2Eni) AddUnitsOf(eniId, ec2Eni, now);
    }

    /// <summary>Adds to the datastore ENI what it lacks of <paramref name="source"/>'s units in this mode.</summary>
    private void AddUnitsOf(string eniId, SimEni source, TimeSpan now) => AddUnits(eniId, source.Blocks, now);

    private bool HasEniUnknownToImds()
    {
        foreach (var eni in _datastore.Items)
        {
            if (!_imds.Contains(eni.Id)) return true;
        }

        return false;
    }

    private void NoteAdded(string eniId, TimeSpan now)
    {
        if (_requests is not null && _requests.TryGetValue(eniId, out var times)) _requests[eniId] = (times.Refused, now);
    }

    /// <summary>
    /// Adds to the datastore ENI what it lacks of the units (the blocks of this mode) in <paramref name="blocks"/>; the ENI
    /// is copied only when something is added. The blocks ascend: they belong to another view's ENI or to a grant, never to the
    /// datastore ENI changed here.
    /// </summary>
    private void AddUnits(string eniId, ReadOnlySpan<Ipv4Cidr> blocks, TimeSpan now)
    {
        // Most calls (a read of EC2 that finds nothing new) add nothing: one merge pass says so before anything is looked up twice.
        var eni = _datastore.Find(eniId);
        if (eni is null || CollectMissing(eniId, blocks, eni.Blocks, null, _pd) == 0) return;
        if (eni.IsShared) eni = _datastore.Mutable(eniId)!;
        foreach (var cidr in blocks)
        {
            if (cidr.IsPrefix == _pd && eni.Add(cidr)) _changes++;
        }

        NoteAdded(eniId, now);
    }

    private bool HasUnitsOutside(SimEni eni, SimEni truth)
    {
        foreach (var cidr in eni.Blocks)
        {
            if (cidr.IsPrefix == _pd && !truth.Contains(cidr)) return true;
        }

        return false;
    }

    /// <summary>datastore.go GetFreePrefixes: prefixes no pod uses an address of.</summary>
    private int FreePrefixes() => PoolRules.FreePrefixes(_datastore.Items, _assigned);

    /// <summary>The per-tick form of <see cref="Missing()"/>: whether EC2 has any unit the datastore lacks, without naming them.</summary>
    private bool AnyMissing()
    {
        foreach (var ec2Eni in _ec2.Items)
        {
            if (ec2Eni.UnitCount(_pd) > 0 && CollectMissing(ec2Eni, _datastore.Find(ec2Eni.Id), null, _pd) > 0) return true;
        }

        return false;
    }

    /// <summary>Addresses EC2 has on the managed ENIs that the datastore lacks.</summary>
    private List<MissingUnit> Missing() => Missing(_ec2.Items, _datastore, _pd);

    /// <summary>The units of the EC2 ENIs their datastore ENIs lack, ENI by ENI in ascending order, in a list of the exact size.</summary>
    internal static List<MissingUnit> Missing(ReadOnlySpan<SimEni> ec2, EniView datastore, bool prefixDelegation)
    {
        var count = 0;
        foreach (var ec2Eni in ec2) count += CollectMissing(ec2Eni, datastore.Find(ec2Eni.Id), null, prefixDelegation);
        var missing = new List<MissingUnit>(count);
        if (count == 0) return missing;
        foreach (var ec2Eni in ec2) CollectMissing(ec2Eni, datastore.Find(ec2Eni.Id), missing, prefixDelegation);
        return missing;
    }

    /// <summary>
    /// Counts (and names, when <paramref name="names"/> is given) the units of an EC2 ENI its datastore ENI lacks, in
    /// ascending order.
    /// </summary>
    internal static int CollectMissing(SimEni ec2Eni, SimEni? dsEni, List<MissingUnit>? names, bool prefixDelegation) =>
        CollectMissing(ec2Eni.Id, ec2Eni.Blocks, dsEni is null ? default : dsEni.Blocks, names, prefixDelegation);

    /// <summary>
    /// Counts (and names) the units of one mode in <paramref name="units"/> that <paramref name="have"/> lacks. Both are
    /// sorted (an ENI's blocks, or a grant of ascending addresses), so one merge pass answers it.
    /// </summary>
    private static int CollectMissing(string eniId, ReadOnlySpan<Ipv4Cidr> units, ReadOnlySpan<Ipv4Cidr> have, List<MissingUnit>? names, bool prefixDelegation)
    {
        var j = 0;
        var count = 0;
        foreach (var unit in units)
        {
            if (unit.IsPrefix != prefixDelegation) continue;
            while (j < have.Length && have[j] < unit) j++;
            if (j < have.Length && have[j] == unit) continue;
            count++;
            names?.Add(new MissingUnit(eniId, unit));
        }

        return count;
    }
}
