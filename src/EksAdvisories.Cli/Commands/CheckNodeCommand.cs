using System.CommandLine;
using System.Text;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary><c>check-node</c>: runs the reference IPAMD reconcile checker on snapshot folders.</summary>
internal static class CheckNodeCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("snapshots")
        {
            Description = "Snapshot folders (enis.json, imds.json, ec2-network-interfaces.json, optional instance-type.json, aws-node-daemonset.json, cni-version.txt, ipamd.log).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        OptionLikeTokens.Reject(folders, "check-node");
        var cniVersion = new Option<string?>("--cni-version") { Description = "The VPC CNI version, when the snapshot does not say (wins over cni-version.txt and the DaemonSet)." };
        var kubernetes = new Option<string?>("--k8s", "--kubernetes-version") { Description = "The cluster's Kubernetes version, for the advisory's action." };
        var horizon = new Option<int>("--horizon-minutes") { Description = "How far ahead the model simulates IPAMD.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Write the reports as JSON." };
        var live = new Option<bool>("--live") { Description = "Collect this node's snapshot in memory (IMDS, introspection, EC2, Kubernetes, the ipamd log) and check it, instead of folders." };
        var liveOptions = new LiveOptions();

        var command = new Command("check-node", "Tell from a node's snapshot whether IPAMD is stuck, one aws-node restart away from it, or fine.")
        {
            folders, cniVersion, kubernetes, horizon, json, live,
        };
        foreach (var option in liveOptions.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            var minutes = result.GetValue(horizon);
            if (minutes is < 1 or > 1440) throw new InputException($"--horizon-minutes: {minutes} is out of range; expected 1 to 1440.");
            var options = new ReconcileCheckOptions
            {
                Horizon = TimeSpan.FromMinutes(minutes),
                CniVersionOverride = result.GetValue(cniVersion),
                KubernetesVersion = result.GetValue(kubernetes),
            };
            // Live, --cni-version is recorded as the collected cni-version.txt, so `check-node --live` says what
            // `collect` followed by `check-node DIR` says.
            if (result.GetValue(live))
            {
                return RunLive(result.GetValue(folders)!, liveOptions.Read(result, options.CniVersionOverride),
                    new ReconcileCheckOptions { Horizon = options.Horizon, KubernetesVersion = options.KubernetesVersion }, result.GetValue(json), Console.Out);
            }

            if (liveOptions.AnyGiven(result)) throw new InputException("--imds-url, --ipamd-url, --log, --log-lines and --no-kubernetes go with --live.");
            if (result.GetValue(folders) is not { Length: > 0 } given) throw new InputException("check-node: give the snapshots argument (one or more folders), or --live to check the node this runs on.");
            return Run(given, options, result.GetValue(json), Console.Out);
        });
        return command;
    }

    private static int RunLive(string[] folders, EksAdvisories.Collection.NodeCollectionOptions collection, ReconcileCheckOptions options, bool json, TextWriter output)
    {
        if (folders.Length > 0) throw new InputException("check-node: --live checks the node this runs on; give no folders with it.");
        var (report, exit, unknownReason) = LiveCheck.Run(collection, options);
        if (report is null)
        {
            // node-problem-detector takes the plugin's standard output as the condition's message.
            if (!json) output.WriteLine("IPAMD reconcile check: Unknown (" + unknownReason + ")");
            return exit;
        }

        // One node, no folder name to head it: the verdict line comes first.
        output.WriteLine(json ? "[\n" + report.ToJson() + "\n]" : report.ToText());
        return VerdictExitCode(report.Verdict);
    }

    private static int VerdictExitCode(ReconcileVerdict verdict) => verdict switch
    {
        ReconcileVerdict.Stuck or ReconcileVerdict.AtRisk => ExitCodes.AffectedOrStuck,
        ReconcileVerdict.Unknown => ExitCodes.BadInput,
        _ => ExitCodes.Fine,
    };

    /// <summary>Checks each folder and writes its report; the exit code is the worst over all folders.</summary>
    public static int Run(IReadOnlyList<string> folders, ReconcileCheckOptions options, bool json, TextWriter output)
    {
        var exit = ExitCodes.Fine;
        var reports = new List<string>();
        foreach (var folder in folders)
        {
            ReconcileReport report;
            try
            {
                report = IpamdReconcileChecker.Check(NodeSnapshot.Load(folder), options);
            }
            catch (SnapshotException e)
            {
                // The library names the file (enis.json) but not the folder; with several folders, say which one.
                Console.Error.WriteLine(e.FileName == folder ? e.Message : $"{folder}: {e.Message}");
                exit = Math.Max(exit, ExitCodes.BadInput);
                continue;
            }

            var code = VerdictExitCode(report.Verdict);
            // Stuck and at-risk nodes outrank unknown ones: they are the ones to act on first.
            exit = exit == ExitCodes.AffectedOrStuck || code == ExitCodes.AffectedOrStuck ? ExitCodes.AffectedOrStuck : Math.Max(exit, code);
            if (json)
            {
                reports.Add(report.ToJson());
            }
            else
            {
                output.WriteLine($"== {folder}");
                output.WriteLine(report.ToText());
            }
        }

        if (json)
        {
            var all = new StringBuilder("[");
            for (var i = 0; i < reports.Count; i++) all.Append(i == 0 ? "\n" : ",\n").Append(reports[i]);
            output.WriteLine(all.Append("\n]").ToString());
        }

        return exit;
    }
}
