using EksAdvisories.Collection;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary>
/// <c>check-node --live</c>: collects the node in memory (nothing is written) and checks it as a folder would be checked,
/// with the same formats and exit codes. <c>--cni-version</c> is recorded as the collected cni-version.txt, so the
/// answer is the one <c>collect</c> followed by <c>check-node DIR</c> gives. The cluster's Kubernetes version, when the
/// API server tells it, makes the advisory's action Kubernetes-aware unless <c>--kubernetes-version</c> was given.
/// </summary>
internal static class LiveCheck
{
    /// <summary>The name the live node goes by in reports (where a folder check names the folder).</summary>
    public const string NodeName = "live";

    public static int Run(NodeCollectionOptions collection, ReconcileCheckOptions requested, FindingPolicy policy, OutputFormat format)
    {
        var collected = LiveOptions.Collect(collection);
        var options = new ReconcileCheckOptions
        {
            Horizon = requested.Horizon,
            Advisory = requested.Advisory,
            KubernetesVersion = requested.KubernetesVersion ?? collected.KubernetesVersion,
        };
        if (requested.KubernetesVersion is null && collected.KubernetesVersion is not null)
        {
            ErrorOutput.WriteLine($"live: Kubernetes {collected.KubernetesVersion} (from {collected.KubernetesVersionSource})");
        }

        ReconcileReport report;
        try
        {
            if (!collected.HasRequiredParts)
            {
                var missing = string.Join(", ", collected.Problems.Where(p => p.IsRequired).Select(p => p.Part).Distinct());
                return Unknown(format, policy, $"the node cannot be checked without {missing}", $"could not collect {missing}; see standard error");
            }

            report = IpamdReconcileChecker.Check(collected.ToNodeSnapshot(), options);
        }
        catch (SnapshotException e)
        {
            return Unknown(format, policy, "a collected part cannot be read: " + e.Message, "a collected part cannot be read: " + e.Message);
        }

        var check = new NodeCheck([new NodeResult(NodeName, report, null)], policy);
        // One node and no folder to name: as text, the report alone, so its verdict is the first line (what
        // node-problem-detector keeps as the condition's message).
        StandardOutput.Write(format == OutputFormat.Text ? report.ToText() + Environment.NewLine : CheckOutput.Render(format, check));
        return check.ExitCode;
    }

    /// <summary>A node missing a part the checker needs: verdict Unknown (exit 2), not unreadable input.</summary>
    private static int Unknown(OutputFormat format, FindingPolicy policy, string message, string summary)
    {
        ErrorOutput.WriteLine("live: " + message + " (verdict Unknown)");
        StandardOutput.Write(format == OutputFormat.Text
            ? $"IPAMD reconcile check: Unknown ({summary}){Environment.NewLine}"
            : CheckOutput.Render(format, new NodeCheck([new NodeResult(NodeName, null, new InputProblem(NodeName, message))], policy)));
        return ExitCodes.Unknown;
    }
}
