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
            if (stream.CanSeek && stream.Length - stream.Position > SnapshotFiles.MaxFileBytes) throw TooLarge(fileName, stream.Length - stream.Position);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > SnapshotFiles.MaxFileBytes) throw TooLarge(fileName, null);
                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            throw new SnapshotException(fileName, null, $"the data could not be read: {e.Message}", e);
        }
    }

    public static SnapshotException TooLarge(string fileName, long? length) =>
        new(fileName, null, (length is { } l ? $"the file is {l} bytes, " : "the file is ")
            + $"over the limit of {SnapshotFiles.MaxFileBytes / (1024 * 1024)} MiB; expected a snapshot file of at most a few megabytes (trim a long ipamd.log with 'tail -c').");
}
