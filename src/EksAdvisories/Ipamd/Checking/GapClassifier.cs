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
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in run.MissingAtEnd) counts[entry.EniId] = counts.GetValueOrDefault(entry.EniId) + 1;

        var pd = input.PrefixDelegation;
        // IMDS may name one ENI under two MACs: the first one counts, as everywhere else.
        var imds = ById(input.Imds);
        var datastore = ById(input.Datastore);
        var ec2 = ById(input.Ec2);
        var wanted = NextRequest.WantedWhenLow(input.Pool, input.Mechanics.PrefixPoolEarlyReturn);
        foreach (var (id, missing) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            GapKind kind;
            var units = start == SimulationStart.CurrentDatastore
                ? datastore.TryGetValue(id, out var ds) ? ds.Cidrs.Count : (int?)null
                : imds.TryGetValue(id, out var im) ? im.UnitCount(pd) : null;
            var isPrimary = ec2.TryGetValue(id, out var atEc2) && atEc2.IsPrimary;
            if (!imds.ContainsKey(id)) kind = GapKind.UnknownToImds;
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

    private static Dictionary<string, SimEni> ById(IReadOnlyList<SimEni> enis)
    {
        var byId = new Dictionary<string, SimEni>(enis.Count, StringComparer.Ordinal);
        foreach (var eni in enis) byId.TryAdd(eni.Id, eni);
        return byId;
    }
}
