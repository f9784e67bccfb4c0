using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>
/// One vpc-cni add-on build that EKS offers, as <c>aws eks describe-addon-versions</c> lists it: the build, the
/// Kubernetes versions it is compatible with, and those for which it is the default. This type is immutable.
/// </summary>
public sealed class OfferedAddonBuild
{
    internal OfferedAddonBuild(ComponentVersion version, IList<KubernetesVersion> clusterVersions, IList<KubernetesVersion> defaultFor, string jsonPath)
    {
        Version = version;
        ClusterVersions = new ReadOnlyCollection<KubernetesVersion>(clusterVersions);
        DefaultFor = new ReadOnlyCollection<KubernetesVersion>(defaultFor);
        JsonPath = jsonPath;
    }

    /// <summary>The build, such as <c>v1.19.2-eksbuild.5</c>.</summary>
    public ComponentVersion Version { get; }

    /// <summary>The Kubernetes versions the build is offered for (<c>compatibilities[].clusterVersion</c>); empty when the document does not say.</summary>
    public IReadOnlyList<KubernetesVersion> ClusterVersions { get; }

    /// <summary>The Kubernetes versions for which EKS installs this build by default (<c>compatibilities[].defaultVersion</c>).</summary>
    public IReadOnlyList<KubernetesVersion> DefaultFor { get; }

    /// <summary>Where the build is in the document (<c>$.addons[0].addonVersions[4]</c>), for messages.</summary>
    public string JsonPath { get; }

    /// <summary>
    /// True when the build is offered for <paramref name="kubernetesVersion"/>; also true when the document names no
    /// compatibilities at all (a list of build names), since it then restricts nothing.
    /// </summary>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null to accept every build.</param>
    /// <returns>Whether the build may be installed on that cluster, as far as the document says.</returns>
    public bool IsOfferedFor(KubernetesVersion? kubernetesVersion) =>
        kubernetesVersion is null || ClusterVersions.Count == 0 || ClusterVersions.Contains(kubernetesVersion);

    /// <summary>True when EKS installs this build by default on <paramref name="kubernetesVersion"/>.</summary>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version.</param>
    /// <returns>Whether the document flags the build as that version's default.</returns>
    public bool IsDefaultFor(KubernetesVersion kubernetesVersion) => DefaultFor.Contains(kubernetesVersion);

    /// <inheritdoc/>
    public override string ToString() => Version.ToString();
}
