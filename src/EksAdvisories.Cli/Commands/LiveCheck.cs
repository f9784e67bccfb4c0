using EksAdvisories.Collection;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary>
/// <c>check-node --live</c>: collects the node in memory (nothing is written) and checks it as a folder would be checked.
/// The cluster's Kubernetes version, when the API server tells it, makes the advisory's action Kubernetes-aware unless
/// <c>--kubernetes-version</c> was given.
/// </summary>
internal static class LiveCheck
{
    /// <summary>The report, or null with the exit code and the reason when the node could not be checked.</summary>
    public static (ReconcileReport? Report, int ExitCode, string? UnknownReason) Run(NodeCollectionOptions collection, ReconcileCheckOptions options)
    {
        var collected = LiveOptions.Collect(collection);
        if (!collected.HasRequiredParts)
        {
            var missing = string.Join(", ", collected.Problems.Where(p => p.IsRequired).Select(p => p.Part).Distinct());
            Console.Error.WriteLine($"live: the node cannot be checked without {missing} (verdict Unknown)");
            return (null, ExitCodes.BadInput, $"could not collect {missing}; see standard error");
        }

        if (options.KubernetesVersion is null && collected.KubernetesVersion is not null)
        {
            Console.Error.WriteLine($"live: Kubernetes {collected.KubernetesVersion} (from {collected.KubernetesVersionSource})");
            options = new ReconcileCheckOptions { Horizon = options.Horizon, CniVersionOverride = options.CniVersionOverride, KubernetesVersion = collected.KubernetesVersion };
        }

        try
        {
            return (IpamdReconcileChecker.Check(collected.ToNodeSnapshot(), options), ExitCodes.Fine, null);
        }
        catch (SnapshotException e)
        {
            Console.Error.WriteLine("live: " + e.Message);
            return (null, ExitCodes.BadInput, "a collected part cannot be read: " + e.Message);
        }
    }
}
