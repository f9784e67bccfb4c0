using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>The long-term fix: which version to move to. This type is immutable.</summary>
public sealed class Remediation
{
    internal Remediation(ComponentVersion fixedIn, ComponentVersion firstReleasedFixedVersion, ComponentVersion firstFixedAddonVersion, ComponentVersion recommendedAddonVersion, string description, IList<string> caveats)
    {
        FixedIn = fixedIn;
        FirstReleasedFixedVersion = firstReleasedFixedVersion;
        FirstFixedAddonVersion = firstFixedAddonVersion;
        RecommendedAddonVersion = recommendedAddonVersion;
        Description = description;
        Caveats = new ReadOnlyCollection<string>(caveats);
    }

    /// <summary>The first upstream version with the fix (<c>v1.12.5</c>).</summary>
    public ComponentVersion FixedIn { get; }

    /// <summary>The first version with the fix that was actually released (<c>v1.12.5</c>).</summary>
    public ComponentVersion FirstReleasedFixedVersion { get; }

    /// <summary>The first EKS add-on build with the fix (<c>v1.12.5-eksbuild.1</c>).</summary>
    public ComponentVersion FirstFixedAddonVersion { get; }

    /// <summary>The EKS add-on build the advisory recommends (<c>v1.12.6-eksbuild.2</c>); see <see cref="AdvisoryAction.RecommendedAddonVersion"/> for the one that fits a cluster.</summary>
    public ComponentVersion RecommendedAddonVersion { get; }

    /// <summary>What to do and why it works, in prose.</summary>
    public string Description { get; }

    /// <summary>Things to know before upgrading.</summary>
    public IReadOnlyList<string> Caveats { get; }

    /// <inheritdoc/>
    public override string ToString() => $"upgrade to {FirstReleasedFixedVersion} or later";
}
