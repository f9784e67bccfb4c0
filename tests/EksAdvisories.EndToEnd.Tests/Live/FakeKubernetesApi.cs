using System.Text;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// The Kubernetes API paths the live collection and kubectl ask for, on 127.0.0.1: <c>/version</c>, discovery
/// (<c>/api</c>, <c>/apis</c>, <c>/api/v1</c>, <c>/apis/apps/v1</c>, where kubectl learns that <c>ds</c> means
/// daemonsets), and the aws-node DaemonSet (a NotFound Status when the example has none). Writes a kubeconfig for it.
/// </summary>
internal sealed class FakeKubernetesApi : IAsyncDisposable
{
    public const string GitVersion = "v1.29.3-eks-5e0fdde";
    private const string DaemonSetPath = "/apis/apps/v1/namespaces/kube-system/daemonsets/aws-node";
    private readonly string? daemonSetJson;
    private readonly LoopbackHttpServer server;

    public FakeKubernetesApi(string? daemonSetFile)
    {
        daemonSetJson = daemonSetFile is not null && File.Exists(daemonSetFile) ? File.ReadAllText(daemonSetFile) : null;
        server = new LoopbackHttpServer(Answer);
    }

    public string Url => server.Url;

    public string Log() => server.Log();

    /// <summary>Writes a kubeconfig whose only context points at <paramref name="serverUrl"/> (this server, or an unreachable one).</summary>
    public static string WriteKubeconfig(string folder, string serverUrl)
    {
        var path = Path.Combine(folder, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {serverUrl}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
            current-context: fake
            users:
            - name: fake
              user:
                token: fake-token
            """.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private LoopbackResponse Answer(LoopbackRequest request)
    {
        if (request.Method != "GET") return NotFound(request.Path);
        return request.Path switch
        {
            // The Kubernetes client asks /version/, kubectl /version.
            "/version" or "/version/" => LoopbackResponse.Json(200, $$"""{"major":"1","minor":"29+","gitVersion":"{{GitVersion}}","gitCommit":"0000000","gitTreeState":"clean","buildDate":"2026-01-01T00:00:00Z","goVersion":"go1.22.0","compiler":"gc","platform":"linux/amd64"}"""),
            "/api" => LoopbackResponse.Json(200, """{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}"""),
            "/apis" => LoopbackResponse.Json(200, """{"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}]}"""),
            "/api/v1" => LoopbackResponse.Json(200, """{"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"nodes","singularName":"node","namespaced":false,"kind":"Node","verbs":["get","list"],"shortNames":["no"]}]}"""),
            "/apis/apps/v1" => LoopbackResponse.Json(200, """{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"apps/v1","resources":[{"name":"daemonsets","singularName":"daemonset","namespaced":true,"kind":"DaemonSet","verbs":["get","list"],"shortNames":["ds"]}]}"""),
            DaemonSetPath when daemonSetJson is not null => new LoopbackResponse(200, "application/json", Encoding.UTF8.GetBytes(daemonSetJson)),
            _ => NotFound(request.Path),
        };
    }

    private static LoopbackResponse NotFound(string path) =>
        LoopbackResponse.Json(404, path == DaemonSetPath
            ? """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"daemonsets.apps \"aws-node\" not found","reason":"NotFound","details":{"name":"aws-node","group":"apps","kind":"daemonsets"},"code":404}"""
            : """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}""");
}
