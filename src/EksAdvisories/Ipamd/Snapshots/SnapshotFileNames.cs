namespace EksAdvisories.Ipamd;

/// <summary>
/// The file names of the snapshot folder layout that <see cref="NodeSnapshot.Load"/> reads, for tools that write such a
/// folder (the collector of the <c>eks-advisories</c> tool writes it with these names).
/// </summary>
public static class SnapshotFileNames
{
    /// <summary>IPAMD's datastore, verbatim <c>GET /v1/enis</c>; required.</summary>
    public const string Enis = "enis.json";

    /// <summary>The IMDS keys the checker reads, as a JSON object of raw texts; required.</summary>
    public const string Imds = "imds.json";

    /// <summary>EC2's view of the node's ENIs, in the shape of <c>aws ec2 describe-network-interfaces --output json</c>; required.</summary>
    public const string Ec2NetworkInterfaces = "ec2-network-interfaces.json";

    /// <summary>The instance type's network limits, in the shape of <c>aws ec2 describe-instance-types --output json</c>.</summary>
    public const string InstanceType = "instance-type.json";

    /// <summary>IPAMD's settings, verbatim <c>GET /v1/ipamd-env-settings</c>.</summary>
    public const string IpamdEnvSettings = "ipamd-env-settings.json";

    /// <summary>The aws-node DaemonSet, as <c>kubectl get ds aws-node -n kube-system -o json</c> prints it.</summary>
    public const string AwsNodeDaemonSet = "aws-node-daemonset.json";

    /// <summary>A person's VPC CNI version override; written only when one is given.</summary>
    public const string CniVersion = "cni-version.txt";

    /// <summary>The last lines of the ipamd log.</summary>
    public const string IpamdLog = "ipamd.log";

    /// <summary>The parts without which the checker cannot run.</summary>
    public static IReadOnlyList<string> Required { get; } = [Enis, Imds, Ec2NetworkInterfaces];
}
