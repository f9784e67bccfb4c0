using System.Text.Json;

namespace EksAdvisories.Cli;

/// <summary>
/// Pulls VPC CNI versions out of the documents people have at hand: `aws eks describe-addon` JSON
/// (addon.addonVersion), `kubectl get ds aws-node -o json` (container and init-container images), or plain text
/// with one version per line.
/// </summary>
internal static class VersionDocumentReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The versions in <paramref name="text"/>; throws <see cref="InputException"/> naming <paramref name="source"/> when it holds none.</summary>
    public static IReadOnlyList<string> Read(string text, string source)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith('{')) return ReadLines(text);

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            if (root.TryGetProperty("addon", out var addon) && addon.ValueKind == JsonValueKind.Object)
            {
                return addon.TryGetProperty("addonVersion", out var version) && version.ValueKind == JsonValueKind.String
                    ? [version.GetString()!]
                    : throw new InputException($"{source}: $.addon.addonVersion is missing; expected the output of 'aws eks describe-addon --addon-name vpc-cni'.");
            }

            if (root.TryGetProperty("addonVersion", out var bare) && bare.ValueKind == JsonValueKind.String) return [bare.GetString()!];

            var images = DaemonSetImages(root);
            return images.Count > 0
                ? images
                : throw new InputException($"{source}: no version found; expected 'aws eks describe-addon' output ($.addon.addonVersion) or the aws-node DaemonSet ($.spec.template.spec.containers[*].image).");
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: the JSON is malformed at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    private static List<string> DaemonSetImages(JsonElement root)
    {
        var images = new List<string>();
        if (root.TryGetProperty("spec", out var spec) && spec.TryGetProperty("template", out var template)
            && template.TryGetProperty("spec", out var podSpec))
        {
            foreach (var list in new[] { "containers", "initContainers" })
            {
                if (!podSpec.TryGetProperty(list, out var containers) || containers.ValueKind != JsonValueKind.Array) continue;
                foreach (var container in containers.EnumerateArray())
                {
                    // Only the CNI's own images carry its version; the network policy agent has versions of its own.
                    if (container.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.String
                        && image.GetString() is { } text && (text.Contains("/amazon-k8s-cni", StringComparison.Ordinal) || text.StartsWith("amazon-k8s-cni", StringComparison.Ordinal)))
                    {
                        images.Add(text);
                    }
                }
            }
        }

        return images;
    }

    private static List<string> ReadLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
}
