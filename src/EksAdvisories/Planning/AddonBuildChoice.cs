using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>
/// Which vpc-cni add-on build to install on a cluster, chosen among the builds its describe-addon-versions output
/// offers: the lowest that clears every advisory, the newest, and the default flagged when an advisory covers it.
/// Builds are judged by their upstream release against every advisory's range, whatever the node's settings, since a
/// build is installed on every node of the cluster. This type is immutable.
/// </summary>
public sealed class AddonBuildChoice
{
    internal AddonBuildChoice(
        KubernetesVersion? kubernetesVersion, OfferedAddonBuild? lowestClear, OfferedAddonBuild? newest, IList<string> newestCoveredBy,
        OfferedAddonBuild? defaultBuild, IList<string> defaultCoveredBy, int offeredCount, IList<UnreadableAddonBuild> unreadable, string summary)
    {
        KubernetesVersion = kubernetesVersion;
        LowestClear = lowestClear;
        Newest = newest;
        NewestCoveredBy = new ReadOnlyCollection<string>(newestCoveredBy);
        Default = defaultBuild;
        DefaultCoveredBy = new ReadOnlyCollection<string>(defaultCoveredBy);
        OfferedCount = offeredCount;
        UnreadableBuilds = new ReadOnlyCollection<UnreadableAddonBuild>(unreadable);
        Summary = summary;
    }

    /// <summary>The cluster's Kubernetes version the builds were filtered for, or null when every listed build counted.</summary>
    public KubernetesVersion? KubernetesVersion { get; }

    /// <summary>
    /// The lowest offered build whose release is outside every advisory's range, at or above the Kubernetes floor and at
    /// or above the current version when those are known (the newest EKS build of that release); null when none is.
    /// </summary>
    public OfferedAddonBuild? LowestClear { get; }

    /// <summary>The newest offered build, or null when none is offered.</summary>
    public OfferedAddonBuild? Newest { get; }

    /// <summary>The advisories whose range holds <see cref="Newest"/>; empty when it is clear.</summary>
    public IReadOnlyList<string> NewestCoveredBy { get; }

    /// <summary>The build EKS installs by default for <see cref="KubernetesVersion"/>, or null when the document flags none.</summary>
    public OfferedAddonBuild? Default { get; }

    /// <summary>The advisories whose range holds <see cref="Default"/>; empty when it is clear.</summary>
    public IReadOnlyList<string> DefaultCoveredBy { get; }

    /// <summary>True when the default build is covered by an advisory: installing the default would install the defect.</summary>
    public bool IsDefaultAffected => DefaultCoveredBy.Count > 0;

    /// <summary>How many readable builds the document offers for the cluster.</summary>
    public int OfferedCount { get; }

    /// <summary>Builds in the document that could not be judged; they are never chosen.</summary>
    public IReadOnlyList<UnreadableAddonBuild> UnreadableBuilds { get; }

    /// <summary>The choice in a few sentences.</summary>
    public string Summary { get; }

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
