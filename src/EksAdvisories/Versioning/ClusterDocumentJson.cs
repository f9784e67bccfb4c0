using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace EksAdvisories;

/// <summary>
/// The reading steps every cluster document shares (describe-addon-versions output, the aws-node DaemonSet): a
/// bounded read, a BOM skipped, UTF-8 checked once, JSON parsed with a depth limit, and values described the same way
/// in messages. Every failure is a <see cref="ClusterDocumentException"/>.
/// </summary>
internal static class ClusterDocumentJson
{
    /// <summary>A larger input is refused rather than read into memory; real documents are tens of kilobytes.</summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    /// <summary>Deeper nesting is refused; real documents nest fewer than ten levels.</summary>
    public const int MaxJsonDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxJsonDepth };

    public static byte[] ReadAll(Stream stream, string source)
    {
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes) throw TooLarge(source);
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw new ClusterDocumentException(source, null, $"the stream could not be read ({e.Message}).", e);
        }
    }

    public static byte[] ReadFile(string path)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ClusterDocumentException(path, null, $"the file could not be opened ({e.Message}).", e);
        }

        using (stream)
        {
            return ReadAll(stream, path);
        }
    }

    /// <summary>Parses the bytes; <paramref name="expected"/> names the document in messages (<c>the JSON of kubectl get ds aws-node …</c>).</summary>
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8, string source, string expected)
    {
        if (utf8.Length > MaxDocumentBytes) throw TooLarge(source);
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(bom)) utf8 = utf8[bom.Length..];
        if (!Utf8.IsValid(utf8))
        {
            var offset = 0;
            while (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == OperationStatus.Done) offset += consumed;
            throw new ClusterDocumentException(source, null, string.Create(CultureInfo.InvariantCulture,
                $"not valid UTF-8 (byte {offset + 1}: 0x{utf8[offset]:X2}); expected {expected}."));
        }

        try
        {
            return JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            throw new ClusterDocumentException(source, null, $"not valid JSON{where}, or nested deeper than {MaxJsonDepth} levels; expected {expected}. {e.Message}", e);
        }
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(element.GetString()!)}\"",
        JsonValueKind.Number => "the number " + Shorten(element.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    /// <summary>The property by its camelCase name, or the same name in PascalCase (AWS Tools for PowerShell objects written as JSON).</summary>
    public static bool TryGet(JsonElement element, string camelCase, out JsonElement value)
    {
        if (element.TryGetProperty(camelCase, out value)) return true;
        var pascal = char.ToUpperInvariant(camelCase[0]) + camelCase[1..];
        return element.TryGetProperty(pascal, out value);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static ClusterDocumentException TooLarge(string source) =>
        new(source, null, $"the document is larger than {MaxDocumentBytes / (1024 * 1024)} MiB; a document from the cluster is expected to be far smaller.");
}
