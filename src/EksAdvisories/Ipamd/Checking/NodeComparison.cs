using System.Buffers;
using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// Compares the datastore, IMDS and EC2 ENI by ENI and turns each disagreement into a finding. The datastore is compared
/// with EC2 on the units IPAMD manages in its mode (secondary IPs, or prefixes); IMDS on everything it lists.
/// </summary>
internal static class NodeComparison
{
    /// <summary>Adds the findings for disagreements; returns true when all three views agree.</summary>
    public static bool Compare(NodeSnapshot snapshot, List<ReconcileFinding> findings)
    {
        var pd = snapshot.Settings.PrefixDelegation;
        var agree = true;
        var ec2Index = new IdIndex<Ec2Interface>(snapshot.Ec2, static e => e.Id);
        var imdsIndex = new IdIndex<ImdsInterface>(snapshot.Imds.Interfaces, static i => i.InterfaceId);
        var dsIndex = new IdIndex<DatastoreEni>(snapshot.Datastore.Enis, static e => e.Id);

        // Every ENI any view names, each once: EC2's, then those only IMDS lists, then those only the datastore holds.
        var ids = new List<string>(snapshot.Ec2.Count + 1);
        foreach (var e in ListSpan.Of(snapshot.Ec2)) ids.Add(e.Id);
        foreach (var i in ListSpan.Of(snapshot.Imds.Interfaces))
        {
            if (ec2Index.Find(i.InterfaceId) is null) ids.Add(i.InterfaceId);
        }

        foreach (var e in ListSpan.Of(snapshot.Datastore.Enis))
        {
            if (ec2Index.Find(e.Id) is null && imdsIndex.Find(e.Id) is null) ids.Add(e.Id);
        }

        foreach (var id in ids)
        {
            var ec2 = ec2Index.Find(id);
            if (ec2 is not null && EniOwnership.IsUnmanaged(ec2, snapshot))
            {
                findings.Add(new ReconcileFinding(FindingCodes.UnmanagedEni, FindingSeverity.Info, id, [], UnmanagedReason(ec2)));
                continue;
            }

            var imds = imdsIndex.Find(id);
            var ds = dsIndex.Find(id);
            if (ec2 is null)
            {
                agree = false;
                findings.Add(new ReconcileFinding(FindingCodes.EniMismatch, FindingSeverity.Warning, id, [],
                    $"{id} is in the {(ds is null ? "IMDS" : imds is null ? "datastore" : "datastore and IMDS")} but EC2 does not report it attached to this node."));
                continue;
            }

            // The four sorted sets of this ENI live in one rented buffer, returned at the end of the ENI: a node whose views
            // agree, the common case, then allocates nothing for them.
            var buffer = ArrayPool<Ipv4Cidr>.Shared.Rent((2 * (ec2.SecondaryIps.Count + ec2.Prefixes.Count)) + (ds?.Cidrs.Count ?? 0) + (imds is null ? 0 : imds.SecondaryIps.Count + imds.Prefixes.Count));
            try
            {
                var used = 0;
                ReadOnlySpan<Ipv4Cidr> ec2Units = DistinctSorted(pd ? ec2.Prefixes : ec2.SecondaryIps, [], null, buffer, ref used);
                ReadOnlySpan<Ipv4Cidr> ec2All = DistinctSorted(ec2.SecondaryIps, ec2.Prefixes, null, buffer, ref used);
                if (ds is null)
                {
                    agree = false;
                    findings.Add(new ReconcileFinding(FindingCodes.EniMismatch, FindingSeverity.Error, id, Format(ec2Units),
                        $"{id} (device {ec2.DeviceIndex}) is attached at EC2 with {ec2Units.Length} {Unit(pd)} but is not in the datastore; pods cannot use any of them."));
                }
                else
                {
                    ReadOnlySpan<Ipv4Cidr> dsUnits = DistinctSorted(ds.Cidrs, [], pd, buffer, ref used);
                    var (missing, extra) = Differences(ec2Units, dsUnits);
                    if (missing is not null)
                    {
                        agree = false;
                        findings.Add(new ReconcileFinding(FindingCodes.DatastoreMissingAddresses, FindingSeverity.Error, id, Format(missing),
                            string.Create(CultureInfo.InvariantCulture, $"The datastore holds {dsUnits.Length} {Unit(pd)} of {id}, EC2 has {ec2Units.Length}: {missing.Count} are lost to pods until IPAMD learns of them.")));
                    }

                    if (extra is not null)
                    {
                        agree = false;
                        findings.Add(new ReconcileFinding(FindingCodes.DatastoreExtraAddresses, FindingSeverity.Warning, id, Format(extra),
                            string.Create(CultureInfo.InvariantCulture, $"The datastore holds {extra.Count} {Unit(pd)} of {id} that EC2 no longer has on the ENI; a pod given one would have no network.")));
                    }
                }

                if (imds is null)
                {
                    agree = false;
                    findings.Add(new ReconcileFinding(FindingCodes.EniMismatch, FindingSeverity.Warning, id, [],
                        $"{id} is attached at EC2 but IMDS does not list its MAC ({ec2.Mac}); a restart would leave it out of the datastore."));
                    continue;
                }

                ReadOnlySpan<Ipv4Cidr> imdsAll = DistinctSorted(imds.SecondaryIps, imds.Prefixes, null, buffer, ref used);
                var (imdsLacks, imdsExtra) = Differences(ec2All, imdsAll);
                if (imdsLacks is not null)
                {
                    agree = false;
                    findings.Add(new ReconcileFinding(FindingCodes.ImdsStale, FindingSeverity.Warning, id, Format(imdsLacks),
                        string.Create(CultureInfo.InvariantCulture, $"IMDS lists {imdsAll.Length} secondary address(es) or prefix(es) of {id}, EC2 has {ec2All.Length}: IMDS is stale, and an aws-node restart would rebuild the datastore without these {imdsLacks.Count}.")));
                }

                if (imdsExtra is not null)
                {
                    agree = false;
                    findings.Add(new ReconcileFinding(FindingCodes.ImdsStale, FindingSeverity.Warning, id, Format(imdsExtra),
                        string.Create(CultureInfo.InvariantCulture, $"IMDS still lists {imdsExtra.Count} address(es) or prefix(es) of {id} that EC2 no longer has.")));
                }
            }
            finally
            {
                ArrayPool<Ipv4Cidr>.Shared.Return(buffer);
            }
        }

        return agree;
    }

