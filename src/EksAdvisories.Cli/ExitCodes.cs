namespace EksAdvisories.Cli;

/// <summary>The process exit codes, the same for every command, so scripts can branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing affected, no node stuck or at risk.</summary>
    public const int Fine = 0;

    /// <summary>A version is affected, or a node is stuck or at risk.</summary>
    public const int AffectedOrStuck = 1;

    /// <summary>The input could not be read or judged (bad arguments, unreadable file or version, unknown verdict).</summary>
    public const int BadInput = 2;
}
