using System.Buffers;

namespace EksAdvisories.Ipamd;

/// <summary>Reads a snapshot file or stream into memory under the size limit, turning every I/O failure into a <see cref="SnapshotException"/>.</summary>
internal static class SnapshotInput
{
    public static byte[] ReadFile(string path, string fileName)
    {
        try
        {
            var info = new FileInfo(path);
            // Checked before reading so that a huge (or sparse) file costs nothing.
            if (info.Exists && info.Length > SnapshotFiles.MaxFileBytes) throw TooLarge(fileName, info.Length);
            using var stream = File.OpenRead(path);
            return ReadStream(stream, fileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SnapshotException(fileName, null, $"the file '{path}' could not be read: {e.Message}", e);
        }
    }

    public static byte[] ReadStream(Stream stream, string fileName)
    {
        try
        {
            // A stream that knows its length (a file, a MemoryStream) is read straight into an array of that size; the
            // chunked copy below would cost a large buffer and a growing copy per file, many times the file itself.
            if (stream.CanSeek)
            {
                var remaining = stream.Length - stream.Position;
                if (remaining > SnapshotFiles.MaxFileBytes) throw TooLarge(fileName, remaining);
                var exact = new byte[remaining];
                var filled = 0;
                int got;
                while (filled < exact.Length && (got = stream.Read(exact, filled, exact.Length - filled)) > 0) filled += got;
                if (filled < exact.Length) return exact[..filled];
                var next = stream.ReadByte();
                if (next < 0) return exact;

                // The stream grew while it was read (a file still being written): go on the chunked way from here.
                using var grown = new MemoryStream();
                grown.Write(exact);
                grown.WriteByte((byte)next);
                return ReadChunked(stream, fileName, grown);
            }

            using var buffer = new MemoryStream();
            return ReadChunked(stream, fileName, buffer);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            throw new SnapshotException(fileName, null, $"the data could not be read: {e.Message}", e);
        }
    }

    /// <summary>Reads the rest of a stream of unknown length into <paramref name="buffer"/>, refusing it once it passes the limit.</summary>
    private static byte[] ReadChunked(Stream stream, string fileName, MemoryStream buffer)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > SnapshotFiles.MaxFileBytes) throw TooLarge(fileName, null);
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    public static SnapshotException TooLarge(string fileName, long? length) =>
        new(fileName, null, (length is { } l ? $"the file is {l} bytes, " : "the file is ")
            + $"over the limit of {SnapshotFiles.MaxFileBytes / (1024 * 1024)} MiB; expected a snapshot file of at most a few megabytes (trim a long ipamd.log with 'tail -c').");
}
