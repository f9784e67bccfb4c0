using System.Text.Json;

namespace EksAdvisories.Cli;

/// <summary>
/// Pulls VPC CNI versions out of the documents people have at hand: <c>aws eks describe-addon</c> JSON
/// (<c>addon.addonVersion</c>, for the add-on <c>addon.addonName</c> names), <c>kubectl get ds aws-node -o json</c>
/// (container and init-container images), or plain text with one version per line. Every JSON value is checked for its
/// kind before it is read, so a document of the wrong shape is an <see cref="InputException"/> naming the JSON path.
/// </summary>
internal static class VersionDocumentReader
{
    /// <summary>The longest line taken as a version or image reference; longer lines are not versions and would only be echoed back.</summary>
    public const int MaxLineLength = 1024;

    /// <summary>The most versions one run judges: enough for every cluster of a large fleet, bounded so output stays bounded.</summary>
    public const int MaxVersions = 100_000;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The versions in <paramref name="text"/>, for <paramref name="component"/>; throws <see cref="InputException"/> naming <paramref name="source"/>.</summary>
    public static IReadOnlyList<string> Read(string text, string source, AdvisoryComponent component)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '[')) return ReadLines(text, source);

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Shape(source, "$", root, "an object");
            if (root.TryGetProperty("addon", out var addon)) return AddonVersion(addon, "$.addon", source, component);
            if (root.TryGetProperty("addonVersion", out _)) return AddonVersion(root, "$", source, component);

            var images = DaemonSetImages(root, source, component);
            return images.Count > 0
                ? images
                : throw new InputException($"{source}: no version found; expected 'aws eks describe-addon' output ($.addon.addonVersion) or the aws-node DaemonSet ($.spec.template.spec.containers[*].image).");
        }
        catch (JsonException e)
        {
            throw new InputException($"{source}: the JSON is malformed at {e.Path ?? "$"} (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    private static string[] AddonVersion(JsonElement addon, string path, string source, AdvisoryComponent component)
    {
        if (addon.ValueKind != JsonValueKind.Object) throw Shape(source, path, addon, "an object");
        if (addon.TryGetProperty("addonName", out var nameElement))
        {
            var name = String(nameElement, path + ".addonName", source);
            if (!component.Matches(name))
            {
                throw new InputException($"{source}: {path}.addonName is '{name}', another add-on; expected {component.Name} (or pass --component {name} if an advisory is about it).");
            }
        }

        return addon.TryGetProperty("addonVersion", out var version)
            ? [String(version, path + ".addonVersion", source)]
            : throw new InputException($"{source}: {path}.addonVersion is missing; expected the output of 'aws eks describe-addon --addon-name {component.Name}'.");
    }

    private static List<string> DaemonSetImages(JsonElement root, string source, AdvisoryComponent component)
    {
        var images = new List<string>();
        if (!root.TryGetProperty("spec", out var spec)) return images;
        var podSpec = Object(Object(Object(spec, "$.spec", source), "template", "$.spec", source), "spec", "$.spec.template", source);
        if (podSpec is not { } pod) return images;

        foreach (var list in new[] { "initContainers", "containers" })
        {
            var listPath = "$.spec.template.spec." + list;
            if (!pod.TryGetProperty(list, out var containers)) continue;
            if (containers.ValueKind != JsonValueKind.Array) throw Shape(source, listPath, containers, "an array");
            var index = 0;
            foreach (var container in containers.EnumerateArray())
            {
                var containerPath = $"{listPath}[{index++}]";
                if (container.ValueKind != JsonValueKind.Object) throw Shape(source, containerPath, container, "an object");
                if (!container.TryGetProperty("image", out var imageElement)) continue;
                var image = String(imageElement, containerPath + ".image", source);
                // Only the component's own images carry its version; the network policy agent has versions of its own.
                if (IsComponentImage(image, component)) images.Add(image);
            }
        }

        return images;
    }

    /// <summary>
    /// Whether the image is one of the component's repositories, by the last path segment of its name (the registry may
    /// carry a port, the tag need not be a version: <c>amazon-k8s-cni:latest</c> is still judged, as Unknown).
    /// </summary>
    private static bool IsComponentImage(string image, AdvisoryComponent component)
    {
        var name = image.Split('@')[0];
        name = name[(name.LastIndexOf('/') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) name = name[..colon];
        return component.ImageRepositories.Contains(name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary><paramref name="parent"/>'s property <paramref name="name"/>, which must be an object when present; null when absent.</summary>
    private static JsonElement? Object(JsonElement? parent, string name, string parentPath, string source)
    {
        if (parent is not { } p || !p.TryGetProperty(name, out var child)) return null;
        return Object(child, parentPath + "." + name, source);
    }

    private static JsonElement Object(JsonElement element, string path, string source) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Shape(source, path, element, "an object");

    private static string String(JsonElement element, string path, string source)
    {
        if (element.ValueKind != JsonValueKind.String) throw Shape(source, path, element, "a string");
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a string whose escapes decode to a lone UTF-16 surrogate ("\ud800").
            throw new InputException($"{source}: {path} holds an escape that is not a character (a lone UTF-16 surrogate such as \\ud800); expected a version.");
        }
    }

    private static InputException Shape(string source, string path, JsonElement found, string expected) =>
        new($"{source}: {path} is {Describe(found)}; expected {expected}.");

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        _ => element.GetRawText(),
    };

    private static List<string> ReadLines(string text, string source)
    {
        var versions = new List<string>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.Length > MaxLineLength)
            {
                throw new InputException($"{source}: line {number} is {line.Length} characters long; a version or image reference is at most {MaxLineLength}.");
            }

            if (versions.Count == MaxVersions) throw new InputException($"{source}: holds more than {MaxVersions} versions; split the list.");
            versions.Add(line);
        }

        return versions;
    }
}
