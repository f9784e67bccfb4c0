namespace EksAdvisories.Cli;

/// <summary>
/// Standard error, one line per message. A standard error that cannot be written (closed, full) is given up on silently:
/// the exit code still says what happened, and there is nowhere else to say it.
/// </summary>
internal static class ErrorOutput
{
    /// <summary>One line per message, so that a log collector or a CI annotation sees one event per problem.</summary>
    public static void WriteLine(string message) => Write(message.ReplaceLineEndings(" "));

    /// <summary>Several lines as they are: an exception's details, asked for with --verbose.</summary>
    public static void WriteDetails(string details) => Write(details);

    private static void Write(string text)
    {
        try
        {
            Console.Error.WriteLine(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // Nothing to do: see the summary.
        }
    }
}