    /// <summary>
    /// Whether EC2 would refuse IPAMD's next AssignPrivateIpAddresses on an ENI GetENINeedsIP can pick in the current
    /// datastore: what tryAssignIPs / tryAssignPrefixes would ask (<see cref="NextRequest"/>, now if the pool is low, else
    /// when it next runs low), against 1 + what EC2 holds on it and the limit. One finding per ENI that would be refused.
    /// </summary>
    public static void CheckNextAllocation(NodeSnapshot snapshot, ModelInput input, List<ReconcileFinding> findings)
    {
        long total = 0;
        foreach (var eni in input.Datastore) total += eni.AddressCount;
        var assigned = input.Assigned.Count;
        var low = PoolRules.IsPoolTooLow(input.Pool, total, assigned);
        var wanted = low
            ? NextRequest.Wanted(input.Pool, total, assigned, FreePrefixes(input), input.Mechanics.PrefixPoolEarlyReturn)
            : NextRequest.WantedWhenLow(input.Pool, input.Mechanics.PrefixPoolEarlyReturn);
        if (wanted == 0) return;
        var ec2 = new Dictionary<string, SimEni>(input.Ec2.Count, StringComparer.Ordinal);
        foreach (var eni in input.Ec2) ec2.TryAdd(eni.Id, eni);
        foreach (var eni in input.Datastore)
        {
            if (eni.Cidrs.Count >= input.MaxUnitsPerEni || (input.CustomNetworking && eni.IsPrimary) || (input.Mechanics.TrunkEniSkipped && eni.IsTrunk)) continue;
            if (!ec2.TryGetValue(eni.Id, out var atEc2)) continue;
            var request = NextRequest.OnEni(input.Pool, wanted, eni.Cidrs.Count);
            if (!NextRequest.IsRefused(input.PerEniLimit, atEc2.Cidrs.Count, request)) continue;
            findings.Add(new ReconcileFinding(FindingCodes.Ec2WouldRefuse, low ? FindingSeverity.Error : FindingSeverity.Warning, eni.Id, [],
                string.Create(CultureInfo.InvariantCulture,
                    $"IPAMD's next allocation on {eni.Id} asks EC2 for {request} more {Unit(snapshot.Settings.PrefixDelegation)} (it holds {eni.Cidrs.Count} in the datastore), but EC2 already has 1 + {atEc2.Cidrs.Count} on the ENI and the limit is {input.PerEniLimit}: EC2 refuses with PrivateIpAddressLimitExceeded{(low ? " now, on every pool cycle that asks this ENI" : " once the pool runs low")}.")));
        }
    }

