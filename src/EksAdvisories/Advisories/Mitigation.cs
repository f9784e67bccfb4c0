using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>The short-term workaround: a version to roll back to, and where that is unsafe. This type is immutable.</summary>
public sealed class Mitigation
{
    internal Mitigation(ComponentVersion targetVersion, string description, KubernetesVersion? unsafeFrom, IList<MitigationPitfall> pitfalls, IList<string> caveats)
    {
        TargetVersion = targetVersion;
        Description = description;
        UnsafeFromKubernetesVersion = unsafeFrom;
        Pitfalls = new ReadOnlyCollection<MitigationPitfall>(pitfalls);
        Caveats = new ReadOnlyCollection<string>(caveats);
    }

    /// <summary>The version to roll back to (<c>v1.11.3</c>).</summary>
    public ComponentVersion TargetVersion { get; }

    /// <summary>What the workaround does, in prose.</summary>
    public string Description { get; }

    /// <summary>
    /// The first Kubernetes version on which the target cannot run at all (<c>1.26</c>), or null. The action also withholds
    /// the workaround where the target is below upstream's floor for the cluster's Kubernetes version (from 1.25).
    /// </summary>
    public KubernetesVersion? UnsafeFromKubernetesVersion { get; }

    /// <summary>Current versions from which the workaround must not be used (issue 2321 from v1.12.1-rc1 on), with the reason.</summary>
    public IReadOnlyList<MitigationPitfall> Pitfalls { get; }

    /// <summary>Things to know before using the workaround.</summary>
    public IReadOnlyList<string> Caveats { get; }

    /// <summary>Whether the target can run on a cluster of the given Kubernetes version (see <see cref="UnsafeFromKubernetesVersion"/>); null when that is not known.</summary>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null when unknown.</param>
    /// <returns>True when safe, false when unsafe, null when <paramref name="kubernetesVersion"/> is null.</returns>
    public bool? IsSafeOn(KubernetesVersion? kubernetesVersion) =>
        UnsafeFromKubernetesVersion is null ? true
        : kubernetesVersion is null ? null
        : kubernetesVersion.CompareTo(UnsafeFromKubernetesVersion) < 0;

    /// <inheritdoc/>
    public override string ToString() => $"roll back to {TargetVersion}";
}
