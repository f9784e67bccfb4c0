using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>The corrected affected range and the releases known on each side of it. This type is immutable.</summary>
public sealed class AffectedVersions
{
    internal AffectedVersions(AffectedRange range, IList<string> knownAffected, IList<string> knownUnaffected, IList<string> neverReleased)
    {
        Range = range;
        KnownAffectedReleases = new ReadOnlyCollection<string>(knownAffected);
        KnownUnaffectedReleases = new ReadOnlyCollection<string>(knownUnaffected);
        NeverReleased = new ReadOnlyCollection<string>(neverReleased);
    }

    /// <summary>The range, as OSV events over upstream SemVer.</summary>
    public AffectedRange Range { get; }

    /// <summary>Upstream tags inside the range (without <c>v</c>).</summary>
    public IReadOnlyList<string> KnownAffectedReleases { get; }

    /// <summary>Upstream tags next to the range that are known to be unaffected.</summary>
    public IReadOnlyList<string> KnownUnaffectedReleases { get; }

    /// <summary>Version numbers inside the range that were never released (no image, no add-on build).</summary>
    public IReadOnlyList<string> NeverReleased { get; }

    /// <inheritdoc/>
    public override string ToString() => Range.ToString();
}
