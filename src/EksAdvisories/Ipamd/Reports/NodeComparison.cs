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
        var ids = snapshot.Ec2.Select(e => e.Id)
            .Concat(snapshot.Imds.Interfaces.Select(i => i.InterfaceId))
            .Concat(snapshot.Datastore.Enis.Select(e => e.Id))
            .Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var ec2 = snapshot.Ec2.FirstOrDefault(e => e.Id == id);
            var imds = snapshot.Imds.Interfaces.FirstOrDefault(i => i.InterfaceId == id);
            var ds = snapshot.Datastore.Enis.FirstOrDefault(e => e.Id == id);
            if (ec2 is null)
            {
                agree = false;
                findings.Add(new ReconcileFinding(FindingCodes.EniMismatch, FindingSeverity.Warning, id, [],
                    $"{id} is in the {(ds is null ? "IMDS" : imds is null ? "datastore" : "datastore and IMDS")} but EC2 does not report it attached to this node."));
                continue;
            }

            var ec2Units = (pd ? ec2.Prefixes : ec2.SecondaryIps).ToHashSet();
            var ec2All = ec2.SecondaryIps.Concat(ec2.Prefixes).ToHashSet();
            if (ds is null)
            {
                agree = false;
                findings.Add(new ReconcileFinding(FindingCodes.EniMismatch, FindingSeverity.Error, id, Format(ec2Units),
                    $"{id} (device {ec2.DeviceIndex}) is attached at EC2 with {ec2Units.Count} {Unit(pd)} but is not in the datastore; pods cannot use any of them."));
            }
            else
            {
                var dsUnits = ds.Cidrs.Where(c => c.IsPrefix == pd).ToHashSet();
                var missing = ec2Units.Where(u => !dsUnits.Contains(u)).Order().ToList();
                if (missing.Count > 0)
                {
                    agree = false;
                    findings.Add(new ReconcileFinding(FindingCodes.DatastoreMissingAddresses, FindingSeverity.Error, id, Format(missing),
                        string.Create(CultureInfo.InvariantCulture, $"The datastore holds {dsUnits.Count} {Unit(pd)} of {id}, EC2 has {ec2Units.Count}: {missing.Count} are lost to pods until IPAMD learns of them.")));
                }

                var extra = dsUnits.Where(u => !ec2Units.Contains(u)).Order().ToList();
                if (extra.Count > 0)
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

            var imdsAll = imds.SecondaryIps.Concat(imds.Prefixes).ToHashSet();
            var imdsLacks = ec2All.Where(u => !imdsAll.Contains(u)).Order().ToList();
            var imdsExtra = imdsAll.Where(u => !ec2All.Contains(u)).Order().ToList();
            if (imdsLacks.Count > 0)
            {
                agree = false;
                findings.Add(new ReconcileFinding(FindingCodes.ImdsStale, FindingSeverity.Warning, id, Format(imdsLacks),
                    string.Create(CultureInfo.InvariantCulture, $"IMDS lists {imdsAll.Count} secondary address(es) or prefix(es) of {id}, EC2 has {ec2All.Count}: IMDS is stale, and an aws-node restart would rebuild the datastore without these {imdsLacks.Count}.")));
            }

            if (imdsExtra.Count > 0)
            {
                agree = false;
                findings.Add(new ReconcileFinding(FindingCodes.ImdsStale, FindingSeverity.Warning, id, Format(imdsExtra),
                    string.Create(CultureInfo.InvariantCulture, $"IMDS still lists {imdsExtra.Count} address(es) or prefix(es) of {id} that EC2 no longer has.")));
            }
        }

        return agree;
    }

    /// <summary>
    /// Whether EC2 would refuse IPAMD's next AssignPrivateIpAddresses: the ENI GetENINeedsIP picks in the current datastore,
    /// asked for what tryAssignIPs / tryAssignPrefixes would ask, against 1 + what EC2 holds on it and the limit.
    /// </summary>
    public static void CheckNextAllocation(NodeSnapshot snapshot, ModelInput input, List<ReconcileFinding> findings)
    {
        var max = input.MaxUnitsPerEni;
        var eni = input.Datastore.FirstOrDefault(e => e.Cidrs.Count < max && !(input.CustomNetworking && e.IsPrimary));
        if (eni is null) return;
        var ec2 = input.Ec2.FirstOrDefault(e => e.Id == eni.Id);
        if (ec2 is null) return;
        var total = input.Datastore.Sum(e => e.Cidrs.Sum(c => c.AddressCount));
        var assigned = input.Assigned.Count;
        var (shortfall, _, defined) = PoolRules.TargetState(input.Pool, total, assigned);
        var toAllocate = defined ? Math.Max(shortfall, 1) : input.PrefixDelegation ? Math.Max(1, input.Pool.WarmPrefixTarget) : max;
        var request = Math.Min(max - eni.Cidrs.Count, toAllocate);
        if (1 + ec2.Cidrs.Count + request <= input.PerEniLimit) return;
        var low = PoolRules.IsPoolTooLow(input.Pool, total, assigned);
        findings.Add(new ReconcileFinding(FindingCodes.Ec2WouldRefuse, low ? FindingSeverity.Error : FindingSeverity.Warning, eni.Id, [],
            string.Create(CultureInfo.InvariantCulture,
                $"IPAMD's next allocation asks EC2 for {request} more {Unit(snapshot.Settings.PrefixDelegation)} on {eni.Id} (it holds {eni.Cidrs.Count} in the datastore), but EC2 already has 1 + {ec2.Cidrs.Count} on the ENI and the limit is {input.PerEniLimit}: EC2 refuses with PrivateIpAddressLimitExceeded{(low ? ", and the pool is too low now, so this happens on every 5 s pool cycle" : " once the pool runs low")}.")));
    }

    private static string Unit(bool prefixDelegation) => prefixDelegation ? "/28 prefix(es)" : "secondary IP(s)";

    private static List<string> Format(IEnumerable<Ipv4Cidr> cidrs) => cidrs.Order().Select(c => c.ToString()).ToList();
}
