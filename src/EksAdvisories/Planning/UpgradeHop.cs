using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>
/// One step of an upgrade path: from one release to a release of the next minor version (or to the target on the
/// same line), as AWS asks for add-on updates. A hop is <see cref="IsUnavoidable"/> when every known release of its
/// line is covered by an advisory; it then names them. This type is immutable.
/// </summary>
public sealed class UpgradeHop
{
    internal UpgradeHop(ComponentVersion from, ComponentVersion to, IList<string> crossedAdvisoryIds, string reason)
    {
        From = from;
        To = to;
        CrossedAdvisoryIds = new ReadOnlyCollection<string>(crossedAdvisoryIds);
        Reason = reason;
    }

    /// <summary>The release the hop starts from (the current version for the first hop).</summary>
    public ComponentVersion From { get; }

    /// <summary>The release the hop lands on.</summary>
    public ComponentVersion To { get; }

    /// <summary>True when <see cref="To"/> is covered by an advisory because no release of its line is clear.</summary>
    public bool IsUnavoidable => CrossedAdvisoryIds.Count > 0;

    /// <summary>The advisories whose range holds <see cref="To"/>; empty for a clean hop.</summary>
    public IReadOnlyList<string> CrossedAdvisoryIds { get; }

    /// <summary>Why this release, in one sentence.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => IsUnavoidable ? $"{From} -> {To} (unavoidable: {string.Join(", ", CrossedAdvisoryIds)})" : $"{From} -> {To}";
}
