namespace EksAdvisories;

/// <summary>What the advisory said when it was first published, kept so that its answers can be compared. This type is immutable.</summary>
public sealed class PublishedStatement
{
    internal PublishedStatement(string rangeText, AffectedRange range, ComponentVersion fixedIn, ComponentVersion mitigationTarget)
    {
        RangeText = rangeText;
        Range = range;
        FixedIn = fixedIn;
        MitigationTarget = mitigationTarget;
    }

    /// <summary>The range exactly as published: <c>&gt;=1.11.3 &lt;=1.12.2</c>.</summary>
    public string RangeText { get; }

    /// <summary>The published range as OSV events.</summary>
    public AffectedRange Range { get; }

    /// <summary>The fix version as published (<c>v1.12.3</c>, a version that was never released).</summary>
    public ComponentVersion FixedIn { get; }

    /// <summary>The mitigation version as published (<c>v1.11.3</c>).</summary>
    public ComponentVersion MitigationTarget { get; }

    /// <inheritdoc/>
    public override string ToString() => RangeText;
}
