using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>The component an advisory is about, with every name it goes by. This type is immutable.</summary>
public sealed class AdvisoryComponent
{
    internal AdvisoryComponent(string name, IList<string> aliases, IList<string> imageRepositories, string upstreamModule, ComponentData data)
    {
        ImageRepositories = new ReadOnlyCollection<string>(imageRepositories);
        Name = name;
        Aliases = new ReadOnlyCollection<string>(aliases);
        UpstreamModule = upstreamModule;
        KnownReleases = data.Releases;
        KubernetesFloors = data.Floors;
        AddonBuilds = data.AddonBuilds;
    }

    /// <summary>The canonical name, <c>vpc-cni</c> (the EKS add-on name).</summary>
    public string Name { get; }

    /// <summary>Other names of the component: the upstream repository, DaemonSet, image and Helm chart names.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The names (last path segment) of the container image repositories that ship the component, such as <c>amazon-k8s-cni</c>.</summary>
    public IReadOnlyList<string> ImageRepositories { get; }

    /// <summary>The upstream Go module, <c>github.com/aws/amazon-vpc-cni-k8s</c>.</summary>
    public string UpstreamModule { get; }

    /// <summary>Every upstream release the data knows, in version order (empty when the data has no release list for the component).</summary>
    public IReadOnlyList<ComponentRelease> KnownReleases { get; }

    /// <summary>Upstream's oldest recommended release per Kubernetes version, oldest Kubernetes first (empty when unknown).</summary>
    public IReadOnlyList<KubernetesFloor> KubernetesFloors { get; }

    /// <summary>The EKS add-on builds the data knows, in version order.</summary>
    public IReadOnlyList<AddonBuild> AddonBuilds { get; }

    /// <summary>The floor entry for <paramref name="kubernetesVersion"/>, or null when upstream's table has none for it.</summary>
    /// <param name="kubernetesVersion">A Kubernetes version.</param>
    /// <returns>The entry, or null.</returns>
    public KubernetesFloor? FloorFor(KubernetesVersion kubernetesVersion)
    {
        ArgumentNullException.ThrowIfNull(kubernetesVersion);
        foreach (var floor in KubernetesFloors)
        {
            if (floor.Kubernetes == kubernetesVersion) return floor;
        }

        return null;
    }

    /// <summary>True when <paramref name="name"/> is the canonical name or an alias, ignoring case and surrounding white space.</summary>
    /// <param name="name">A component name such as <c>aws-node</c>.</param>
    /// <returns>Whether the name denotes this component.</returns>
    public bool Matches(string? name)
    {
        if (name is null) return false;
        var trimmed = name.AsSpan().Trim();
        if (trimmed.Equals(Name, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var alias in Aliases)
        {
            if (trimmed.Equals(alias, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
