namespace EksAdvisories;

/// <summary>A text that appears in ipamd.log when the condition is present. This type is immutable.</summary>
public sealed class LogSignature
{
    internal LogSignature(string id, string text, string meaning)
    {
        Id = id;
        Text = text;
        Meaning = meaning;
    }

    /// <summary>A stable identifier for the signature.</summary>
    public string Id { get; }

    /// <summary>The text to look for (an ordinal substring of the log message).</summary>
    public string Text { get; }

    /// <summary>What the line tells.</summary>
    public string Meaning { get; }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
