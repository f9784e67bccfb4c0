using System.Management.Automation;

namespace EksAdvisories.PowerShell.Commands;

/// <summary>
/// Builds the error records the cmdlets write, so that each kind of failure has one error id, one category and a
/// message that names the input, whichever cmdlet reports it.
/// </summary>
internal static class ErrorRecords
{
    /// <summary>An argument the command cannot use at all (null, empty, wrong kind of path).</summary>
    public static ErrorRecord InvalidArgument(string errorId, string message, object? target) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

    /// <summary>An advisory id that the catalog does not hold; <paramref name="message"/> lists the ids it does hold.</summary>
    public static ErrorRecord AdvisoryNotFound(string id, string message) =>
        new(new ItemNotFoundException(message), "AdvisoryNotFound", ErrorCategory.ObjectNotFound, id);

    /// <summary>A component that no advisory is about, such as another EKS add-on piped in from describe-addon.</summary>
    public static ErrorRecord NoAdvisoryForComponent(string component, string message) =>
        new(new ItemNotFoundException(message), "NoAdvisoryForComponent", ErrorCategory.ObjectNotFound, component);

    /// <summary>
    /// An output file the command refuses to write (it exists under <c>-NoClobber</c>, it is read-only) or cannot write;
    /// <paramref name="exception"/>'s message names the file, the target object is its resolved path.
    /// </summary>
    public static ErrorRecord OutputFileError(string errorId, ErrorCategory category, Exception exception, string path) =>
        new(exception, errorId, category, path);

    /// <summary>A snapshot folder that does not exist; the target object is its resolved path.</summary>
    public static ErrorRecord SnapshotNotFound(string path, string message) =>
        new(new ItemNotFoundException(message), "SnapshotNotFound", ErrorCategory.ObjectNotFound, path);

    /// <summary>
    /// A snapshot folder whose files cannot be read. The exception stays the library's, so that its FileName and JsonPath
    /// remain at hand; the displayed message adds the folder, because the library's names only the file within it.
    /// </summary>
    public static ErrorRecord SnapshotInvalid(Ipamd.SnapshotException exception, string path) =>
        new(exception, "SnapshotInvalid", ErrorCategory.InvalidData, path)
        {
            ErrorDetails = new ErrorDetails($"Snapshot '{path}': {exception.Message}")
            {
                RecommendedAction = "Fix or collect again the file named (samples/collect-node-snapshot.ps1 or .sh), then run the check again.",
            },
        };

    /// <summary>
    /// A snapshot folder whose check failed in a way the library does not foresee (an exception other than
    /// SnapshotException, running out of memory); the message names the folder and the failure, and the record is
    /// non-terminating so that the next folder is still checked.
    /// </summary>
    public static ErrorRecord CheckFailed(Exception exception, string path) =>
        new(exception, "SnapshotCheckFailed", ErrorCategory.NotSpecified, path)
        {
            ErrorDetails = new ErrorDetails($"Snapshot '{path}': the check failed: {exception.GetType().Name}: {exception.Message}")
            {
                RecommendedAction = "Report this with the snapshot folder; the other folders were checked.",
            },
        };

    /// <summary>A wildcard pattern PowerShell cannot read (an unclosed '['); the message says how to match the character itself.</summary>
    public static ErrorRecord InvalidWildcard(string pattern, WildcardPatternException exception) =>
        new(new ArgumentException($"'{pattern}' is not a valid wildcard pattern: {exception.Message} Escape a literal '[' as '`['.", exception),
            "InvalidWildcardPattern", ErrorCategory.InvalidArgument, pattern);

    /// <summary>A data file that cannot be opened or read; the library's message names the file and the place.</summary>
    public static ErrorRecord DataError(AdvisoryDataException exception, string path)
    {
        var missing = exception.InnerException is FileNotFoundException or DirectoryNotFoundException;
        return new ErrorRecord(
            exception,
            missing ? "DataFileNotFound" : "DataFileInvalid",
            missing ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidData,
            path);
    }

    /// <summary>A cluster document (describe-addon-versions output, the aws-node DaemonSet) that cannot be read; the library's message names the file, path and value.</summary>
    public static ErrorRecord ClusterDocumentInvalid(string errorId, ClusterDocumentException exception, string path) =>
        new(exception, errorId, exception.InnerException is FileNotFoundException or DirectoryNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidData, path);
}
