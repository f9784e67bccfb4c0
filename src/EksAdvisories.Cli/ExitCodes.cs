namespace EksAdvisories.Cli;

/// <summary>
/// The process exit codes, the same for every command, so scripts and CI gates can branch on them. 0, 1 and 2 are the
/// node-problem-detector custom-plugin convention (OK, NonOK, Unknown), so a check-node run can be such a plugin as is.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Nothing found: not affected, in sync, drifted but recovering, or not applicable.</summary>
    public const int Fine = 0;

    /// <summary>A finding (by default an affected version, or a stuck or at-risk node; see <c>--fail-on</c>).</summary>
    public const int Finding = 1;

    /// <summary>An input was read but cannot be judged (verdict Unknown), and nothing else was found.</summary>
    public const int Unknown = 2;

    /// <summary>A usage error, or an input that could not be read (missing, unreadable, malformed, too large).</summary>
    public const int BadInput = 3;

    /// <summary>The output could not be written (a full disk, a closed standard output), or the tool failed unexpectedly.</summary>
    public const int Failure = 4;

    /// <summary>The exit codes as <c>--help</c> shows them.</summary>
    public const string Help =
        "Exit codes: 0 nothing found; 1 a finding (see --fail-on); 2 cannot be judged (Unknown); 3 usage error or unreadable input; "
        + "4 the output could not be written. With several inputs: 3 if any input could not be read, else 1 if any finding, else 2 if any Unknown, else 0.";

    /// <summary>
    /// The exit code of several inputs: the first that applies wins, unreadable input over a finding over Unknown over
    /// nothing found, so a gate never passes because one bad input was skipped.
    /// </summary>
    public static int Combine(int current, int next) => Rank(next) > Rank(current) ? next : current;

    private static int Rank(int code) => code switch
    {
        Failure => 4,
        BadInput => 3,
        Finding => 2,
        Unknown => 1,
        _ => 0,
    };
}
