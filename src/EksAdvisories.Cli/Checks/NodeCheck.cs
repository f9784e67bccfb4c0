using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary>What one <c>check-node</c> run found: a report per snapshot folder it could read, a problem per folder it could not.</summary>
internal sealed record NodeCheck(IReadOnlyList<NodeResult> Nodes, FindingPolicy Policy)
{
    /// <summary>The run's exit code: 3 for any unreadable folder, else 1 for any finding, else 2 for any Unknown, else 0.</summary>
    public int ExitCode => Nodes.Aggregate(ExitCodes.Fine, (exit, node) =>
        ExitCodes.Combine(exit, node.Report is { } report ? Policy.ExitCode(report.Verdict) : ExitCodes.BadInput));
}

/// <summary>One snapshot folder: its report, or the problem that kept it from being checked (exactly one is set).</summary>
internal sealed record NodeResult(string Folder, ReconcileReport? Report, InputProblem? Problem);
