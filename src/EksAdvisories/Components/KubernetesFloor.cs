namespace EksAdvisories;

/// <summary>
/// Upstream's oldest recommended release of a component for one Kubernetes version, with the commit of the upstream
/// table it comes from. Upstream recommends the latest release; this is the floor below which it gives no support.
/// This type is immutable.
/// </summary>
public sealed class KubernetesFloor
{
    internal KubernetesFloor(KubernetesVersion kubernetes, ComponentVersion oldestRecommended, string sourceCommit)
    {
        Kubernetes = kubernetes;
        OldestRecommended = oldestRecommended;
        SourceCommit = sourceCommit;
    }

    /// <summary>The Kubernetes minor version (<c>1.28</c>).</summary>
    public KubernetesVersion Kubernetes { get; }

    /// <summary>The oldest release upstream recommends on it (<c>v1.13.4</c>).</summary>
    public ComponentVersion OldestRecommended { get; }

    /// <summary>The upstream commit whose README first gave this entry.</summary>
    public string SourceCommit { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Kubernetes {Kubernetes}: {OldestRecommended} or later";
}
