using System.Globalization;
using System.Text;
using Semver;

namespace EksAdvisories;

/// <summary>
/// Builds the action for an affected version from data alone: the advisory's fix and mitigation, the component's known
/// releases and EKS add-on builds, and upstream's oldest recommended release per Kubernetes version (the floor).
/// The upgrade target is the lowest release at or above both the first fix and the floor; the rollback is withheld
/// where the current version makes it unsafe (a pitfall range such as issue 2321) or the cluster's Kubernetes version
/// does (below the floor, or unable to run).
/// </summary>
internal static class RemedyPlanner
{
    public static AdvisoryAction Plan(Advisory advisory, ComponentVersion current, KubernetesVersion? kubernetes, string? kubernetesError)
    {
        var component = advisory.Component;
        var fix = advisory.Remediation.FirstReleasedFixedVersion;
        var floors = component.KubernetesFloors;
        var upgradeCaveats = new List<string>(advisory.Remediation.Caveats);
        var summary = new StringBuilder();

        // The floor for the cluster, and what to say when upstream's table does not cover its Kubernetes version.
        KubernetesFloor? floor = null;
        string? floorNote = null;
        var olderThanTable = false;
        if (kubernetes is not null)
        {
            floor = component.FloorFor(kubernetes);
            if (floor is null && floors.Count > 0)
            {
                if (kubernetes > floors[^1].Kubernetes)
                {
                    floor = floors[^1];
                    floorNote = $"Upstream's table names no oldest recommended version for Kubernetes {kubernetes} yet (it ends at {floor.Kubernetes}), so the newest floor, {floor.OldestRecommended}, is used; check upstream's README for {kubernetes}.";
                }
                else
                {
                    olderThanTable = true;
                    floorNote = $"Upstream's table names no oldest recommended version for Kubernetes {kubernetes} (it starts at {floors[0].Kubernetes}).";
                }
            }
            else if (floor is null)
            {
                floorNote = $"The data has no Kubernetes floor table for {component.Name}.";
            }
        }

        var minimum = floor is not null && floor.OldestRecommended > fix ? floor.OldestRecommended : fix;
        var upgradeTo = LowestTarget(advisory, minimum);
        if (floorNote is not null) upgradeCaveats.Add(floorNote);

        summary.Append(CultureInfo.InvariantCulture, $"Upgrade {component.Name} to {upgradeTo} or later");
        if (floor is not null) summary.Append(CultureInfo.InvariantCulture, $" (on Kubernetes {kubernetes} upstream's oldest recommended version is {floor.OldestRecommended}; upstream recommends the latest release)");
        summary.Append('.');

        // Without the cluster's Kubernetes version, name the versions on which the target would be higher.
        if (kubernetes is null)
        {
            var higher = floors.Where(f => f.OldestRecommended > fix).ToList();
            if (higher.Count > 0)
            {
                var text = $"On Kubernetes {higher[0].Kubernetes} and later upstream's floor is above {fix}: " +
                    string.Join(", ", higher.Select(f => $"{f.Kubernetes}: {LowestTarget(advisory, f.OldestRecommended)}")) + "; upgrade at least to that there.";
                upgradeCaveats.Add(text);
                summary.Append(' ').Append(text);
            }

            if (kubernetesError is not null) summary.Append(' ').Append(kubernetesError);
        }

        // The add-on build: only one the data knows EKS offers for this Kubernetes version, at or above the target's floor.
        ComponentVersion? addon = null;
        string? command = null;
        if (kubernetes is not null)
        {
            addon = component.AddonBuilds
                .Where(b => b.IsOfferedFor(kubernetes) && b.Version.Release >= minimum && advisory.CoveringAdvisories(b.Version).Count == 0)
                .Select(b => b.Version).DefaultIfEmpty().Max();
        }

        if (addon is not null)
        {
            summary.Append(CultureInfo.InvariantCulture, $" EKS add-on build: {addon}.");
        }
        else
        {
            command = $"aws eks describe-addon-versions --addon-name {component.Name} --kubernetes-version {(kubernetes?.ToString() ?? "<cluster version>")}";
            summary.Append(kubernetes is null
                ? $" Which EKS add-on build fits depends on the cluster's Kubernetes version; list them with `{command}`."
                : $" The data knows no EKS add-on build for Kubernetes {kubernetes} at or above {minimum}; list the builds EKS offers with `{command}` and pick one at or above {upgradeTo}.");
            var known = component.AddonBuilds.Where(b => b.KubernetesVersions.Count > 0 && advisory.CoveringAdvisories(b.Version).Count == 0).ToList();
            if (kubernetes is null && known.Count > 0)
            {
                summary.Append(' ').Append(string.Join("; ", known.Select(b => $"{b.Version} is known to be offered on Kubernetes {Span(b.KubernetesVersions)}"))).Append('.');
            }
        }

        var (withheld, mitigationCaveats) = DecideMitigation(advisory, current, kubernetes, floor, olderThanTable, floorNote);
        var target = advisory.Mitigation.TargetVersion;
        if (withheld is null)
        {
            summary.Append(CultureInfo.InvariantCulture, $" If you cannot upgrade yet, rolling back to {target} avoids the defect");
            summary.Append(mitigationCaveats.Count == 0 ? "." : ": " + string.Join(" ", mitigationCaveats));
        }
        else
        {
            summary.Append(CultureInfo.InvariantCulture, $" Do not roll back to {target}: {withheld}");
        }

        return new AdvisoryAction(upgradeTo, addon, command, floor, upgradeCaveats,
            withheld is null ? advisory.Mitigation : null, withheld, mitigationCaveats, summary.ToString());
    }

