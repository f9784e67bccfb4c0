namespace EksAdvisories;

/// <summary>
/// Renders an <see cref="Advisory"/> for other tools and for people: an OSV record, a Markdown document, or the
/// repository's own data format. Every method is deterministic (the same advisory gives the same text, byte for byte,
/// on every platform: line ends are always <c>\n</c>) and thread-safe.
/// </summary>
public static class AdvisoryExport
{
    /// <summary>The OSV schema version the records of <see cref="ToOsvJson(Advisory)"/> follow.</summary>
    public const string OsvSchemaVersion = "1.7.0";

    /// <summary>
    /// The prefix of exported OSV ids. EKSA is not a registered OSV home database, and OSV reserves <c>x_</c> for
    /// unregistered ones, so <c>EKSA-2023-0001</c> becomes <c>x_EKSA-2023-0001</c>.
    /// </summary>
    public const string OsvIdPrefix = "x_";

    /// <summary>
    /// Writes the advisory as an OSV 1.7 record (indented JSON): the corrected range as a SEMVER range over the upstream
    /// Go module, the known affected releases, a note on EKS add-on build versions in <c>ecosystem_specific</c>, and the
    /// as-published range and the corrections in <c>database_specific</c>.
    /// </summary>
    /// <param name="advisory">The advisory.</param>
    /// <returns>The OSV JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="advisory"/> is null.</exception>
    public static string ToOsvJson(this Advisory advisory) => ToOsvJson(advisory, null);

    /// <summary>
    /// Writes the advisory as an OSV 1.7 record, recording the catalog's data version (such as
    /// <see cref="AdvisoryCatalog.DataVersion"/>) in <c>database_specific.data_version</c>.
    /// </summary>
    /// <param name="advisory">The advisory.</param>
    /// <param name="dataVersion">The data version of the catalog the advisory came from, or null to leave it out.</param>
    /// <returns>The OSV JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="advisory"/> is null.</exception>
    public static string ToOsvJson(this Advisory advisory, string? dataVersion)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return OsvRecordWriter.Write(advisory, dataVersion);
    }

    /// <summary>
    /// Renders the advisory as a Markdown document for people: summary, corrected and published ranges, a table of
    /// known releases, root cause, impact, trigger conditions, remediation, mitigation and where it is unsafe,
    /// detection, glossary, references, corrections and history.
    /// </summary>
    /// <param name="advisory">The advisory.</param>
    /// <returns>The Markdown text (lines end in <c>\n</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="advisory"/> is null.</exception>
    public static string ToMarkdown(this Advisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return MarkdownRenderer.Render(advisory);
    }

    /// <summary>
    /// Writes the advisory in the repository's own data format (the shape of <c>advisories/*.json</c>), so that
    /// <see cref="AdvisoryCatalog.Load(Stream)"/> reads it back to an equal advisory.
    /// </summary>
    /// <param name="advisory">The advisory.</param>
    /// <returns>The JSON text (indented).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="advisory"/> is null.</exception>
    public static string ToJson(this Advisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        return AdvisoryDataWriter.Write(advisory);
    }
}
