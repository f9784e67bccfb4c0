using System.Net.Http.Headers;

namespace EksAdvisories.Collection;

/// <summary>
/// Keeps the raw body of the answers to one API path, so that the DaemonSet is written as the API server sent it
/// (what <c>kubectl get -o json</c> prints), not as the client's model would write it back: a model drops the fields it
/// does not know. The typed call still parses the same bytes, so a body that is not a DaemonSet is refused.
/// </summary>
internal sealed class RawBodyHandler : DelegatingHandler
{
    private const long MaxBytes = 64L * 1024 * 1024;
    private readonly string pathSuffix;

    public RawBodyHandler(string pathSuffix)
    {
        this.pathSuffix = pathSuffix;
    }

    public byte[]? Body { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || request.RequestUri?.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal) != true) return response;
        if (response.Content.Headers.ContentLength > MaxBytes) return response;

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Body = bytes;
        var copy = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        copy.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        response.Content.Dispose();
        response.Content = copy;
        return response;
    }
}
