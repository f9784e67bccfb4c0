namespace EksAdvisories;

/// <summary>Why the defect exists: what introduced it and what fixed it. This type is immutable.</summary>
public sealed class RootCause
{
    internal RootCause(string description, ComponentVersion introducedIn, Uri introducedBy, string? introducedByCommit, Uri fixedBy, string? fixedByCommit, IList<ReleaseLineCommits> commits)
    {
        Description = description;
        IntroducedIn = introducedIn;
        IntroducedBy = introducedBy;
        IntroducedByCommit = introducedByCommit;
        FixedBy = fixedBy;
        FixedByCommit = fixedByCommit;
        Commits = new System.Collections.ObjectModel.ReadOnlyCollection<ReleaseLineCommits>(commits);
    }

    /// <summary>The mechanism, in prose.</summary>
    public string Description { get; }

    /// <summary>The first upstream version carrying the defect.</summary>
    public ComponentVersion IntroducedIn { get; }

    /// <summary>The change that introduced the defect.</summary>
    public Uri IntroducedBy { get; }

    /// <summary>The commit that introduced the defect, or null.</summary>
    public string? IntroducedByCommit { get; }

    /// <summary>The change that fixed the defect.</summary>
    public Uri FixedBy { get; }

    /// <summary>The commit of the fix, or null.</summary>
    public string? FixedByCommit { get; }

    /// <summary>The commits per upstream release line; empty when the data does not give them.</summary>
    public IReadOnlyList<ReleaseLineCommits> Commits { get; }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
