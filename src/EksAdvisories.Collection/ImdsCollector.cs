using EksAdvisories.Ipamd;
using System.Text.Json;

namespace EksAdvisories.Collection;

/// <summary>
/// Writes <c>imds.json</c> as the collectors do: the node keys, then the per-interface keys of every MAC IMDS lists, each
/// with IMDS's raw text; a key IMDS answers 404 for (<c>ipv4-prefix</c> without prefixes) is left out. Also reads the
/// region, for the EC2 endpoint, without writing it.
/// </summary>
internal static class ImdsCollector
{
    /// <summary>Requests on a node with the largest ENI count EC2 offers (the token, the node keys, the region, 5 keys for each of 15 ENIs).</summary>
    public const int MaximumRequests = 1 + 4 + 1 + (5 * 15);

    public static async Task<ImdsFacts> CollectAsync(HttpClient http, NodeCollectionOptions options, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        var client = new ImdsClient(http, options.ImdsUrl, options.ImdsTimeout);
        var source = options.ImdsUrl.AbsoluteUri.TrimEnd('/') + "/latest/meta-data/";
        // Each request has its own timeout; the whole IMDS phase has a budget too, so a slow IMDS cannot hold up the rest.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(options.ImdsBudget);
        try
        {
            return await ReadAsync(client, source, problems, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            problems.Add(Unreadable(source, $"IMDS did not answer every key within {options.ImdsBudget.TotalSeconds:0.#} s"));
            return new ImdsFacts(null, null, null, null, client.UsesToken);
        }
    }

    private static CollectionProblem Unreadable(string source, string detail) => new(SnapshotFileNames.Imds, source, detail,
        "IMDS reachable from this process (run on the node or in a pod with hostNetwork; IMDSv2 from a container needs a hop limit of 2)", IsRequired: true);

    private static async Task<ImdsFacts> ReadAsync(ImdsClient client, string source, ICollection<CollectionProblem> problems, CancellationToken cancellation)
    {
        await client.StartSessionAsync(cancellation).ConfigureAwait(false);
        var values = new List<KeyValuePair<string, string>>();
        string? region = null;
        try
        {
            var macsText = await client.GetAsync(ImdsKeys.Macs, cancellation).ConfigureAwait(false)
                ?? throw new ImdsException("HTTP 404 for meta-data/" + ImdsKeys.Macs);
            var macs = macsText.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(m => m.TrimEnd('/')).ToList();
            var keys = new List<string>(ImdsKeys.NodeKeys);
            foreach (var mac in macs)
            {
                keys.AddRange(ImdsKeys.PerInterface.Select(k => ImdsKeys.ForInterface(mac, k)));
            }

            foreach (var key in keys)
            {
                var value = key == ImdsKeys.Macs ? macsText : await client.GetAsync(key, cancellation).ConfigureAwait(false);
                if (value is not null) values.Add(new(key, value));
            }

            region = (await client.GetAsync(ImdsKeys.Region, cancellation).ConfigureAwait(false))?.Trim();
        }
        catch (ImdsException e)
        {
            problems.Add(Unreadable(source, $"IMDS could not be read: {e.Message}"));
            return new ImdsFacts(null, null, null, null, client.UsesToken);
        }

        string? Value(string key) => values.FirstOrDefault(v => v.Key == key).Value?.Trim();
        return new ImdsFacts(Write(values), Value(ImdsKeys.InstanceId), Value(ImdsKeys.InstanceType), region, client.UsesToken);
    }

    private static byte[] Write(List<KeyValuePair<string, string>> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in values) writer.WriteString(key, value);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}

/// <summary>What IMDS told: imds.json (null when IMDS could not be read) and the facts the other parts need.</summary>
internal sealed record ImdsFacts(byte[]? ImdsJson, string? InstanceId, string? InstanceType, string? Region, bool UsedToken);
