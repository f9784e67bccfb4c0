namespace EksAdvisories;

/// <summary>A text that appears in ipamd.log when the condition is present. This type is immutable.</summary>
public sealed class LogSignature
{
    internal LogSignature(string id, string text, string meaning, string? proves = null, string? doesNotProve = null)
    {
        Id = id;
        Text = text;
        Meaning = meaning;
        Proves = proves;
        DoesNotProve = doesNotProve;
    }

    /// <summary>A stable identifier for the signature.</summary>
    public string Id { get; }

    /// <summary>The text to look for (an ordinal substring of the log message).</summary>
    public string Text { get; }

    /// <summary>What the line tells.</summary>
    public string Meaning { get; }

    /// <summary>What seeing the line proves, or null when the data does not say.</summary>
    public string? Proves { get; }

    /// <summary>What seeing the line does not prove on its own (for example, which IPAMD behaviour runs), or null.</summary>
    public string? DoesNotProve { get; }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
