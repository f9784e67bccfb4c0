using System.Net;
using System.Net.Http.Headers;

namespace EksAdvisories.Collection;

/// <summary>
/// Reads keys under <c>/latest/meta-data/</c>: with an IMDSv2 session token when IMDS hands one out, else IMDSv1 (as
/// the collectors do). Only the keys in <see cref="ImdsKeys"/> can be asked for, so no credential, identity document or
/// user data is ever read, whatever a caller passes.
/// </summary>
internal sealed class ImdsClient
{
    private const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    private const string TokenHeader = "X-aws-ec2-metadata-token";
    private readonly HttpClient http;
    private readonly Uri baseUrl;
    private readonly TimeSpan timeout;
    private string? token;

    public ImdsClient(HttpClient http, Uri baseUrl, TimeSpan timeout)
    {
        this.http = http;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
    }

    /// <summary>The number of requests made (the token PUT included).</summary>
    public int Requests { get; private set; }

    /// <summary>True when a session token was handed out (IMDSv2), false when the reads go without one (IMDSv1).</summary>
    public bool UsesToken => token is not null;

    /// <summary>Asks for a session token; without one the reads fall back to IMDSv1. Never throws for IMDS's answer.</summary>
    public async Task StartSessionAsync(CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Combine("latest/api/token"));
        request.Headers.TryAddWithoutValidation(TokenTtlHeader, "21600");
        request.Content = new ByteArrayContent([]);
        try
        {
            using var response = await SendAsync(request, cancellation).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var text = (await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false)).Trim();
                token = text.Length > 0 ? text : null;
            }
        }
        catch (Exception e) when (IsTransportFailure(e, cancellation))
        {
            // No token (IMDSv1 only, or IMDS unreachable: the first read says which).
            token = null;
        }
    }

    /// <summary>The raw text of a meta-data key, or null when IMDS answers 404 (the key does not exist on this instance).</summary>
    /// <exception cref="ImdsException">IMDS could not be reached, timed out or answered something other than 200 or 404.</exception>
    public async Task<string?> GetAsync(string key, CancellationToken cancellation)
    {
        if (!ImdsKeys.IsAllowed(key)) throw new InvalidOperationException($"IMDS key '{key}' is not one the checker reads; it is never requested.");
        using var request = new HttpRequestMessage(HttpMethod.Get, Combine("latest/meta-data/" + key));
        if (token is not null) request.Headers.TryAddWithoutValidation(TokenHeader, token);
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransportFailure(e, cancellation))
        {
            throw new ImdsException(Describe(e), e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var why = response.StatusCode == HttpStatusCode.Unauthorized && token is null
                    ? " (IMDSv2 is required and no session token was handed out: a hop limit of 1 refuses the token PUT from a container)"
                    : string.Empty;
                throw new ImdsException($"HTTP {(int)response.StatusCode} for meta-data/{key}{why}");
            }

            return await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        Requests++;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
        return response;
    }

    private Uri Combine(string path) => new(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), path);

    /// <summary>A failure of the transport or a timeout, as opposed to the caller cancelling.</summary>
    internal static bool IsTransportFailure(Exception e, CancellationToken cancellation) =>
        e is HttpRequestException || (e is OperationCanceledException && !cancellation.IsCancellationRequested);

    internal string Describe(Exception e) => e is OperationCanceledException
        ? $"no answer within {timeout.TotalSeconds:0.#} s"
        : e.InnerException?.Message ?? e.Message;
}
