using EksAdvisories.Ipamd;
using System.Text;

namespace EksAdvisories.Collection;

/// <summary>
/// The last lines of the ipamd log, read as a stream (the log can be hundreds of MB) keeping only the last N lines and
/// at most 64 MiB of them, the limit the checker reads (as <c>tail -n N</c> does in the bash collector).
/// </summary>
internal static class LogTail
{
    private const long MaxBytes = 64L * 1024 * 1024;

    public static async Task<byte[]?> CollectAsync(NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        var path = options.IpamdLogPath;
        const string Needs = "read access to the ipamd log (root on the node, or the host's /var/log/aws-routed-eni mounted)";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.LogTimeout);
        try
        {
            var lines = new Queue<string>();
            long kept = 0;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            while (await reader.ReadLineAsync(deadline.Token).ConfigureAwait(false) is { } line)
            {
                lines.Enqueue(line);
                kept += line.Length + 1;
                while (lines.Count > options.LogLines || (kept > MaxBytes && lines.Count > 1))
                {
                    kept -= lines.Dequeue().Length + 1;
                }
            }

            var text = new StringBuilder();
            foreach (var line in lines) text.Append(line).Append('\n');
            return Encoding.UTF8.GetBytes(text.ToString());
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add(new CollectionProblem(SnapshotFileNames.IpamdLog, path, "the log file does not exist", Needs, IsRequired: false));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            problems.Add(new CollectionProblem(SnapshotFileNames.IpamdLog, path, "the log file could not be read: " + e.Message, Needs, IsRequired: false));
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            problems.Add(new CollectionProblem(SnapshotFileNames.IpamdLog, path, $"the log was not read within {options.LogTimeout.TotalSeconds:0.#} s", Needs, IsRequired: false));
        }

        return null;
    }
}
