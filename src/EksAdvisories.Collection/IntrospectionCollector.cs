using EksAdvisories.Ipamd;
using System.Net;

namespace EksAdvisories.Collection;

/// <summary>Reads IPAMD's introspection endpoint verbatim: <c>/v1/enis</c> (required) and <c>/v1/ipamd-env-settings</c>.</summary>
internal static class IntrospectionCollector
{
    /// <summary>The requests one collection makes; the worst case waits for each in turn.</summary>
    public const int RequestsPerCollection = 2;

    private const long MaxBytes = 64L * 1024 * 1024;

    public static async Task<(byte[]? Enis, byte[]? EnvSettings)> CollectAsync(HttpClient http, NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        var enis = await GetAsync(http, options, "v1/enis", SnapshotFileNames.Enis, required: true, problems, cancellation).ConfigureAwait(false);
        var env = await GetAsync(http, options, "v1/ipamd-env-settings", SnapshotFileNames.IpamdEnvSettings, required: false, problems, cancellation).ConfigureAwait(false);
        return (enis, env);
    }

    private static async Task<byte[]?> GetAsync(
        HttpClient http, NodeCollectionOptions options, string path, string part, bool required, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        var url = new Uri(new Uri(options.IpamdUrl.AbsoluteUri.TrimEnd('/') + "/"), path);
        const string Needs = "aws-node running on this node with its introspection endpoint on (DISABLE_INTROSPECTION unset), reached from the host network";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.IpamdTimeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add(new CollectionProblem(part, url.AbsoluteUri, $"the introspection endpoint answered HTTP {(int)response.StatusCode}", Needs, required));
                return null;
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                problems.Add(new CollectionProblem(part, url.AbsoluteUri, $"the answer is {response.Content.Headers.ContentLength} bytes, over the 64 MiB limit", Needs, required));
                return null;
            }

            return await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (ImdsClient.IsTransportFailure(e, cancellation))
        {
            var detail = e is OperationCanceledException ? $"no answer within {options.IpamdTimeout.TotalSeconds:0.#} s" : e.InnerException?.Message ?? e.Message;
            problems.Add(new CollectionProblem(part, url.AbsoluteUri, $"the introspection endpoint could not be read: {detail}", Needs, required));
            return null;
        }
    }
}
