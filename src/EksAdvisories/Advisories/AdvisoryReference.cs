namespace EksAdvisories;

/// <summary>A link the advisory cites, typed as in OSV. This type is immutable.</summary>
public sealed class AdvisoryReference
{
    /// <summary>The reference types a data file may use: OSV's, plus <c>DOCS</c> for vendor documentation.</summary>
    public static IReadOnlyList<string> KnownTypes { get; } =
        ["ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "GIT", "PACKAGE", "EVIDENCE", "WEB", "DOCS"];

    internal AdvisoryReference(string type, Uri url, string? description)
    {
        Type = type;
        Url = url;
        Description = description;
    }

    /// <summary>The kind of link: <c>FIX</c>, <c>INTRODUCED</c>, <c>EVIDENCE</c>, <c>DOCS</c>, … (see <see cref="KnownTypes"/>).</summary>
    public string Type { get; }

    /// <summary>The address.</summary>
    public Uri Url { get; }

    /// <summary>What the link shows, or null.</summary>
    public string? Description { get; }

    /// <inheritdoc/>
    public override string ToString() => Type + " " + Url;
}
