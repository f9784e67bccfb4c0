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
            Arity = ArgumentArity.OneOrMore,
        };
        OptionLikeTokens.Reject(folders, "check-node");
        var cniVersion = new Option<string?>("--cni-version") { Description = "The VPC CNI version, when the snapshot does not say (wins over cni-version.txt and the DaemonSet)." };
        var kubernetes = new Option<string?>("--k8s", "--kubernetes-version") { Description = "The cluster's Kubernetes version, for the advisory's action." };
        var horizon = new Option<int>("--horizon-minutes") { Description = "How far ahead the model simulates IPAMD.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Write the reports as JSON." };

        var command = new Command("check-node", "Tell from a node's snapshot whether IPAMD is stuck, one aws-node restart away from it, or fine.")
        {
            folders, cniVersion, kubernetes, horizon, json,
        };
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
            return Run(result.GetValue(folders)!, options, result.GetValue(json), Console.Out);
        });
        return command;
    }

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

            var code = report.Verdict switch
            {
                ReconcileVerdict.Stuck or ReconcileVerdict.AtRisk => ExitCodes.AffectedOrStuck,
                ReconcileVerdict.Unknown => ExitCodes.BadInput,
                _ => ExitCodes.Fine,
            };
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
