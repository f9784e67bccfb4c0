using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>
/// IMDS (v2 only: a token from <c>PUT /latest/api/token</c> is required on every read; or v1 only, refusing tokens as
/// IMDS does when the PUT comes from too many hops away) and the IPAMD introspection
/// endpoint of one node, answered on 127.0.0.1 from an example snapshot folder. A hand-written HTTP/1.1 server rather
/// than HttpListener: HttpListener answers 411 to a PUT without Content-Length, which is exactly what curl sends to
/// IMDS and what the real IMDS accepts.
/// </summary>
internal sealed class FakeNodeServer : IAsyncDisposable
{
    public const string Token = "AQAEAFakeImdsSessionToken==";
    private const string TokenHeader = "x-aws-ec2-metadata-token";
    private const string TokenTtlHeader = "x-aws-ec2-metadata-token-ttl-seconds";
    private const string MetaData = "/latest/meta-data/";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly string snapshot;
    private readonly Dictionary<string, string> imds;
    private readonly bool refuseTokens;
    private readonly Task acceptLoop;

    private FakeNodeServer(string snapshot, bool refuseTokens)
    {
        this.snapshot = snapshot;
        this.refuseTokens = refuseTokens;
        imds = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(snapshot, "imds.json")))
            ?? throw new InvalidOperationException("imds.json of " + snapshot + " is null");
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    /// <summary>Base URL (no trailing slash) for both IMDS_URL and IPAMD_URL.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Every request served, as "METHOD path -> status", for assertion messages.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static FakeNodeServer Serve(string snapshotFolder, bool refuseTokens = false) => new(snapshotFolder, refuseTokens);

    /// <summary>A loopback URL nothing listens on: the port was free a moment ago and is closed again.</summary>
    public static string UnreachableUrl()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}";
    }

    public string Log() => string.Join('\n', Requests);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            var stream = client.GetStream();
            // One request per connection (the response says Connection: close), which every HTTP client accepts.
            var request = await ReadRequestAsync(stream, timeout.Token);
            if (request is null) return;
            var (status, contentType, body) = Answer(request.Value.Method, request.Value.Path, request.Value.Headers);
            Requests.Enqueue($"{request.Value.Method} {request.Value.Path} -> {status}");
            var head = $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
            await stream.WriteAsync(body, timeout.Token);
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            Requests.Enqueue("connection failed: " + e.Message);
        }
    }

    private (int Status, string ContentType, byte[] Body) Answer(string method, string path, Dictionary<string, string> headers)
    {
        if (path == "/latest/api/token")
        {
            if (refuseTokens) return Text(403, "forbidden");
            return method == "PUT" && headers.ContainsKey(TokenTtlHeader) ? Text(200, Token) : Text(method == "PUT" ? 400 : 405, "token requests are PUT with a TTL header");
        }

        if (path.StartsWith(MetaData, StringComparison.Ordinal))
        {
            // IMDSv2 with HttpTokens=required: no token, no answer.
            if (method != "GET") return Text(405, "method not allowed");
            if (!refuseTokens && (!headers.TryGetValue(TokenHeader, out var token) || token != Token)) return Text(401, "unauthorized");
            return imds.TryGetValue(path[MetaData.Length..], out var value) ? Text(200, value) : Text(404, "not found");
        }

        var file = path switch
        {
            "/v1/enis" => "enis.json",
            "/v1/ipamd-env-settings" => "ipamd-env-settings.json",
            _ => null,
        };
        if (method == "GET" && file is not null && File.Exists(Path.Combine(snapshot, file)))
        {
            return (200, "application/json", File.ReadAllBytes(Path.Combine(snapshot, file)));
        }

        return Text(404, "404 page not found");
    }

    private static (int, string, byte[]) Text(int status, string text) => (status, "text/plain", Encoding.UTF8.GetBytes(text));

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Status",
    };

    private static async Task<(string Method, string Path, Dictionary<string, string> Headers)?> ReadRequestAsync(Stream stream, CancellationToken cancellation)
    {
        // Headers byte by byte up to the blank line, so no byte of a body is read by mistake; requests here are tiny.
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, cancellation) == 0) return null;
            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n') break;
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length < 2) return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        // Drain a body so that closing the socket sends FIN, not a reset that could eat the response.
        if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, out var remaining))
        {
            var buffer = new byte[Math.Min(Math.Max(remaining, 1), 8192)];
            while (remaining > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), cancellation);
                if (read == 0) break;
                remaining -= read;
            }
        }

        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return (requestLine[0], query < 0 ? target : target[..query], headers);
    }
}
