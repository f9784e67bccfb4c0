namespace EksAdvisories;

/// <summary>
/// The one rule for upgrade targets and paths. Given the component's advisories (their ranges), its known releases,
/// the floor for the cluster's Kubernetes version and the current version, it picks the lowest clear release and
/// walks to it one minor version at a time, preferring on each intermediate line its newest clear release (AWS asks
/// for the latest patch of each minor version) and naming the advisories a hop cannot avoid.
/// </summary>
internal static class UpgradePlanner
{
    public static UpgradePlan Plan(IReadOnlyList<(string Id, AffectedRange Range)> advisories, IReadOnlyList<ComponentVersion> releases, ComponentVersion current, ComponentVersion? floor)
    {
        var start = current.Release;
        var known = releases.Where(r => !r.IsPartial && !r.IsPrerelease).Select(r => r.Release).Distinct().Order().ToList();
        var currentClear = Covering(advisories, start).Count == 0 && !start.IsPrerelease && (floor is null || start >= floor);
        if (currentClear)
        {
            return new UpgradePlan(start, floor is null
                ? $"{start} is outside every advisory's range; nothing to do."
                : $"{start} is outside every advisory's range and at or above {floor}, upstream's oldest recommended release for this Kubernetes version; nothing to do.", []);
        }

        var candidates = known.Where(r => r > start && (floor is null || r >= floor) && Covering(advisories, r).Count == 0).ToList();
        if (candidates.Count == 0)
        {
            var newest = known.Count == 0 ? "no release is known" : $"the newest known release is {known[^1]}";
            return new UpgradePlan(null, $"No known release above {start}{(floor is null ? string.Empty : $" and at or above {floor}")} is outside every advisory's range ({newest}); watch for a newer release.", []);
        }

        var target = candidates[0];
        var why = $"{target} is the lowest known release above {start} that is outside every advisory's range"
            + (floor is null ? "." : $" and at or above {floor}, upstream's oldest recommended release for this Kubernetes version.");
        return new UpgradePlan(target, why, Walk(advisories, known, start, target));
    }

    /// <summary>The advisories whose range holds <paramref name="release"/>.</summary>
    public static List<string> Covering(IReadOnlyList<(string Id, AffectedRange Range)> advisories, ComponentVersion release) =>
        advisories.Where(a => a.Range.Contains(release)).Select(a => a.Id).ToList();

    private static List<UpgradeHop> Walk(IReadOnlyList<(string Id, AffectedRange Range)> advisories, List<ComponentVersion> known, ComponentVersion start, ComponentVersion target)
    {
        var hops = new List<UpgradeHop>();
        var from = start;
        var lines = known
            .Where(r => Line(r).CompareTo(Line(start)) > 0 && Line(r).CompareTo(Line(target)) < 0)
            .GroupBy(Line)
            .OrderBy(g => g.Key);
        foreach (var line in lines)
        {
            var releases = line.Order().ToList();
            var clear = releases.Where(r => Covering(advisories, r).Count == 0).ToList();
            if (clear.Count > 0)
            {
                var to = clear[^1];
                hops.Add(new UpgradeHop(from, to, [], $"{to} is the newest release of the {Name(line.Key)} line that no advisory covers."));
                from = to;
            }
            else
            {
                var to = releases[^1];
                var crossed = Covering(advisories, to);
                hops.Add(new UpgradeHop(from, to, crossed,
                    $"Every known release of the {Name(line.Key)} line is covered by an advisory; {to} is its newest, so this hop crosses {string.Join(", ", crossed)}: move on to the next line without delay."));
                from = to;
            }
        }

        hops.Add(new UpgradeHop(from, target, [], $"{target} is the target."));
        return hops;
    }

    private static (int Major, int Minor) Line(ComponentVersion version) => (version.Major, version.Minor ?? 0);

    private static string Name((int Major, int Minor) line) => $"v{line.Major}.{line.Minor}";
}
