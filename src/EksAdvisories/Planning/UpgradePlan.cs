using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>
/// The one upgrade target that clears every advisory of a component on a cluster, and the path to it one minor
/// version at a time. The target is the lowest known release that is at or above the current version, outside every
/// advisory's affected range, and at or above upstream's oldest recommended version for the cluster's Kubernetes
/// version. This type is immutable.
/// </summary>
public sealed class UpgradePlan
{
    internal UpgradePlan(ComponentVersion? target, string reason, IList<UpgradeHop> path)
    {
        Target = target;
        Reason = reason;
        Path = new ReadOnlyCollection<UpgradeHop>(path);
    }

    /// <summary>The release to run, or null when no known release clears every advisory (see <see cref="Reason"/>).</summary>
    public ComponentVersion? Target { get; }

    /// <summary>True when the current version already is the target: nothing to do.</summary>
    public bool IsCurrent => Target is not null && Path.Count == 0;

    /// <summary>Why this target, or why there is none.</summary>
    public string Reason { get; }

    /// <summary>The hops from the current version to <see cref="Target"/>, each one minor version; empty when there is nothing to do or no target.</summary>
    public IReadOnlyList<UpgradeHop> Path { get; }

    /// <inheritdoc/>
    public override string ToString() => Target is null ? Reason : Path.Count == 0 ? $"stay on {Target}" : string.Join(", ", Path);
}
