using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>An EKS add-on build of a component, and the Kubernetes versions the data knows EKS offers it for. This type is immutable.</summary>
public sealed class AddonBuild
{
    internal AddonBuild(ComponentVersion version, IList<KubernetesVersion> kubernetesVersions, string? basis)
    {
        Version = version;
        KubernetesVersions = new ReadOnlyCollection<KubernetesVersion>(kubernetesVersions);
        Basis = basis;
    }

    /// <summary>The build (<c>v1.12.6-eksbuild.2</c>).</summary>
    public ComponentVersion Version { get; }

    /// <summary>The Kubernetes versions the data knows EKS offers the build for; empty when the data does not know.</summary>
    public IReadOnlyList<KubernetesVersion> KubernetesVersions { get; }

    /// <summary>Where <see cref="KubernetesVersions"/> comes from, or null when it is empty.</summary>
    public string? Basis { get; }

    /// <summary>True when the data knows EKS offers the build for <paramref name="kubernetesVersion"/>.</summary>
    /// <param name="kubernetesVersion">A Kubernetes version.</param>
    /// <returns>True when listed.</returns>
    public bool IsOfferedFor(KubernetesVersion kubernetesVersion) => KubernetesVersions.Contains(kubernetesVersion);

    /// <inheritdoc/>
    public override string ToString() => Version.ToString();
}
