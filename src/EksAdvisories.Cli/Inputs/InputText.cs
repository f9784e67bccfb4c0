using System.Buffers;
using System.Text;

namespace EksAdvisories.Cli;

/// <summary>
/// Reads a file or standard input as text, the same way for both: at most <see cref="MaxBytes"/> read in chunks (a file's
/// size is checked before a byte is read, a stream is refused as soon as it passes the limit, so a 1.2 GB file costs
/// nothing), the encoding taken from its byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) or, without one, UTF-16 told
/// apart from UTF-8 by its zero bytes, and decoded strictly: invalid bytes are an error, never replacement characters.
/// </summary>
internal static class InputText
{
    /// <summary>The largest input read: 64 MiB, the limit of every input file and stream of the project.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>Reads the file at <paramref name="path"/>; throws <see cref="InputException"/> saying why it cannot.</summary>
    public static string ReadFile(string path)
    {
        if (Directory.Exists(path)) throw new InputException($"{path}: this is a directory, not a file.");
        if (!File.Exists(path)) throw new InputException($"{path}: the file does not exist.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            // Regular files say their size up front; devices and pipes (/dev/zero, <(...)) say 0 and are read to the limit.
            if (stream.CanSeek && stream.Length > MaxBytes) throw TooLarge(path, stream.Length);
            return Decode(ReadBounded(stream, path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"{path}: the file cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end as text named <paramref name="source"/> in messages.</summary>
    public static string ReadStream(Stream stream, string source)
    {
        try
        {
            return Decode(ReadBounded(stream, source), source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            throw new InputException($"{source}: cannot be read: {e.Message}", e);
        }
    }

    private static byte[] ReadBounded(Stream stream, string source)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxBytes) throw TooLarge(source, null);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes <paramref name="bytes"/> after the encoding they announce (a byte-order mark) or show (zero bytes).</summary>
    public static string Decode(byte[] bytes, string source)
    {
        var (encoding, skip, name) = Detect(bytes);
        if (encoding is null) throw new InputException($"{source}: holds binary data (a zero byte at offset {Array.IndexOf(bytes, (byte)0)}); expected text or JSON.");
        try
        {
            return encoding.GetString(bytes, skip, bytes.Length - skip);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException($"{source}: is not valid {name} (at byte {skip + Math.Max(e.Index, 0)}); save it as UTF-8.", e);
        }
    }

    private static (Encoding? Encoding, int Skip, string Name) Detect(byte[] b)
    {
        if (b is [0xEF, 0xBB, 0xBF, ..]) return (new UTF8Encoding(false, true), 3, "UTF-8");
        if (b is [0xFF, 0xFE, 0x00, 0x00, ..]) return (new UTF32Encoding(false, false, true), 4, "UTF-32");
        if (b is [0x00, 0x00, 0xFE, 0xFF, ..]) return (new UTF32Encoding(true, false, true), 4, "UTF-32");
        if (b is [0xFF, 0xFE, ..]) return (new UnicodeEncoding(false, false, true), 2, "UTF-16");
        if (b is [0xFE, 0xFF, ..]) return (new UnicodeEncoding(true, false, true), 2, "UTF-16");
        if (Array.IndexOf(b, (byte)0) < 0) return (new UTF8Encoding(false, true), 0, "UTF-8");

        // No mark but zero bytes: UTF-16 text of ASCII characters has a zero in every other byte (after each character
        // in little-endian, before it in big-endian). Anything else with zero bytes is not text.
        if (b.Length % 2 == 0 && b.Length >= 2)
        {
            if (b[0] != 0 && b[1] == 0) return (new UnicodeEncoding(false, false, true), 0, "UTF-16");
            if (b[0] == 0 && b[1] != 0) return (new UnicodeEncoding(true, false, true), 0, "UTF-16");
        }

        return (null, 0, "binary");
    }

    private static InputException TooLarge(string source, long? length) =>
        new((length is { } l ? $"{source}: is {l} bytes, " : $"{source}: is ") + $"over the limit of {MaxBytes / (1024 * 1024)} MiB; expected versions or a describe-addon or DaemonSet document.");
}
