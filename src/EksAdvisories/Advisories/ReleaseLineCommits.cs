namespace EksAdvisories;

/// <summary>
/// The commits that brought a defect to one upstream release line and fixed it there. Upstream cherry-picks onto release
/// branches, so a master commit is not an ancestor of the release tags. This type is immutable.
/// </summary>
public sealed class ReleaseLineCommits
{
    internal ReleaseLineCommits(string line, string introducedBy, Uri? introducedVia, ComponentVersion firstTag, string? fixedBy, Uri? fixedVia, ComponentVersion? fixedFirstTag, string? note)
    {
        Line = line;
        IntroducedBy = introducedBy;
        IntroducedVia = introducedVia;
        FirstTag = firstTag;
        FixedBy = fixedBy;
        FixedVia = fixedVia;
        FixedFirstTag = fixedFirstTag;
        Note = note;
    }

    /// <summary>The line (<c>release-1.11</c>, <c>master</c>).</summary>
    public string Line { get; }

    /// <summary>The commit that brought the defect to the line.</summary>
    public string IntroducedBy { get; }

    /// <summary>The pull request of that commit, or null.</summary>
    public Uri? IntroducedVia { get; }

    /// <summary>The first tag of the line that carries the defect.</summary>
    public ComponentVersion FirstTag { get; }

    /// <summary>The commit of the fix on this line, or null when the line was never fixed.</summary>
    public string? FixedBy { get; }

    /// <summary>The pull request of the fix, or null.</summary>
    public Uri? FixedVia { get; }

    /// <summary>The first tag of the line with the fix, or null.</summary>
    public ComponentVersion? FixedFirstTag { get; }

    /// <summary>Anything else worth knowing about the line, or null.</summary>
    public string? Note { get; }

    /// <inheritdoc/>
    public override string ToString() => FixedBy is null ? $"{Line}: {IntroducedBy} (from {FirstTag}), never fixed" : $"{Line}: {IntroducedBy} (from {FirstTag}), fixed by {FixedBy} ({FixedFirstTag})";
}