    /// <summary>
    /// The lowest known release at or above <paramref name="minimum"/> that clears every advisory of the component in the
    /// catalog (so following one advisory never lands on another's range) and is no release to avoid.
    /// </summary>
    internal static ComponentVersion LowestTarget(Advisory advisory, ComponentVersion minimum)
    {
        foreach (var release in advisory.Component.KnownReleases)
        {
            if (release.IsUpgradeTarget && release.Version >= minimum && advisory.CoveringAdvisories(release.Version).Count == 0) return release.Version;
        }

        return minimum;
    }

    private static (string? Withheld, List<string> Caveats) DecideMitigation(
        Advisory advisory, ComponentVersion current, KubernetesVersion? kubernetes, KubernetesFloor? floor, bool olderThanTable, string? floorNote)
    {
        var mitigation = advisory.Mitigation;
        var target = mitigation.TargetVersion;
        var caveats = new List<string>();

        // The current version's own pitfalls come first: they hold on every Kubernetes version.
        foreach (var pitfall in mitigation.Pitfalls)
        {
            if (Hits(pitfall.Range, current))
            {
                return ($"the current version lies in {pitfall.Range} ({pitfall.Id}). {pitfall.Reason} Upgrading to a fixed release is the only remedy.", caveats);
            }
        }

        var cannotRunFrom = mitigation.UnsafeFromKubernetesVersion;
        if (kubernetes is not null)
        {
            var belowFloor = floor is not null && target < floor.OldestRecommended;
            var cannotRun = cannotRunFrom is not null && kubernetes >= cannotRunFrom;
            if (belowFloor || cannotRun)
            {
                var reason = new StringBuilder();
                if (belowFloor) reason.Append(CultureInfo.InvariantCulture, $"{target} is below {floor!.OldestRecommended}, upstream's oldest recommended version for Kubernetes {floor.Kubernetes}");
                if (cannotRun) reason.Append(belowFloor ? ", and " : string.Empty).Append(CultureInfo.InvariantCulture, $"{target} cannot run on Kubernetes {cannotRunFrom} and later (see the mitigation caveats)");
                reason.Append(CultureInfo.InvariantCulture, $"; on Kubernetes {kubernetes} upgrading is the only remedy.");
                return (reason.ToString(), caveats);
            }

            if (olderThanTable && floorNote is not null) caveats.Add(floorNote + $" Nothing in the data forbids {target} there, but upstream does not vouch for it either.");
            return (null, caveats);
        }

        // No Kubernetes version: offer what is safe for the current version, and say where that changes.
        var firstBelow = advisory.Component.KubernetesFloors.FirstOrDefault(f => target < f.OldestRecommended);
        var firstUnsafe = firstBelow?.Kubernetes is { } k && (cannotRunFrom is null || k < cannotRunFrom) ? k : cannotRunFrom;
        if (firstUnsafe is not null)
        {
            var text = $"only on Kubernetes older than {firstUnsafe}";
            if (firstBelow is not null) text += $" (from {firstBelow.Kubernetes} {target} is below upstream's oldest recommended version, {firstBelow.OldestRecommended}";
            if (cannotRunFrom is not null) text += (firstBelow is not null ? "; from " : " (from ") + $"{cannotRunFrom} it cannot run";
            caveats.Add(text + "); give the cluster's Kubernetes version for a definite answer.");
        }

        return (null, caveats);
    }

    /// <summary>Whether a pitfall range applies to the current version; a release line counts when any of its releases could be in it.</summary>
    private static bool Hits(AffectedRange range, ComponentVersion current)
    {
        if (!current.IsPartial) return range.Contains(current);
        var low = new SemVersion(current.Major, current.Minor ?? 0, 0, [new PrereleaseIdentifier(0)], null);
        var high = current.Minor is { } minor
            ? new SemVersion(current.Major, minor + 1, 0, [new PrereleaseIdentifier(0)], null)
            : new SemVersion(current.Major + 1, 0, 0, [new PrereleaseIdentifier(0)], null);
        return range.ContainsAll(low, high, out _) != false;
    }

    /// <summary>Kubernetes versions as a compact list: <c>1.23 - 1.27</c>.</summary>
    private static string Span(IReadOnlyList<KubernetesVersion> versions)
    {
        var sorted = versions.Order().ToList();
        var consecutive = sorted.Zip(sorted.Skip(1)).All(p => p.First.Major == p.Second.Major && p.Second.Minor == p.First.Minor + 1);
        return sorted.Count > 2 && consecutive ? $"{sorted[0]} - {sorted[^1]}" : string.Join(", ", sorted);
    }
}