    private static int FreePrefixes(ModelInput input) =>
        input.PrefixDelegation ? PoolRules.FreePrefixes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(input.Datastore), input.Assigned) : 0;

    private static string UnmanagedReason(Ec2Interface eni) =>
        eni.IsEfaOnly ? $"{eni.Id} is an efa-only interface: it has no IPv4 address, and IPAMD never fills it."
        : eni.NetworkCardIndex != 0 ? string.Create(CultureInfo.InvariantCulture, $"{eni.Id} is on network card {eni.NetworkCardIndex}: IPAMD's pod IPv4 pool is on card 0, and this check compares card 0 only.")
        : eni.TaggedNoManage ? $"{eni.Id} is tagged {Ec2NetworkInterfacesReader.NoManageTagKey}=true: IPAMD neither fills it nor counts it as its own (ipamd.go v1.12.2 setUnmanagedENIs 267-296)."
        : $"{eni.Id} was not created by IPAMD and MANAGE_UNTAGGED_ENI=false: IPAMD leaves it alone.";

    private static string Unit(bool prefixDelegation) => prefixDelegation ? "/28 prefix(es)" : "secondary IP(s)";

    /// <summary>The blocks as people write them; the comparison hands them over in ascending order already.</summary>
    private static List<string> Format(ReadOnlySpan<Ipv4Cidr> cidrs)
    {
        var text = new List<string>(cidrs.Length);
        foreach (var cidr in cidrs) text.Add(cidr.ToString());
        return text;
    }

    private static List<string> Format(List<Ipv4Cidr> cidrs) => Format(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cidrs));

    /// <summary>
    /// The distinct blocks of two lists, ascending, written to <paramref name="buffer"/> from <paramref name="used"/>, which
    /// then moves past them; only prefixes (true) or only single addresses (false) when <paramref name="prefixes"/> says so.
    /// Sorted runs compare by one merge pass, which for a node's few dozen blocks is cheaper than hashing them.
    /// </summary>
    private static Span<Ipv4Cidr> DistinctSorted(IReadOnlyList<Ipv4Cidr> first, IReadOnlyList<Ipv4Cidr> second, bool? prefixes, Ipv4Cidr[] buffer, ref int used)
    {
        var start = used;
        var copied = CopyTo(first, buffer, start);
        copied += CopyTo(second, buffer, start + copied);
        var all = buffer.AsSpan(start, copied);
        var count = copied;
        if (prefixes is { } p)
        {
            count = 0;
            for (var i = 0; i < all.Length; i++)
            {
                if (all[i].IsPrefix == p) all[count++] = all[i];
            }
        }

        Ipv4Cidr.SortIfNeeded(all[..count]);
        var distinct = 0;
        for (var i = 0; i < count; i++)
        {
            if (distinct == 0 || all[distinct - 1] != all[i]) all[distinct++] = all[i];
        }

        used = start + distinct;
        return all[..distinct];
    }

    /// <summary>Copies a snapshot's list into the buffer in one block copy (the readers' lists are arrays).</summary>
    private static int CopyTo(IReadOnlyList<Ipv4Cidr> list, Ipv4Cidr[] buffer, int at)
    {
        var items = ListSpan.Of(list);
        items.CopyTo(buffer.AsSpan(at));
        return items.Length;
    }

    /// <summary>
    /// The blocks of <paramref name="left"/> that <paramref name="right"/> lacks and those <paramref name="right"/> has that
    /// <paramref name="left"/> lacks, each ascending (both inputs sorted and distinct), from one merge pass; null when none.
    /// </summary>
    private static (List<Ipv4Cidr>? OnlyLeft, List<Ipv4Cidr>? OnlyRight) Differences(ReadOnlySpan<Ipv4Cidr> left, ReadOnlySpan<Ipv4Cidr> right)
    {
        List<Ipv4Cidr>? onlyLeft = null, onlyRight = null;
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            var c = i == left.Length ? 1 : j == right.Length ? -1 : left[i].CompareTo(right[j]);
            if (c == 0)
            {
                i++;
                j++;
            }
            else if (c < 0)
            {
                (onlyLeft ??= []).Add(left[i++]);
            }
            else
            {
                (onlyRight ??= []).Add(right[j++]);
            }
        }

        return (onlyLeft, onlyRight);
    }
}
