using System.Text.Json;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>
/// IMDS (v2 only: a token from <c>PUT /latest/api/token</c> is required on every read; or v1 only, refusing tokens as
/// IMDS does when the PUT comes from too many hops away) and the IPAMD introspection endpoint of one node, answered on
/// 127.0.0.1 from an example snapshot folder (<see cref="LoopbackHttpServer"/>). Keys outside the snapshot's imds.json
/// can be added (the region, which the snapshot does not hold); any other key is a 404, as on a node without it.
/// </summary>
internal sealed class FakeNodeServer : IAsyncDisposable
{
    public const string Token = "AQAEAFakeImdsSessionToken==";
    private const string TokenHeader = "x-aws-ec2-metadata-token";
    private const string TokenTtlHeader = "x-aws-ec2-metadata-token-ttl-seconds";
    private const string MetaData = "/latest/meta-data/";

    private readonly string snapshot;
    private readonly Dictionary<string, string> imds;
    private readonly bool refuseTokens;
    private readonly LoopbackHttpServer server;

    private FakeNodeServer(string snapshot, bool refuseTokens, IReadOnlyDictionary<string, string>? extraImds)
    {
        this.snapshot = snapshot;
        this.refuseTokens = refuseTokens;
        imds = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(snapshot, "imds.json")))
            ?? throw new InvalidOperationException("imds.json of " + snapshot + " is null");
        foreach (var (key, value) in extraImds ?? new Dictionary<string, string>()) imds[key] = value;
        server = new LoopbackHttpServer(Answer);
    }

    /// <summary>Base URL (no trailing slash) for both IMDS_URL and IPAMD_URL.</summary>
    public string Url => server.Url;

    /// <summary>Every request served, as "METHOD path -> status", for assertion messages.</summary>
    public IEnumerable<string> Requests => server.Requests;

    /// <summary>The paths asked for, in order.</summary>
    public IEnumerable<string> Paths => server.Paths;

    public static FakeNodeServer Serve(string snapshotFolder, bool refuseTokens = false, IReadOnlyDictionary<string, string>? extraImds = null) =>
        new(snapshotFolder, refuseTokens, extraImds);

    /// <summary>A loopback URL nothing listens on: the port was free a moment ago and is closed again.</summary>
    public static string UnreachableUrl() => LoopbackHttpServer.UnreachableUrl();

    public string Log() => server.Log();

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private LoopbackResponse Answer(LoopbackRequest request)
    {
        var (method, path, headers) = (request.Method, request.Path, request.Headers);
        if (path == "/latest/api/token")
        {
            if (refuseTokens) return LoopbackResponse.Text(403, "forbidden");
            return method == "PUT" && headers.ContainsKey(TokenTtlHeader)
                ? LoopbackResponse.Text(200, Token)
                : LoopbackResponse.Text(method == "PUT" ? 400 : 405, "token requests are PUT with a TTL header");
        }

        if (path.StartsWith(MetaData, StringComparison.Ordinal))
        {
            // IMDSv2 with HttpTokens=required: no token, no answer.
            if (method != "GET") return LoopbackResponse.Text(405, "method not allowed");
            if (!refuseTokens && (!headers.TryGetValue(TokenHeader, out var token) || token != Token)) return LoopbackResponse.Text(401, "unauthorized");
            return imds.TryGetValue(path[MetaData.Length..], out var value) ? LoopbackResponse.Text(200, value) : LoopbackResponse.Text(404, "not found");
        }

        var file = path switch
        {
            "/v1/enis" => "enis.json",
            "/v1/ipamd-env-settings" => "ipamd-env-settings.json",
            _ => null,
        };
        if (method == "GET" && file is not null && File.Exists(Path.Combine(snapshot, file)))
        {
            return new LoopbackResponse(200, "application/json", File.ReadAllBytes(Path.Combine(snapshot, file)));
        }

        return LoopbackResponse.Text(404, "404 page not found");
    }
}
