using System.Text;

namespace EksAdvisories.Cli;

/// <summary>
/// Writes a command's whole output to standard output in one go, as UTF-8 without a byte-order mark, and turns a write
/// failure (ENOSPC on /dev/full, EBADF on a closed descriptor) into an <see cref="OutputException"/>. Output is built
/// first and written last, so a failure never leaves half a JSON document and a stack trace.
/// </summary>
internal static class StandardOutput
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Write(string text)
    {
        try
        {
            using var stdout = Console.OpenStandardOutput();
            var bytes = Utf8.GetBytes(text);
            stdout.Write(bytes, 0, bytes.Length);
            stdout.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new OutputException($"cannot write to standard output: {(e.InnerException ?? e).Message}", e);
        }
    }
}
