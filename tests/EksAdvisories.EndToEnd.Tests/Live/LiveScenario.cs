using EksAdvisories.EndToEnd.Tests.Collectors;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// One example node, live: its EC2 side seeded into moto, its IMDS and introspection endpoint on a loopback server
/// answering with moto's ids, and its aws-node DaemonSet behind a loopback Kubernetes API; plus the environment and
/// arguments that point the tool, the AWS CLI and kubectl at them. Each part can be replaced by a failing one.
/// </summary>
internal sealed class LiveScenario : IAsyncDisposable
{
    private LiveScenario(string example, MotoNode node, string nodeSide, FakeNodeServer server, FakeKubernetesApi kubernetes, Dictionary<string, string?> environment, string logPath)
    {
        Example = example;
        Node = node;
        NodeSide = nodeSide;
        Server = server;
        Kubernetes = kubernetes;
        Environment = environment;
        LogPath = logPath;
    }

    /// <summary>The bundled example folder.</summary>
    public string Example { get; }

    public MotoNode Node { get; }

    /// <summary>The example's node-side files with moto's ids: what IMDS and introspection serve.</summary>
    public string NodeSide { get; }

    public FakeNodeServer Server { get; }

    public FakeKubernetesApi Kubernetes { get; }

    /// <summary>AWS (moto, test credentials) and Kubernetes (the kubeconfig) settings for child processes.</summary>
    public Dictionary<string, string?> Environment { get; }

    public string LogPath { get; }

    /// <summary>The example's CNI version override (cni-version.txt), or null.</summary>
    public string? CniVersion => File.Exists(Path.Combine(Example, "cni-version.txt")) ? File.ReadAllText(Path.Combine(Example, "cni-version.txt")).Trim() : null;

    /// <summary>The endpoint options for <c>collect</c> and <c>check-node --live</c>.</summary>
    public string[] Arguments(string? imdsUrl = null, string? ipamdUrl = null) =>
        ["--imds-url", imdsUrl ?? Server.Url, "--ipamd-url", ipamdUrl ?? Server.Url, "--log", LogPath, .. CniVersion is { } v ? new[] { "--cni-version", v } : []];

    public string Log() => "--- IMDS/introspection requests ---\n" + Server.Log() + "\n--- Kubernetes requests ---\n" + Kubernetes.Log();

    public static async Task<LiveScenario> StartAsync(
        MotoServer moto, string exampleName, TemporaryDirectory temp, bool refuseTokens = false, string? ec2Endpoint = null, string? kubernetesUrl = null)
    {
        var example = Collector.Example(exampleName);
        var node = await MotoNode.SeedAsync(moto, example, TestContext.Current.CancellationToken);
        var nodeSide = node.WriteNodeSide(example, temp.Combine("node"));
        // The region is IMDS's (placement/region), which the snapshot does not keep.
        var server = FakeNodeServer.Serve(nodeSide, refuseTokens, new Dictionary<string, string> { ["placement/region"] = MotoServer.Region });
        var kubernetes = new FakeKubernetesApi(Path.Combine(nodeSide, "aws-node-daemonset.json"));
        var environment = new Dictionary<string, string?>(moto.AwsEnvironment(ec2Endpoint))
        {
            ["KUBECONFIG"] = FakeKubernetesApi.WriteKubeconfig(temp.Path, kubernetesUrl ?? kubernetes.Url),
            ["KUBECACHEDIR"] = temp.Combine("kube-cache"),
            ["NODE_NAME"] = null,
        };
        var log = Path.Combine(nodeSide, "ipamd.log");
        return new LiveScenario(example, node, nodeSide, server, kubernetes, environment, File.Exists(log) ? log : temp.Combine("no-ipamd.log"));
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Kubernetes.DisposeAsync();
    }
}
