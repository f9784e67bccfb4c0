namespace EksAdvisories.Ipamd;

/// <summary>
/// The one table of upstream changes after the regression that the checker follows and that are not this advisory's
/// concern (the advisory's own behaviour comes from its range data, <see cref="AdvisoryBehaviors"/>). Each row names the
/// first tag that has the change and where to read it.
/// </summary>
internal static class UpstreamMechanics
{
    /// <summary>One upstream change: what it is, the first release tag carrying it, and the code that shows it.</summary>
    internal sealed record Change(string What, int Major, int Minor, int Patch, string Evidence)
    {
        public string Tag => $"v{Major}.{Minor}.{Patch}";

        public bool In(ComponentVersion version) =>
            (version.Major, version.Minor ?? 0, version.Patch ?? 0).CompareTo((Major, Minor, Patch)) >= 0;
    }

    public static readonly Change PrefixEarlyReturnRemoved = new(
        "increaseDatastorePool and tryAssignCidrs no longer return before a request when the warm-prefix (or IP) target is met", 1, 16, 3,
        "ipamd.go v1.16.2 increaseDatastorePool 749-821 and tryAssignCidrs 878-899 against v1.16.3 (PR 2745); v1.12.2:768-779, 892-905");

    public static readonly Change TrunkEniSkipped = new(
        "GetENINeedsIP never picks the trunk ENI", 1, 16, 4,
        "data_store.go v1.16.4 GetENINeedsIP (PR 2801) against v1.16.2");

    public static readonly Change ExactSetReconcile = new(
        "the reconcile compares IMDS's and the datastore's address sets instead of their counts", 1, 19, 0,
        "ipamd.go v1.19.0 eniIPPoolReconcile 1455-1491 (cniutils.IPsSimilar, PR 3033) against v1.12.2:1399-1405 (1+len(ipPool) != len(IMDS))");

    public static readonly Change EnisByNetworkCard = new(
        "GET /v1/enis answers one datastore per network card, keyed by card index", 1, 20, 0,
        "introspect.go v1.20.0 eniV1RequestHandler (json.Marshal of map[int]*ENIInfos)");

    public static IReadOnlyList<Change> All { get; } = [PrefixEarlyReturnRemoved, TrunkEniSkipped, ExactSetReconcile, EnisByNetworkCard];

    /// <summary>The mechanics of <paramref name="version"/>; without a version, those of the advisory's own v1.11 - v1.12 lines, stated as an assumption.</summary>
    public static ModelMechanics For(ComponentVersion? version, List<string> assumptions)
    {
        if (version is null)
        {
            assumptions.Add("The CNI version is unknown: the model follows the v1.11 - v1.12 code for the mechanics that changed later (prefix-mode early return, no trunk skip, count-only reconcile).");
            return ModelMechanics.RegressionEra;
        }

        if (version.IsPartial)
        {
            var straddled = All.Where(c => c.Major == version.Major && (version.Minor is null || c.Minor == version.Minor)).ToList();
            if (straddled.Count > 0)
            {
                assumptions.Add($"'{version.Original}' names a release line that changes within it ({string.Join("; ", straddled.Select(c => c.Tag + ": " + c.What))}); the model follows its first release.");
            }
        }

        return new ModelMechanics(!PrefixEarlyReturnRemoved.In(version), TrunkEniSkipped.In(version), ExactSetReconcile.In(version));
    }
}
