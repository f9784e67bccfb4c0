namespace EksAdvisories;

/// <summary>The one rule that picks add-on builds from a describe-addon-versions document (see <see cref="AddonBuildChoice"/>).</summary>
internal static class AddonBuildChooser
{
    public static AddonBuildChoice Choose(
        IReadOnlyList<(string Id, AffectedRange Range)> advisories, AddonVersionsDocument document, KubernetesVersion? kubernetes,
        ComponentVersion? floor, ComponentVersion? current)
    {
        var offered = document.BuildsFor(kubernetes);
        var start = current is null ? null : current.Release;

        // Builds come newest first; the lowest clear release is the last clear one, and within a release the first
        // listed is its newest EKS build.
        var clear = offered.Where(b => !b.Version.IsPrerelease && UpgradePlanner.Covering(advisories, b.Version).Count == 0).ToList();
        var eligible = clear.Where(b => (floor is null || b.Version.Release >= floor) && (start is null || b.Version.Release >= start)).ToList();
        OfferedAddonBuild? lowest = null;
        if (eligible.Count > 0)
        {
            var release = eligible[^1].Version.Release;
            lowest = eligible.First(b => b.Version.Release == release);
        }

        var newest = offered.Count > 0 ? offered[0] : null;
        var newestCovered = newest is null ? [] : UpgradePlanner.Covering(advisories, newest.Version);
        var defaultBuild = kubernetes is null ? null : document.DefaultFor(kubernetes);
        var defaultCovered = defaultBuild is null ? [] : UpgradePlanner.Covering(advisories, defaultBuild.Version);

        var cluster = kubernetes is null ? "the cluster" : $"Kubernetes {kubernetes}";
        var parts = new List<string>();
        if (offered.Count == 0)
        {
            parts.Add($"{document.Source} offers no vpc-cni build for {cluster}; run aws eks describe-addon-versions --addon-name vpc-cni{(kubernetes is null ? string.Empty : $" --kubernetes-version {kubernetes}")} for the cluster's own list.");
        }
        else if (lowest is null)
        {
            var bounds = new List<string>();
            if (floor is not null) bounds.Add($"at or above {floor} (upstream's oldest recommended release for {cluster})");
            if (start is not null) bounds.Add($"at or above the current {start}");
            parts.Add($"None of the {offered.Count} builds offered for {cluster} clears every advisory{(bounds.Count == 0 ? string.Empty : " " + string.Join(" and ", bounds))}.");
        }
        else
        {
            parts.Add($"Install {lowest.Version}: the lowest of the {offered.Count} builds offered for {cluster} that clears every advisory.");
        }

        if (newest is not null)
        {
            parts.Add(newestCovered.Count == 0
                ? $"The newest offered build is {newest.Version}."
                : $"The newest offered build, {newest.Version}, is covered by {string.Join(", ", newestCovered)}.");
        }

        if (defaultBuild is not null)
        {
            parts.Add(defaultCovered.Count == 0
                ? $"The default build for {cluster}, {defaultBuild.Version}, clears every advisory."
                : $"Do not rely on the default: {defaultBuild.Version}, the default build for {cluster}, is covered by {string.Join(", ", defaultCovered)}.");
        }

        if (document.UnreadableBuilds.Count > 0)
        {
            parts.Add($"{document.UnreadableBuilds.Count} listed version(s) could not be judged and were not considered: {string.Join("; ", document.UnreadableBuilds.Select(u => u.Reason))}");
        }

        return new AddonBuildChoice(kubernetes, lowest, newest, newestCovered, defaultBuild, defaultCovered, offered.Count, document.UnreadableBuilds.ToList(), string.Join(" ", parts));
    }
}
