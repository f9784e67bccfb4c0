namespace EksAdvisories;

/// <summary>What the advisory said when it was first published, kept so that its answers can be compared. This type is immutable.</summary>
public sealed class PublishedStatement
{
    internal PublishedStatement(string rangeText, AffectedRange range, ComponentVersion fixedIn, ComponentVersion mitigationTarget, IList<ComponentVersion> knownUnaffectedReleases)
    {
        RangeText = rangeText;
        Range = range;
        FixedIn = fixedIn;
        MitigationTarget = mitigationTarget;
        KnownUnaffectedReleases = new System.Collections.ObjectModel.ReadOnlyCollection<ComponentVersion>(knownUnaffectedReleases);
    }

    /// <summary>The range exactly as published: <c>&gt;=1.11.3 &lt;=1.12.2</c>.</summary>
    public string RangeText { get; }

    /// <summary>The published range as OSV events.</summary>
    public AffectedRange Range { get; }

    /// <summary>The fix version as published (<c>v1.12.3</c>, a version that was never released).</summary>
    public ComponentVersion FixedIn { get; }

    /// <summary>The mitigation version as published (<c>v1.11.3</c>).</summary>
    public ComponentVersion MitigationTarget { get; }

    /// <summary>Releases the published text answers NotAffected that a reader might expect otherwise (<c>v1.12.3</c>, <c>v1.12.4</c>: outside the published range).</summary>
    public IReadOnlyList<ComponentVersion> KnownUnaffectedReleases { get; }

    /// <inheritdoc/>
    public override string ToString() => RangeText;
}
