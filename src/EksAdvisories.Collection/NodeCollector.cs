using EksAdvisories.Ipamd;
using System.Text;

namespace EksAdvisories.Collection;

/// <summary>
/// Collects a node snapshot from its real sources: IMDS (IMDSv2 with a token, IMDSv1 without), IPAMD's introspection
/// endpoint, EC2 through the AWS SDK, the aws-node DaemonSet and the Kubernetes version through the Kubernetes API, and
/// the end of the ipamd log. A part that cannot be collected is recorded as a <see cref="CollectionProblem"/>; every
/// other part is still collected. Every request has a timeout (<see cref="NodeCollectionOptions.MaximumDuration"/> bounds
/// the whole). Only the IMDS keys the checker reads are requested: never credentials, identity documents or user data.
/// </summary>
public static class NodeCollector
{
    /// <summary>Collects the node's snapshot.</summary>
    /// <param name="options">Where to read from; null for <see cref="NodeCollectionOptions.Default"/>.</param>
    /// <param name="cancellation">Cancels the whole collection.</param>
    /// <returns>The collected parts and the problems with the others.</returns>
    /// <exception cref="ArgumentException">The options are not usable (<see cref="NodeCollectionOptions.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static async Task<CollectedSnapshot> CollectAsync(NodeCollectionOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= NodeCollectionOptions.Default;
        options.Validate();
        var problems = new List<CollectionProblem>();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        // IMDS and the introspection endpoint are on the node itself: never through an HTTP proxy set for the outside.
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = options.ImdsTimeout, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = 64 * 1024 * 1024 };

        var imds = await ImdsCollector.CollectAsync(http, options, problems, cancellation).ConfigureAwait(false);
        if (imds.ImdsJson is not null) files[SnapshotFileNames.Imds] = imds.ImdsJson;

        // The other sources do not depend on one another: read them side by side, each recording its own problems.
        var introspectionProblems = new List<CollectionProblem>();
        var ec2Problems = new List<CollectionProblem>();
        var kubernetesProblems = new List<CollectionProblem>();
        var logProblems = new List<CollectionProblem>();
        var introspection = IntrospectionCollector.CollectAsync(http, options, introspectionProblems, cancellation);
        var ec2 = Ec2Collector.CollectAsync(imds, options, ec2Problems, cancellation);
        var kubernetes = options.ReadKubernetes
            ? KubernetesCollector.CollectAsync(options, kubernetesProblems, cancellation)
            : Task.FromResult(new KubernetesFacts(null, null, null));
        var log = LogTail.CollectAsync(options, logProblems, cancellation);
        await Task.WhenAll(introspection, ec2, kubernetes, log).ConfigureAwait(false);

        var (enis, env) = await introspection.ConfigureAwait(false);
        var (interfaces, instanceType) = await ec2.ConfigureAwait(false);
        var k8s = await kubernetes.ConfigureAwait(false);
        Add(files, SnapshotFileNames.Enis, enis);
        Add(files, SnapshotFileNames.IpamdEnvSettings, env);
        Add(files, SnapshotFileNames.Ec2NetworkInterfaces, interfaces);
        Add(files, SnapshotFileNames.InstanceType, instanceType);
        Add(files, SnapshotFileNames.AwsNodeDaemonSet, k8s.DaemonSet);
        Add(files, SnapshotFileNames.IpamdLog, await log.ConfigureAwait(false));
        if (!string.IsNullOrWhiteSpace(options.CniVersion)) files[SnapshotFileNames.CniVersion] = Encoding.UTF8.GetBytes(options.CniVersion.Trim() + "\n");

        problems.AddRange(introspectionProblems);
        problems.AddRange(ec2Problems);
        problems.AddRange(kubernetesProblems);
        problems.AddRange(logProblems);
        return new CollectedSnapshot(files, problems, k8s.Version, k8s.VersionSource);
    }

    private static void Add(Dictionary<string, byte[]> files, string name, byte[]? bytes)
    {
        if (bytes is not null) files[name] = bytes;
    }
}
