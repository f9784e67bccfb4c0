namespace EksAdvisories.Cli;

/// <summary>
/// What one <c>check-version</c> run found: a verdict per input and advisory, the inputs it could not read, and (with
/// <c>--addon-versions</c>) which offered add-on build to install.
/// </summary>
internal sealed record VersionCheck(
    string DataVersion, IReadOnlyList<JudgedVersion> Verdicts, IReadOnlyList<InputProblem> Problems, FindingPolicy Policy, AddonBuildChoice? AddonBuild = null)
{
    /// <summary>
    /// The run's exit code: 3 for any unreadable input, else 1 for any finding, else 2 for any Unknown, else 0. Offered
    /// builds none of which clears every advisory count as an Affected finding.
    /// </summary>
    public int ExitCode
    {
        get
        {
            var exit = Verdicts.Aggregate(Problems.Count > 0 ? ExitCodes.BadInput : ExitCodes.Fine, (exit, v) => ExitCodes.Combine(exit, Policy.ExitCode(v.Verdict.Status)));
            return AddonBuild is { LowestClear: null } ? ExitCodes.Combine(exit, Policy.ExitCode(AffectedStatus.Affected)) : exit;
        }
    }
}

/// <summary>One verdict, with where its input came from (<c>argument</c>, <c>standard input</c>, or the file's path).</summary>
internal sealed record JudgedVersion(string Source, AdvisoryVerdict Verdict);

/// <summary>An input that could not be read or used: the file, folder or stream, and what was wrong with it.</summary>
internal sealed record InputProblem(string Input, string Message);
