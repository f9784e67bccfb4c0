using EksAdvisories.Ipamd;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;

namespace EksAdvisories.Collection;

/// <summary>
/// Reads the aws-node DaemonSet (for the CNI version and its env) and the cluster's Kubernetes version (the API
/// server's <c>/version</c>, else the kubelet version of the node named by <c>NODE_NAME</c>) through the Kubernetes
/// client, configured in-cluster or from <c>KUBECONFIG</c> / <c>~/.kube/config</c> as kubectl would be.
/// </summary>
internal static class KubernetesCollector
{
    /// <summary>The requests one collection makes at most (the DaemonSet, /version, the node); the worst case waits for each in turn.</summary>
    public const int RequestsPerCollection = 3;

    private const string Namespace = "kube-system";
    private const string DaemonSet = "aws-node";

    public static async Task<KubernetesFacts> CollectAsync(NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        const string DaemonSetSource = "Kubernetes API apps/v1 daemonsets kube-system/aws-node";
        KubernetesClientConfiguration config;
        try
        {
            config = KubernetesClientConfiguration.BuildDefaultConfig();
        }
        catch (KubeConfigException e)
        {
            problems.Add(new CollectionProblem(SnapshotFileNames.AwsNodeDaemonSet, DaemonSetSource, "no usable Kubernetes configuration: " + e.Message,
                "an in-cluster service account or a kubeconfig (KUBECONFIG, ~/.kube/config)", IsRequired: false));
            return new KubernetesFacts(null, null, null);
        }

        config.HttpClientTimeout = options.KubernetesTimeout;
        var capture = new RawBodyHandler($"/namespaces/{Namespace}/daemonsets/{DaemonSet}");
        using var client = new Kubernetes(config, capture);
        var where = " at " + config.Host;

        byte[]? daemonSet = null;
        var unreachable = false;
        try
        {
            using var deadline = Deadline(options, cancellation);
            _ = await client.AppsV1.ReadNamespacedDaemonSetAsync(DaemonSet, Namespace, cancellationToken: deadline.Token).ConfigureAwait(false);
            daemonSet = capture.Body;
        }
        catch (Exception e) when (IsFailure(e, cancellation))
        {
            unreachable = e is not HttpOperationException;
            problems.Add(new CollectionProblem(SnapshotFileNames.AwsNodeDaemonSet, DaemonSetSource + where, Describe(e, options, "DaemonSet aws-node in kube-system"),
                "RBAC get on daemonsets in kube-system and the API server reachable", IsRequired: false));
        }

        if (unreachable) return new KubernetesFacts(daemonSet, null, null);
        var (version, source) = await KubernetesVersionAsync(client, options, problems, cancellation).ConfigureAwait(false);
        return new KubernetesFacts(daemonSet, version, source);
    }

    private static async Task<(string? Version, string? Source)> KubernetesVersionAsync(
        Kubernetes client, NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        string detail;
        try
        {
            using var deadline = Deadline(options, cancellation);
            var info = await client.Version.GetCodeAsync(deadline.Token).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(info?.GitVersion)) return (info.GitVersion, "the API server's /version");
            detail = "/version gave no gitVersion";
        }
        catch (Exception e) when (IsFailure(e, cancellation))
        {
            detail = "/version: " + Describe(e, options, "version information");
        }

        // The kubelet's version is at most the control plane's; it still places the node's remedies in the right line.
        var node = Environment.GetEnvironmentVariable("NODE_NAME");
        if (!string.IsNullOrWhiteSpace(node))
        {
            try
            {
                using var deadline = Deadline(options, cancellation);
                var found = await client.CoreV1.ReadNodeAsync(node, cancellationToken: deadline.Token).ConfigureAwait(false);
                if (found?.Status?.NodeInfo?.KubeletVersion is { Length: > 0 } kubelet) return (kubelet, $"the kubelet version of node {node}");
                detail += $"; node {node} has no kubelet version";
            }
            catch (Exception e) when (IsFailure(e, cancellation))
            {
                detail += $"; node {node}: " + Describe(e, options, "node " + node);
            }
        }

        problems.Add(new CollectionProblem("Kubernetes version", "Kubernetes API /version", detail,
            "the API server's /version (open to every authenticated client) or NODE_NAME and RBAC get on nodes", IsRequired: false));
        return (null, null);
    }

    private static CancellationTokenSource Deadline(NodeCollectionOptions options, CancellationToken cancellation)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.KubernetesTimeout);
        return deadline;
    }

    private static bool IsFailure(Exception e, CancellationToken cancellation) =>
        e is HttpOperationException or HttpRequestException or KubeConfigException or IOException or System.Text.Json.JsonException
        || (e is OperationCanceledException && !cancellation.IsCancellationRequested);

    private static string Describe(Exception e, NodeCollectionOptions options, string what) => e switch
    {
        HttpOperationException { Response.StatusCode: HttpStatusCode.NotFound } => $"the API server has no {what} (HTTP 404)",
        HttpOperationException { Response.StatusCode: HttpStatusCode.Forbidden } => "the API server refused the read (HTTP 403 Forbidden)",
        HttpOperationException { Response.StatusCode: HttpStatusCode.Unauthorized } => "the API server did not accept the credentials (HTTP 401 Unauthorized)",
        HttpOperationException h => $"the API server answered HTTP {(int)h.Response.StatusCode}",
        OperationCanceledException => $"no answer within {options.KubernetesTimeout.TotalSeconds:0.#} s",
        System.Text.Json.JsonException j => $"the answer is not the {what}: " + j.Message,
        _ => "the API server could not be reached: " + (e.InnerException?.Message ?? e.Message),
    };
}

/// <summary>What Kubernetes told: the DaemonSet as served (or null) and the cluster's version with where it came from.</summary>
internal sealed record KubernetesFacts(byte[]? DaemonSet, string? Version, string? VersionSource);
