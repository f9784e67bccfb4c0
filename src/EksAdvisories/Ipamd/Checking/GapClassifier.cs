namespace EksAdvisories.Ipamd;

/// <summary>
/// Classifies every gap a run leaves by whether this node's code will ever read EC2 for that ENI, and how: the next request
/// is worked out with the same rule as the model's (<see cref="NextRequest"/>).
/// </summary>
internal static class GapClassifier
{
    public static List<Gap> Classify(ModelRun run, ModelInput input, IpamdBehavior behavior, SimulationStart start)
    {
        var gaps = new List<Gap>();
        if (run.MissingAtEnd.Count == 0) return gaps;

        // The missing units come ENI by ENI (the model collects them per EC2 ENI), so counting runs of one id counts them.
        var counts = new List<(string EniId, int Missing)>();
        foreach (var entry in run.MissingAtEnd)
        {
            if (counts.Count > 0 && string.Equals(counts[^1].EniId, entry.EniId, StringComparison.Ordinal)) counts[^1] = (entry.EniId, counts[^1].Missing + 1);
            else counts.Add((entry.EniId, 1));
        }

        counts.Sort(static (a, b) => string.CompareOrdinal(a.EniId, b.EniId));

        var pd = input.PrefixDelegation;
        // IMDS may name one ENI under two MACs: the first one counts, as everywhere else (EniView finds the first).
        var imds = new EniView(input.Imds);
        var datastore = new EniView(input.Datastore);
        var ec2 = new EniView(input.Ec2);
        var wanted = NextRequest.WantedWhenLow(input.Pool, input.Mechanics.PrefixPoolEarlyReturn);
        foreach (var (id, missing) in counts)
        {
            GapKind kind;
            var units = start == SimulationStart.CurrentDatastore
                ? datastore.Find(id) is { } ds ? ds.Cidrs.Count : (int?)null
                : imds.Find(id) is { } im ? im.UnitCount(pd) : null;
            var atEc2 = ec2.Find(id);
            var isPrimary = atEc2 is { IsPrimary: true };
            if (!imds.Contains(id)) kind = GapKind.UnknownToImds;
            else if (input.CustomNetworking && isPrimary) kind = GapKind.PrimaryUnderCustomNetworking;
            else if (input.Mechanics.TrunkEniSkipped && atEc2 is { IsTrunk: true }) kind = GapKind.TrunkSkipped;
            else if (wanted == 0) kind = GapKind.NoRequestInPrefixMode;
            else if (units is null || units >= input.MaxUnitsPerEni) kind = GapKind.FullInDatastore;
            else
            {
                var request = NextRequest.OnEni(input.Pool, wanted, units.Value);
                kind = atEc2 is not null && NextRequest.IsRefused(input.PerEniLimit, atEc2.Cidrs.Count, request)
                    ? behavior == IpamdBehavior.Affected ? GapKind.RefusalSwallowed : GapKind.RefusalRecovered
                    : GapKind.GrantThenReconcile;
            }

            gaps.Add(new Gap(id, missing, kind));
        }

        return gaps;
    }
}
