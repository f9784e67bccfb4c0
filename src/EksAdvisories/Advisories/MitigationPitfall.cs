namespace EksAdvisories;

/// <summary>Current versions from which the mitigation must not be used, and why. This type is immutable.</summary>
public sealed class MitigationPitfall
{
    internal MitigationPitfall(string id, AffectedRange range, string reason, Uri? reference)
    {
        Id = id;
        Range = range;
        Reason = reason;
        Reference = reference;
    }

    /// <summary>A short stable id (<c>issue-2321</c>).</summary>
    public string Id { get; }

    /// <summary>The current versions it applies to, as OSV events (<c>&gt;=1.12.1-rc1</c>).</summary>
    public AffectedRange Range { get; }

    /// <summary>What goes wrong.</summary>
    public string Reason { get; }

    /// <summary>The evidence, or null.</summary>
    public Uri? Reference { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Range})";
}
