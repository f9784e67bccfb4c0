namespace EksAdvisories.Ipamd;

/// <summary>How often one of the advisory's log signatures occurs in the snapshot's ipamd.log. This type is immutable.</summary>
public sealed class LogSignatureMatch
{
    internal LogSignatureMatch(string signatureId, string text, string meaning, int count, long firstLine, long lastLine, string example)
    {
        SignatureId = signatureId;
        Text = text;
        Meaning = meaning;
        Count = count;
        FirstLine = firstLine;
        LastLine = lastLine;
        Example = example;
    }

    /// <summary>The signature's stable id from the advisory data (<c>limit-exceeded-swallowed</c>).</summary>
    public string SignatureId { get; }

    /// <summary>The text that was searched for.</summary>
    public string Text { get; }

    /// <summary>What a matching line tells, from the advisory data.</summary>
    public string Meaning { get; }

    /// <summary>How many lines matched; at least 1.</summary>
    public int Count { get; }

    /// <summary>The 1-based number of the first matching line.</summary>
    public long FirstLine { get; }

    /// <summary>The 1-based number of the last matching line.</summary>
    public long LastLine { get; }

    /// <summary>The message of the first matching line (the <c>msg</c> field of a JSON line), cut to 300 characters.</summary>
    public string Example { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{SignatureId}: {Count} line(s), first at line {FirstLine}";
}
