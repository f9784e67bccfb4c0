using System.CommandLine;
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
        var kubernetes = KubernetesOption.Create("The cluster's Kubernetes version, for the advisory's action.");
        var horizon = new Option<int>("--horizon-minutes") { Description = "How far ahead the model simulates IPAMD.", DefaultValueFactory = _ => 10 };
        var format = new OutputFormatOption();
        var failOn = FindingPolicy.CreateOption();
        var live = new Option<bool>("--live") { Description = "Collect this node's snapshot in memory (IMDS, introspection, EC2, Kubernetes, the ipamd log) and check it, instead of folders." };
        var liveOptions = new LiveOptions();

        var command = new Command("check-node", "Tell from a node's snapshot whether IPAMD is stuck, one aws-node restart away from it, or fine. " + ExitCodes.Help)
        {
            folders, cniVersion, kubernetes, horizon, failOn, live,
        };
        format.AddTo(command);
        foreach (var option in liveOptions.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            var outputFormat = format.Resolve(result);
            var policy = FindingPolicy.Parse(result.GetValue(failOn)!);
            var minutes = result.GetValue(horizon);
            if (minutes is < 1 or > 1440) throw new InputException($"--horizon-minutes: {minutes} is out of range; expected 1 to 1440.");
            var options = new ReconcileCheckOptions
            {
                Horizon = TimeSpan.FromMinutes(minutes),
                CniVersionOverride = result.GetValue(cniVersion),
                KubernetesVersion = KubernetesOption.Validated(result, kubernetes),
            };
            if (result.GetValue(live))
            {
                if (result.GetValue(folders) is { Length: > 0 }) throw new InputException("check-node: --live checks the node this runs on; give no folders with it.");
                return LiveCheck.Run(liveOptions.Read(result, options.CniVersionOverride), options, policy, outputFormat);
            }

            if (liveOptions.AnyGiven(result)) throw new InputException("--imds-url, --ipamd-url, --log, --log-lines and --no-kubernetes go with --live.");
            if (result.GetValue(folders) is not { Length: > 0 }) throw new InputException("check-node: give the snapshots argument (one or more folders), or --live to check the node this runs on.");
            var check = Check(result.GetValue(folders)!, options, policy);
            StandardOutput.Write(CheckOutput.Render(outputFormat, check));
            return check.ExitCode;
        });
        return command;
    }

    /// <summary>Checks each folder; a folder that cannot be read is a problem of its own and never stops the others.</summary>
    public static NodeCheck Check(IReadOnlyList<string> folders, ReconcileCheckOptions options, FindingPolicy policy)
    {
        var nodes = new List<NodeResult>();
        foreach (var folder in folders)
        {
            try
            {
                nodes.Add(new NodeResult(folder, IpamdReconcileChecker.Check(NodeSnapshot.Load(folder), options), null));
            }
            catch (SnapshotException e)
            {
                // The library names the file (enis.json) but not the folder; with several folders, say which one.
                var problem = new InputProblem(folder, e.FileName == folder ? e.Message : $"{folder}: {e.Message}");
                ErrorOutput.WriteLine(problem.Message);
                nodes.Add(new NodeResult(folder, null, problem));
            }
        }

        return new NodeCheck(nodes, policy);
    }
}
