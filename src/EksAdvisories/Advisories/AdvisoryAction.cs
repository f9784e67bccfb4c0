using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>What to do about an affected version. This type is immutable.</summary>
public sealed class AdvisoryAction
{
    internal AdvisoryAction(ComponentVersion upgradeTo, ComponentVersion? recommendedAddonVersion, IList<string> upgradeCaveats, Mitigation? mitigation, string? mitigationWithheldReason, string summary)
    {
        UpgradeTo = upgradeTo;
        RecommendedAddonVersion = recommendedAddonVersion;
        UpgradeCaveats = new ReadOnlyCollection<string>(upgradeCaveats);
        Mitigation = mitigation;
        MitigationWithheldReason = mitigationWithheldReason;
        Summary = summary;
    }

    /// <summary>The release to upgrade to: <c>v1.12.5</c>. It prints in the one display form of <see cref="ComponentVersion"/>.</summary>
    public ComponentVersion UpgradeTo { get; }

    /// <summary>The EKS add-on build to upgrade to (<c>v1.12.6-eksbuild.2</c>), or null when the data knows no fitting build.</summary>
    public ComponentVersion? RecommendedAddonVersion { get; }

    /// <summary>Things to know before upgrading.</summary>
    public IReadOnlyList<string> UpgradeCaveats { get; }

    /// <summary>The workaround, or null when it is unsafe for the given cluster (see <see cref="MitigationWithheldReason"/>).</summary>
    public Mitigation? Mitigation { get; }

    /// <summary>Why the workaround is not offered, or null when it is.</summary>
    public string? MitigationWithheldReason { get; }

    /// <summary>The action in one or two sentences.</summary>
    public string Summary { get; }

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
