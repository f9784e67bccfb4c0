using System.Text.Json;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>
/// Stand-ins for the <c>aws</c> and <c>kubectl</c> executables: shell scripts (shebang and exec bit, so both bash and
/// PowerShell's <c>&amp;</c> run them) that print a snapshot's files for exactly the sub-commands the collectors run
/// and fail, as the real tools would, for anything else.
/// </summary>
internal sealed class FakeAwsTools
{
    private FakeAwsTools(string aws, string kubectl)
    {
        Aws = aws;
        Kubectl = kubectl;
    }

    public string Aws { get; }

    public string Kubectl { get; }

    public static FakeAwsTools Write(string snapshot, string folder)
    {
        using var imds = JsonDocument.Parse(File.ReadAllText(Path.Combine(snapshot, "imds.json")));
        var instanceId = imds.RootElement.GetProperty("instance-id").GetString();
        var instanceType = imds.RootElement.GetProperty("instance-type").GetString();

        var aws = Path.Combine(folder, "aws");
        File.WriteAllText(aws, $"""
            #!/bin/sh
            # Fake aws CLI: answers the EC2 reads the collectors make for this node, from the snapshot.
            if [ "$*" = "ec2 describe-network-interfaces --filters Name=attachment.instance-id,Values={instanceId} --output json" ]; then
              exec cat {Quote(Path.Combine(snapshot, "ec2-network-interfaces.json"))}
            fi
            if [ "$*" = "ec2 describe-instance-types --instance-types {instanceType} --output json" ] && [ -f {Quote(Path.Combine(snapshot, "instance-type.json"))} ]; then
              exec cat {Quote(Path.Combine(snapshot, "instance-type.json"))}
            fi
            echo "fake aws: unexpected arguments: $*" >&2
            exit 254
            """.ReplaceLineEndings("\n") + "\n");

        var kubectl = Path.Combine(folder, "kubectl");
        File.WriteAllText(kubectl, $"""
            #!/bin/sh
            # Fake kubectl: the aws-node DaemonSet of this node's cluster, from the snapshot when it has one.
            if [ "$*" = "get ds aws-node -n kube-system -o json" ] && [ -f {Quote(Path.Combine(snapshot, "aws-node-daemonset.json"))} ]; then
              exec cat {Quote(Path.Combine(snapshot, "aws-node-daemonset.json"))}
            fi
            echo "Error from server (NotFound): fake kubectl has nothing for: $*" >&2
            exit 1
            """.ReplaceLineEndings("\n") + "\n");

        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(aws, Executable);
            File.SetUnixFileMode(kubectl, Executable);
        }

        return new FakeAwsTools(aws, kubectl);
    }

    // Single quotes keep a path literal in sh; a quote inside is closed, escaped and reopened.
    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
