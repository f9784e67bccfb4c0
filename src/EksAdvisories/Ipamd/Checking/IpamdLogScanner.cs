using System.Text;
using System.Text.Json;

namespace EksAdvisories.Ipamd;

/// <summary>
/// Scans an ipamd log for the advisory's log signatures, line by line, in bounded memory: the stream is read in fixed
/// chunks and at most <see cref="MaxLineBytes"/> of each line are kept. A line that is a JSON object (zap's JSON
/// encoder) is matched on its <c>msg</c> field; any other line is matched as plain text.
/// </summary>
internal static class IpamdLogScanner
{
    /// <summary>Real ipamd lines are well under a kilobyte; the rest of a longer line is not searched.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int ExampleLength = 300;

    public static IReadOnlyList<LogSignatureMatch> Scan(Stream stream, IReadOnlyList<LogSignature> signatures, string fileName = SnapshotFileNames.IpamdLog)
    {
        var needles = signatures.Select(s => Encoding.UTF8.GetBytes(s.Text)).ToArray();
        var counts = new int[signatures.Count];
        var first = new long[signatures.Count];
        var last = new long[signatures.Count];
        var examples = new string?[signatures.Count];
        var line = new byte[MaxLineBytes];
        var message = new byte[MaxLineBytes];
        var chunk = new byte[64 * 1024];
        var lineLength = 0;
        long lineNumber = 0;
        long total = 0;

        void EndLine()
        {
            lineNumber++;
            var text = line.AsSpan(0, lineLength).TrimEnd((byte)'\r');
            var searched = ExtractMessage(text, message, out var length) ? message.AsSpan(0, length) : text;
            for (var i = 0; i < needles.Length; i++)
            {
                if (searched.IndexOf(needles[i]) < 0) continue;
                if (counts[i]++ == 0)
                {
                    first[i] = lineNumber;
                    var example = Encoding.UTF8.GetString(searched);
                    examples[i] = example.Length > ExampleLength ? example[..ExampleLength] : example;
                }

                last[i] = lineNumber;
            }

            lineLength = 0;
        }

        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += read;
                if (total > SnapshotFiles.MaxFileBytes) throw SnapshotInput.TooLarge(fileName, null);
                var span = chunk.AsSpan(0, read);
                while (!span.IsEmpty)
                {
                    var newline = span.IndexOf((byte)'\n');
                    var part = newline < 0 ? span : span[..newline];
                    var room = MaxLineBytes - lineLength;
                    part[..Math.Min(room, part.Length)].CopyTo(line.AsSpan(lineLength));
                    lineLength += Math.Min(room, part.Length);
                    if (newline < 0) break;
                    EndLine();
                    span = span[(newline + 1)..];
                }
            }
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            throw new SnapshotException(fileName, null, $"the log could not be read: {e.Message}", e);
        }

        if (lineLength > 0) EndLine();
        var matches = new List<LogSignatureMatch>();
        for (var i = 0; i < signatures.Count; i++)
        {
            if (counts[i] > 0) matches.Add(new LogSignatureMatch(signatures[i].Id, signatures[i].Text, signatures[i].Meaning, counts[i], first[i], last[i], examples[i]!));
        }

        return matches.AsReadOnly();
    }

    /// <summary>The unescaped <c>msg</c> of a zap JSON line, copied into <paramref name="buffer"/>; false for a plain-text line.</summary>
    private static bool ExtractMessage(ReadOnlySpan<byte> line, byte[] buffer, out int length)
    {
        length = 0;
        var start = line.TrimStart((byte)' ');
        if (start.IsEmpty || start[0] != (byte)'{') return false;
        try
        {
            var reader = new Utf8JsonReader(start, new JsonReaderOptions { MaxDepth = SnapshotFiles.MaxJsonDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = reader.CurrentDepth == 1 && reader.ValueTextEquals("msg"u8);
                if (!reader.Read()) return false;
                if (isMessage && reader.TokenType == JsonTokenType.String)
                {
                    length = reader.CopyString(buffer);
                    return true;
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A line that merely starts with '{' is searched as plain text; so is one whose msg is not valid UTF-8, which
            // the reader reports with an InvalidOperationException when the string is copied out.
        }

        return false;
    }
}
