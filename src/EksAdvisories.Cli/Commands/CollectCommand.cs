using System.CommandLine;
using EksAdvisories.Collection;

namespace EksAdvisories.Cli;

/// <summary>
/// <c>collect -o DIR</c>: writes the snapshot folder of the node this runs on, the same files in the same shapes as
/// samples/collect-node-snapshot.sh, read from IMDS, IPAMD's introspection endpoint, EC2 (the AWS SDK) and Kubernetes.
/// </summary>
internal static class CollectCommand
{
    /// <summary>Exit code when the folder was written but lacks a part the checker needs (check-node would say Unknown).</summary>
    public const int RequiredPartMissing = ExitCodes.Unknown;

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "The snapshot folder to write (created when missing).", Required = true };
        var cniVersion = new Option<string?>("--cni-version") { Description = "Record this VPC CNI version as cni-version.txt (it wins over the DaemonSet's image)." };
        var live = new LiveOptions();
        var command = new Command("collect", "Collect this node's snapshot folder (enis.json, imds.json, ec2-network-interfaces.json, …) for check-node. "
            + "Needs the IAM permissions ec2:DescribeNetworkInterfaces and ec2:DescribeInstanceTypes. Exit codes: 0 every required part written; "
            + $"{RequiredPartMissing} a required part could not be collected (the folder holds the rest); {ExitCodes.BadInput} bad usage or the folder cannot be written.")
        {
            output, cniVersion,
        };
        foreach (var option in live.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            var options = live.Read(result, result.GetValue(cniVersion));
            var folder = result.GetValue(output)!;
            var collected = LiveOptions.Collect(options);
            try
            {
                collected.WriteTo(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"--output: the folder '{folder}' could not be written: {e.Message}");
            }

            ErrorOutput.WriteLine(collected.FileNames.Count == 0 ? $"nothing could be collected; {folder} is empty" : $"snapshot written to {folder}: {string.Join(' ', collected.FileNames)}");
            return collected.HasRequiredParts ? ExitCodes.Fine : RequiredPartMissing;
        });
        return command;
    }
}
