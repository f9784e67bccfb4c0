using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EksAdvisories;

/// <summary>Formatting rules shared by the exporters, so that all of them write times, versions and JSON alike.</summary>
internal static class ExportFormat
{
    // The output is a file for tools, never embedded in HTML, so the relaxed encoder keeps quotes and non-ASCII
    // characters readable instead of writing \u0022; it is still valid, escaped JSON.
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An RFC 3339 UTC time ending in <c>Z</c>, with fractional seconds only when there are any.</summary>
    public static string Timestamp(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }

    /// <summary>The calendar date of a time, for people: <c>2023-11-21</c>.</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes JSON with <paramref name="write"/> and returns it as text with <c>\n</c> line ends on every platform.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        // Utf8JsonWriter indents with Environment.NewLine on net8.0 (JsonWriterOptions.NewLine arrived in .NET 9);
        // string values never hold a raw line break (they are escaped), so this only touches indentation.
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return Environment.NewLine == "\n" ? text : text.Replace(Environment.NewLine, "\n", StringComparison.Ordinal);
    }

    /// <summary>Writes a property holding an array of strings.</summary>
    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    /// <summary>Writes the typed references as the data format has them (type, url, description).</summary>
    public static void WriteReferences(Utf8JsonWriter w, IEnumerable<AdvisoryReference> references)
    {
        w.WriteStartArray("references");
        foreach (var x in references)
        {
            w.WriteStartObject();
            w.WriteString("type", x.Type);
            w.WriteString("url", x.Url.OriginalString);
            if (x.Description is { } description) w.WriteString("description", description);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes the corrections of the published text (field, claim, correction, evidence).</summary>
    public static void WriteCorrections(Utf8JsonWriter w, IEnumerable<Correction> corrections)
    {
        w.WriteStartArray("corrections");
        foreach (var c in corrections)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            w.WriteString("claim", c.Claim);
            w.WriteString("correction", c.CorrectedStatement);
            WriteStrings(w, "evidence", c.Evidence.Select(u => u.OriginalString));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes the revision history (revision, date, summary).</summary>
    public static void WriteHistory(Utf8JsonWriter w, IEnumerable<RevisionEntry> history)
    {
        w.WriteStartArray("history");
        foreach (var h in history)
        {
            w.WriteStartObject();
            w.WriteNumber("revision", h.Revision);
            w.WriteString("date", Timestamp(h.Date));
            w.WriteString("summary", h.Summary);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// Writes a range's events as OSV does; <paramref name="lastAffectedName"/> is the one key whose spelling differs
    /// between OSV (<c>last_affected</c>) and the data format (<c>lastAffected</c>).
    /// </summary>
    public static void WriteEvents(Utf8JsonWriter w, AffectedRange range, string lastAffectedName)
    {
        w.WriteStartArray("events");
        foreach (var e in range.Events)
        {
            w.WriteStartObject();
            w.WriteString(
                e.Kind switch
                {
                    RangeEventKind.Introduced => "introduced",
                    RangeEventKind.Fixed => "fixed",
                    _ => lastAffectedName,
                },
                Data.AdvisoryMapper.EventVersion(e));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
