using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>The corrected affected range and the releases known on each side of it. This type is immutable.</summary>
public sealed class AffectedVersions
{
    internal AffectedVersions(AffectedRange range, IList<ComponentVersion> knownAffected, IList<ComponentVersion> knownUnaffected, IList<ComponentVersion> neverReleased)
    {
        Range = range;
        KnownAffectedReleases = new ReadOnlyCollection<ComponentVersion>(knownAffected);
        KnownUnaffectedReleases = new ReadOnlyCollection<ComponentVersion>(knownUnaffected);
        NeverReleased = new ReadOnlyCollection<ComponentVersion>(neverReleased);
    }

    /// <summary>The range, as OSV events over upstream SemVer.</summary>
    public AffectedRange Range { get; }

    /// <summary>Upstream tags inside the range.</summary>
    public IReadOnlyList<ComponentVersion> KnownAffectedReleases { get; }

    /// <summary>Upstream tags next to the range that are known to be unaffected.</summary>
    public IReadOnlyList<ComponentVersion> KnownUnaffectedReleases { get; }

    /// <summary>Version numbers inside the range that were never released (no image, no add-on build).</summary>
    public IReadOnlyList<ComponentVersion> NeverReleased { get; }

    /// <inheritdoc/>
    public override string ToString() => Range.ToString();
}
