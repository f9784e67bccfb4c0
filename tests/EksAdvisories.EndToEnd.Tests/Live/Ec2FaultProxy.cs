using System.Text;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// A loopback proxy in front of moto that answers one EC2 action with EC2's <c>UnauthorizedOperation</c> (403), the
/// error a node role without the permission gets (moto itself only says AccessDenied), and forwards everything else.
/// </summary>
internal sealed class Ec2FaultProxy : IAsyncDisposable
{
    private readonly string upstream;
    private readonly string refusedAction;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly LoopbackHttpServer server;

    public Ec2FaultProxy(string upstream, string refusedAction)
    {
        this.upstream = upstream;
        this.refusedAction = refusedAction;
        server = new LoopbackHttpServer(AnswerAsync);
    }

    public string Url => server.Url;

    public string Log() => server.Log();

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        http.Dispose();
    }

    private async Task<LoopbackResponse> AnswerAsync(LoopbackRequest request, CancellationToken cancellation)
    {
        var body = Encoding.UTF8.GetString(request.Body);
        if (body.Contains("Action=" + refusedAction + "&", StringComparison.Ordinal) || body.EndsWith("Action=" + refusedAction, StringComparison.Ordinal))
        {
            return new LoopbackResponse(403, "text/xml;charset=UTF-8", Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>UnauthorizedOperation</Code>"
                + "<Message>You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/eks-node-role/i-0f1e2d3c4b5a69788 "
                + $"is not authorized to perform: ec2:{refusedAction} because no identity-based policy allows the ec2:{refusedAction} action</Message>"
                + "</Error></Errors><RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>"));
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), upstream + request.Path + (request.Query.Length > 0 ? "?" + request.Query : string.Empty));
        forward.Content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!forward.Headers.TryAddWithoutValidation(name, value)) forward.Content.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(forward, cancellation);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellation);
        return new LoopbackResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "text/xml", bytes);
    }
}
