using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>
/// The catalog's answer for one version of a component on one cluster: every advisory's verdict, and the one upgrade
/// plan that clears all of them (see <see cref="UpgradePlan"/>). This type is immutable.
/// </summary>
public sealed class ComponentAssessment
{
    internal ComponentAssessment(string component, ComponentVersion? version, KubernetesVersion? kubernetesVersion, KubernetesFloor? floor, IList<AdvisoryVerdict> verdicts, UpgradePlan? plan, string? noPlanReason)
    {
        Component = component;
        Version = version;
        KubernetesVersion = kubernetesVersion;
        Floor = floor;
        Verdicts = new ReadOnlyCollection<AdvisoryVerdict>(verdicts);
        Plan = plan;
        NoPlanReason = noPlanReason;
    }

    /// <summary>The component asked about, as given.</summary>
    public string Component { get; }

    /// <summary>The version, or null when it could not be read.</summary>
    public ComponentVersion? Version { get; }

    /// <summary>The cluster's Kubernetes version, or null when unknown.</summary>
    public KubernetesVersion? KubernetesVersion { get; }

    /// <summary>Upstream's oldest recommended release for that Kubernetes version, or null when unknown.</summary>
    public KubernetesFloor? Floor { get; }

    /// <summary>One verdict per advisory about the component, in catalog order.</summary>
    public IReadOnlyList<AdvisoryVerdict> Verdicts { get; }

    /// <summary>The verdicts that are Affected.</summary>
    public IReadOnlyList<AdvisoryVerdict> Affected => Verdicts.Where(v => v.Status == AffectedStatus.Affected).ToList().AsReadOnly();

    /// <summary>The target and the path to it, or null when the version cannot be planned from (see <see cref="NoPlanReason"/>).</summary>
    public UpgradePlan? Plan { get; }

    /// <summary>Why there is no plan (an unreadable or partial version), or null.</summary>
    public string? NoPlanReason { get; }

    /// <inheritdoc/>
    public override string ToString() => Plan?.ToString() ?? NoPlanReason ?? string.Empty;
}
