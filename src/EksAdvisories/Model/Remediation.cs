using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>The long-term fix: which version to move to. This type is immutable.</summary>
public sealed class Remediation
{
    internal Remediation(string fixedIn, string firstReleasedFixedVersion, string firstFixedAddonVersion, string recommendedAddonVersion, string description, IList<string> caveats)
    {
        FixedIn = fixedIn;
        FirstReleasedFixedVersion = firstReleasedFixedVersion;
        FirstFixedAddonVersion = firstFixedAddonVersion;
        RecommendedAddonVersion = recommendedAddonVersion;
        Description = description;
        Caveats = new ReadOnlyCollection<string>(caveats);
    }

    /// <summary>The first upstream version with the fix (<c>1.12.5</c>).</summary>
    public string FixedIn { get; }

    /// <summary>The first version with the fix that was actually released (<c>1.12.5</c>).</summary>
    public string FirstReleasedFixedVersion { get; }

    /// <summary>The first EKS add-on build with the fix (<c>v1.12.5-eksbuild.1</c>).</summary>
    public string FirstFixedAddonVersion { get; }

    /// <summary>The EKS add-on build to upgrade to.</summary>
    public string RecommendedAddonVersion { get; }

    /// <summary>What to do and why it works, in prose.</summary>
    public string Description { get; }

    /// <summary>Things to know before upgrading.</summary>
    public IReadOnlyList<string> Caveats { get; }

    /// <inheritdoc/>
    public override string ToString() => "upgrade to v" + FirstReleasedFixedVersion + " or later";
}
