using System.Text.Json;

namespace EksAdvisories.Data;

/// <summary>
/// Reads the advisory data format (one advisory, or a bundle <c>{"schemaVersion","dataVersion","advisories":[…]}</c>):
/// bytes (a UTF-8 byte order mark is accepted), then the format version, then the wire types, then
/// <see cref="AdvisoryMapper"/> and <see cref="AdvisoryValidator"/>. Every problem becomes an
/// <see cref="AdvisoryDataException"/> naming the source, the JSON path and the value.
/// </summary>
internal static class AdvisoryDataReader
{
    /// <summary>Advisory data is small; a larger input is refused rather than read into memory.</summary>
    public const int MaxDataBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Reads a stream to its end, bounded by <see cref="MaxDataBytes"/>. A stream that cannot be read (closed, disposed,
    /// write-only, failing) is reported as <see cref="AdvisoryDataException"/>, never as the stream's own exception.
    /// </summary>
    public static byte[] ReadAllBytes(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            if (!stream.CanRead) throw new AdvisoryDataException(source, null, "the stream cannot be read (it is closed, disposed or write-only).");
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxDataBytes)
                {
                    throw new AdvisoryDataException(source, null, $"the data is larger than {MaxDataBytes / (1024 * 1024)} MiB; advisory data is expected to be a few kilobytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new AdvisoryDataException(source, null, $"the data could not be read: {e.Message}", e);
        }
    }

    /// <summary>Parses one data document (single advisory or bundle).</summary>
    public static (string? DataVersion, List<Advisory> Advisories) Read(ReadOnlyMemory<byte> utf8, string source, IReadOnlyDictionary<string, ComponentData> components)
    {
        var data = new DataPath(source);
        utf8 = WithoutByteOrderMark(utf8);
        bool isBundle;
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw data.Fail("$", $"expected a JSON object (one advisory or a bundle with 'advisories'), found {root.ValueKind}.");
            }

            isBundle = root.TryGetProperty("advisories", out _);

            // The format version decides how the rest is read, so a newer major is refused before its fields are looked at.
            var version = root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (AdvisoryValidator.CheckSchemaVersion(version, "$.schemaVersion") is { } problem) throw data.Fail(problem.Path, problem.Message);
        }
        catch (JsonException e)
        {
            throw data.Fail(e.Path ?? "$", $"the JSON is malformed (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // GetString on a value that is not valid UTF-8 (the document parser checks structure, not every string).
            throw data.Fail("$.schemaVersion", $"the value is not valid UTF-8 text: {e.Message}", e);
        }

        try
        {
            if (!isBundle)
            {
                var single = JsonSerializer.Deserialize(utf8.Span, AdvisoryJsonContext.Default.AdvisoryDocument);
                return (null, [Build(data.Require(single, "$"), "$", data, components)]);
            }

            var bundle = JsonSerializer.Deserialize(utf8.Span, AdvisoryJsonContext.Default.AdvisoryBundleDocument)!;
            var list = data.Require(bundle.Advisories, "$.advisories");
            var advisories = new List<Advisory>(list.Count);
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.advisories[{i}]";
                var item = data.Require(list[i], path);
                if (AdvisoryValidator.CheckSchemaVersion(item.SchemaVersion, path + ".schemaVersion") is { } problem) throw data.Fail(problem.Path, problem.Message);
                var advisory = Build(item, path, data, components);
                if (!ids.Add(advisory.Id)) throw data.Fail(path + ".id", $"the id '{advisory.Id}' appears twice; ids must be unique.");
                advisories.Add(advisory);
            }

            if (bundle.DataVersion is { } dataVersion && string.IsNullOrWhiteSpace(dataVersion))
            {
                throw data.Fail("$.dataVersion", "expected a non-empty data version such as '2026.12.01'.");
            }

            return (bundle.DataVersion, advisories);
        }
        catch (JsonException e)
        {
            throw data.Fail(e.Path ?? "$", $"a value has the wrong type or form: {e.Message}", e);
        }
    }

    private static Advisory Build(AdvisoryDocument document, string path, DataPath data, IReadOnlyDictionary<string, ComponentData> components)
    {
        var advisory = AdvisoryMapper.ToAdvisory(document, path, data, components);
        var problems = AdvisoryValidator.Validate(advisory, path);
        return problems.Count == 0 ? advisory : throw data.Fail(problems[0].Path, problems[0].Message);
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;
}
