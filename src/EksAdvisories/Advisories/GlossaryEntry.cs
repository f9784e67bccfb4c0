namespace EksAdvisories;

/// <summary>A term the advisory uses, with its definition. This type is immutable.</summary>
public sealed class GlossaryEntry
{
    internal GlossaryEntry(string term, string definition, Uri? link)
    {
        Term = term;
        Definition = definition;
        Link = link;
    }

    /// <summary>The term.</summary>
    public string Term { get; }

    /// <summary>What it means here.</summary>
    public string Definition { get; }

    /// <summary>Where to read more, or null.</summary>
    public Uri? Link { get; }

    /// <inheritdoc/>
    public override string ToString() => Term;
}
