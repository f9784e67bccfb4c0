namespace EksAdvisories;

/// <summary>One revision of an advisory. This type is immutable.</summary>
public sealed class RevisionEntry
{
    internal RevisionEntry(int revision, DateTimeOffset date, string summary)
    {
        Revision = revision;
        Date = date;
        Summary = summary;
    }

    /// <summary>The revision number, from 1.</summary>
    public int Revision { get; }

    /// <summary>When the revision was made (UTC).</summary>
    public DateTimeOffset Date { get; }

    /// <summary>What changed.</summary>
    public string Summary { get; }

    /// <inheritdoc/>
    public override string ToString() => "revision " + Revision + ": " + Summary;
}
