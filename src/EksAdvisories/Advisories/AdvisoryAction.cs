using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>What to do about an affected version, fitted to the cluster's Kubernetes version when it is known. This type is immutable.</summary>
public sealed class AdvisoryAction
{
    internal AdvisoryAction(
        ComponentVersion upgradeTo, ComponentVersion? recommendedAddonVersion, string? addonVersionsCommand, KubernetesFloor? kubernetesFloor,
        IList<string> upgradeCaveats, Mitigation? mitigation, string? mitigationWithheldReason, IList<string> mitigationCaveats, string summary)
    {
        UpgradeTo = upgradeTo;
        RecommendedAddonVersion = recommendedAddonVersion;
        AddonVersionsCommand = addonVersionsCommand;
        KubernetesFloor = kubernetesFloor;
        UpgradeCaveats = new ReadOnlyCollection<string>(upgradeCaveats);
        Mitigation = mitigation;
        MitigationWithheldReason = mitigationWithheldReason;
        MitigationCaveats = new ReadOnlyCollection<string>(mitigationCaveats);
        Summary = summary;
    }

    /// <summary>
    /// The lowest known release that is outside the advisory's range, at or above upstream's oldest recommended version for
    /// the cluster's Kubernetes version, and not one to avoid (v1.16.3): <c>v1.12.5</c>, <c>v1.13.4</c> on Kubernetes 1.28.
    /// Upstream recommends the latest release; this is the least that fixes the defect.
    /// </summary>
    public ComponentVersion UpgradeTo { get; }

    /// <summary>
    /// An EKS add-on build the data knows EKS offers for the cluster's Kubernetes version and that is at or above
    /// <see cref="UpgradeTo"/>'s floor (<c>v1.12.6-eksbuild.2</c> on 1.23 - 1.27), or null when the data knows none
    /// (or the Kubernetes version is unknown); <see cref="AddonVersionsCommand"/> then lists the cluster's builds.
    /// </summary>
    public ComponentVersion? RecommendedAddonVersion { get; }

    /// <summary>
    /// The command that lists the add-on builds EKS offers for the cluster
    /// (<c>aws eks describe-addon-versions --addon-name vpc-cni --kubernetes-version 1.29</c>), when
    /// <see cref="RecommendedAddonVersion"/> is null; otherwise null.
    /// </summary>
    public string? AddonVersionsCommand { get; }

    /// <summary>Upstream's floor used for the cluster's Kubernetes version (the newest one for a version newer than the table), or null.</summary>
    public KubernetesFloor? KubernetesFloor { get; }

    /// <summary>Things to know before upgrading, for this cluster.</summary>
    public IReadOnlyList<string> UpgradeCaveats { get; }

    /// <summary>The workaround, or null when it is unsafe for this version or cluster (see <see cref="MitigationWithheldReason"/>).</summary>
    public Mitigation? Mitigation { get; }

    /// <summary>Why the workaround is not offered, or null when it is.</summary>
    public string? MitigationWithheldReason { get; }

    /// <summary>Conditions for the offered workaround that depend on this cluster (the Kubernetes versions on which it would be withheld, …).</summary>
    public IReadOnlyList<string> MitigationCaveats { get; }

    /// <summary>The action in a few sentences.</summary>
    public string Summary { get; }

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
