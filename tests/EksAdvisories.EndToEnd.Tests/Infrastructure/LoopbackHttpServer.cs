using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EksAdvisories.EndToEnd.Tests.Infrastructure;

/// <summary>One HTTP request as a <see cref="LoopbackHttpServer"/> handler sees it.</summary>
internal sealed record LoopbackRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>The answer a handler gives: status, content type, body, and extra headers.</summary>
internal sealed record LoopbackResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static LoopbackResponse Text(int status, string text) => new(status, "text/plain", Encoding.UTF8.GetBytes(text));

    public static LoopbackResponse Json(int status, string json) => new(status, "application/json", Encoding.UTF8.GetBytes(json));
}

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 and a port the OS picks, one request per connection (the answer says
/// Connection: close, which every client accepts). Hand-written rather than HttpListener: HttpListener answers 411 to a
/// PUT without Content-Length, which is exactly what curl sends to IMDS and what the real IMDS accepts. Every
/// connection is bounded in time; the accept loop ends on dispose.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(20);
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> handler;
    private readonly Task acceptLoop;

    public LoopbackHttpServer(Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> handler)
    {
        this.handler = handler;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> handler) : this((request, _) => Task.FromResult(handler(request)))
    {
    }

    /// <summary>Base URL, no trailing slash.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Every request served, as "METHOD path -> status", for assertion messages.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The paths asked for, in order.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    public string Log() => string.Join('\n', Requests);

    /// <summary>A loopback URL nothing listens on: the port was free a moment ago and is closed again.</summary>
    public static string UnreachableUrl() => $"http://127.0.0.1:{FreePort()}";

    /// <summary>A loopback port that was free a moment ago (for servers started by another process).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

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
        timeout.CancelAfter(ConnectionTimeout);
        try
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream, timeout.Token);
            if (request is null) return;
            Paths.Enqueue(request.Path);
            LoopbackResponse response;
            try
            {
                response = await handler(request, timeout.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                response = LoopbackResponse.Text(500, "test server handler failed: " + e.Message);
            }

            Requests.Enqueue($"{request.Method} {request.Path} -> {response.Status}");
            var head = new StringBuilder($"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\nContent-Type: {response.ContentType}\r\nContent-Length: {response.Body.Length}\r\nConnection: close\r\n");
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>()) head.Append(name).Append(": ").Append(value).Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), timeout.Token);
            await stream.WriteAsync(response.Body, timeout.Token);
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            Requests.Enqueue("connection failed: " + e.Message);
        }
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        _ => "Status",
    };

    private static async Task<LoopbackRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellation)
    {
        // Headers byte by byte up to the blank line, so no byte of a body is read by mistake; requests here are small.
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

        // Read the body (also so that closing the socket sends FIN, not a reset that could eat the response).
        var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, out var remaining) && remaining <= 16 * 1024 * 1024)
        {
            var buffer = new byte[Math.Min(Math.Max(remaining, 1), 8192)];
            while (remaining > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), cancellation);
                if (read == 0) break;
                body.Write(buffer, 0, read);
                remaining -= read;
            }
        }

        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return new LoopbackRequest(requestLine[0], query < 0 ? target : target[..query], query < 0 ? string.Empty : target[(query + 1)..], headers, body.ToArray());
    }
}
