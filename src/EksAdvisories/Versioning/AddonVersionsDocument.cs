using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace EksAdvisories;

/// <summary>
/// The vpc-cni builds EKS offers, read from the JSON of <c>aws eks describe-addon-versions --addon-name vpc-cni
/// [--kubernetes-version X]</c>: <c>addons[].addonVersions[].addonVersion</c>, <c>compatibilities[].clusterVersion</c>
/// and <c>compatibilities[].defaultVersion</c>. Also accepted: the same with PascalCase names (AWS Tools for
/// PowerShell piped to <c>ConvertTo-Json</c>), the array that <c>--query 'addons[].addonVersions[]'</c> prints, and the
/// array of build names that <c>--query 'addons[].addonVersions[].addonVersion'</c> prints (it carries no
/// compatibilities). Only the cluster's own region and account know which builds are offered, which is why the
/// library reads this document instead of guessing. This type is immutable.
/// </summary>
public sealed class AddonVersionsDocument
{
    /// <summary>The add-on name whose builds are read when the document lists several add-ons.</summary>
    public const string VpcCniAddonName = "vpc-cni";

    private AddonVersionsDocument(string source, IList<OfferedAddonBuild> builds, IList<UnreadableAddonBuild> unreadable)
    {
        Source = source;
        Builds = new ReadOnlyCollection<OfferedAddonBuild>(builds);
        UnreadableBuilds = new ReadOnlyCollection<UnreadableAddonBuild>(unreadable);
    }

    /// <summary>The file or stream name the document was read from.</summary>
    public string Source { get; }

    /// <summary>The builds whose versions could be read, newest first, each once (duplicates are merged).</summary>
    public IReadOnlyList<OfferedAddonBuild> Builds { get; }

    /// <summary>Versions in the document that are no version this library can judge; they are never chosen.</summary>
    public IReadOnlyList<UnreadableAddonBuild> UnreadableBuilds { get; }

    /// <summary>True when the document says for which Kubernetes versions its builds are offered (not a bare list of names).</summary>
    public bool HasCompatibilities => Builds.Any(b => b.ClusterVersions.Count > 0);

    /// <summary>The builds offered for <paramref name="kubernetesVersion"/>, newest first (every build when it is null).</summary>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null.</param>
    /// <returns>The builds the cluster can install, as far as the document says.</returns>
    public IReadOnlyList<OfferedAddonBuild> BuildsFor(KubernetesVersion? kubernetesVersion) =>
        Builds.Where(b => b.IsOfferedFor(kubernetesVersion)).ToList().AsReadOnly();

    /// <summary>The build EKS installs by default on <paramref name="kubernetesVersion"/>, or null when the document flags none.</summary>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version.</param>
    /// <returns>The default build, or null.</returns>
    public OfferedAddonBuild? DefaultFor(KubernetesVersion kubernetesVersion)
    {
        ArgumentNullException.ThrowIfNull(kubernetesVersion);
        return Builds.FirstOrDefault(b => b.IsDefaultFor(kubernetesVersion));
    }

    /// <summary>Reads the document from a stream (a BOM is accepted; at most 64 MiB).</summary>
    /// <param name="stream">The JSON text.</param>
    /// <param name="sourceName">A name for messages: the file name, or <c>-</c> for standard input.</param>
    /// <returns>The builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ClusterDocumentException">The stream cannot be read or does not hold such a document.</exception>
    public static AddonVersionsDocument Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(ClusterDocumentJson.ReadAll(stream, sourceName), sourceName);
    }

    /// <summary>Reads the document from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ClusterDocumentException">The file cannot be opened or does not hold such a document.</exception>
    public static AddonVersionsDocument ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ClusterDocumentJson.ReadFile(path), path);
    }

    /// <summary>Reads the document from UTF-8 bytes (a BOM is accepted).</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="sourceName">A name for messages.</param>
    /// <returns>The builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ClusterDocumentException">The bytes are not such a document.</exception>
    public static AddonVersionsDocument Parse(ReadOnlySpan<byte> utf8, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        using var document = ClusterDocumentJson.Parse(utf8, sourceName, Reader.Expected);
        return new Reader(sourceName).Read(document.RootElement);
    }

    /// <summary>Parses a document given as text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">A name for messages.</param>
    /// <returns>The builds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ClusterDocumentException">The text is not such a document.</exception>
    public static AddonVersionsDocument Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (json.Length > ClusterDocumentJson.MaxDocumentBytes) return Parse(new byte[ClusterDocumentJson.MaxDocumentBytes + 1], sourceName);
        return Parse(Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Builds.Count} vpc-cni builds from {Source}";

    /// <summary>Walks the JSON; every problem becomes an <see cref="ClusterDocumentException"/> with its path.</summary>
    private sealed class Reader(string source)
    {
        public const string Expected = "the JSON of aws eks describe-addon-versions --addon-name vpc-cni";

        private readonly Dictionary<ComponentVersion, (string Path, List<KubernetesVersion> Clusters, List<KubernetesVersion> Defaults)> _builds = [];
        private readonly List<UnreadableAddonBuild> _unreadable = [];

        public AddonVersionsDocument Read(JsonElement root)
        {
            switch (root.ValueKind)
            {
                case JsonValueKind.Object:
                    ReadAddons(root);
                    break;
                case JsonValueKind.Array:
                    ReadVersionList(root, "$");
                    break;
                default:
                    throw Fail("$", $"expected {Expected} (an object with 'addons'), found {ClusterDocumentJson.Describe(root)}.");
            }

            var builds = _builds
                .Select(b => new OfferedAddonBuild(b.Key, b.Value.Clusters.Distinct().Order().ToList(), b.Value.Defaults.Distinct().Order().ToList(), b.Value.Path))
                .OrderByDescending(b => b.Version)
                .ToList();
            return new AddonVersionsDocument(source, builds, _unreadable);
        }

        private void ReadAddons(JsonElement root)
        {
            if (!ClusterDocumentJson.TryGet(root, "addons", out var addons))
            {
                throw Fail("$", $"the property 'addons' is missing; expected {Expected}.");
            }

            if (addons.ValueKind != JsonValueKind.Array) throw Fail("$.addons", $"expected an array of add-ons, found {ClusterDocumentJson.Describe(addons)}.");
            var found = false;
            var names = new List<string>();
            var index = 0;
            foreach (var addon in addons.EnumerateArray())
            {
                var path = $"$.addons[{index++}]";
                if (addon.ValueKind != JsonValueKind.Object) throw Fail(path, $"expected an add-on object, found {ClusterDocumentJson.Describe(addon)}.");
                var name = ClusterDocumentJson.TryGet(addon, "addonName", out var n) ? String(n, path + ".addonName", "the add-on name") : null;
                if (name is not null) names.Add(name);

                // A document for one add-on may omit the name; a document for several must say which one is which.
                if (name is not null && !string.Equals(name, VpcCniAddonName, StringComparison.Ordinal)) continue;
                found = true;
                if (!ClusterDocumentJson.TryGet(addon, "addonVersions", out var versions))
                {
                    throw Fail(path, "the property 'addonVersions' is missing; expected the add-on's builds.");
                }

                ReadVersionList(versions, path + ".addonVersions");
            }

            if (!found)
            {
                var seen = names.Count == 0 ? "no add-ons" : "only " + string.Join(", ", names.Distinct().Select(x => "'" + x + "'"));
                throw Fail("$.addons", $"the document lists {seen}; expected the vpc-cni add-on (aws eks describe-addon-versions --addon-name vpc-cni).");
            }
        }

        private void ReadVersionList(JsonElement list, string path)
        {
            if (list.ValueKind != JsonValueKind.Array) throw Fail(path, $"expected an array of add-on versions, found {ClusterDocumentJson.Describe(list)}.");
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var itemPath = $"{path}[{index++}]";
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        Add(item.GetString()!, itemPath, null);
                        break;
                    case JsonValueKind.Object:
                        if (!ClusterDocumentJson.TryGet(item, "addonVersion", out var version)) throw Fail(itemPath, "the property 'addonVersion' is missing; expected the build's name, such as \"v1.19.2-eksbuild.5\".");
                        Add(String(version, itemPath + ".addonVersion", "the build's name"), itemPath, item);
                        break;
                    default:
                        throw Fail(itemPath, $"expected an add-on version object (or a build name), found {ClusterDocumentJson.Describe(item)}.");
                }
            }
        }

        private void Add(string text, string path, JsonElement? item)
        {
            var versionPath = item is null ? path : path + ".addonVersion";
            if (!ComponentVersion.TryParse(text, out var version, out var error))
            {
                _unreadable.Add(new UnreadableAddonBuild(text, versionPath, error));
                return;
            }

            if (version.IsPartial || version.Image is not null)
            {
                _unreadable.Add(new UnreadableAddonBuild(text, versionPath,
                    $"'{text}' is not a complete add-on build; expected a build such as 'v1.19.2-eksbuild.5'."));
                return;
            }

            if (!_builds.TryGetValue(version, out var entry))
            {
                entry = (path, [], []);
                _builds.Add(version, entry);
            }

            if (item is not { } element || !ClusterDocumentJson.TryGet(element, "compatibilities", out var compatibilities) || compatibilities.ValueKind == JsonValueKind.Null) return;
            var listPath = path + ".compatibilities";
            if (compatibilities.ValueKind != JsonValueKind.Array) throw Fail(listPath, $"expected an array of compatibilities, found {ClusterDocumentJson.Describe(compatibilities)}.");
            var index = 0;
            foreach (var compatibility in compatibilities.EnumerateArray())
            {
                var cPath = $"{listPath}[{index++}]";
                if (compatibility.ValueKind != JsonValueKind.Object) throw Fail(cPath, $"expected a compatibility object, found {ClusterDocumentJson.Describe(compatibility)}.");
                if (!ClusterDocumentJson.TryGet(compatibility, "clusterVersion", out var cluster)) throw Fail(cPath, "the property 'clusterVersion' is missing; expected a Kubernetes version such as \"1.30\".");
                var clusterText = String(cluster, cPath + ".clusterVersion", "a Kubernetes version");
                if (!KubernetesVersion.TryParse(clusterText, out var kubernetes, out var kubernetesError)) throw Fail(cPath + ".clusterVersion", kubernetesError);
                entry.Clusters.Add(kubernetes);
                if (ClusterDocumentJson.TryGet(compatibility, "defaultVersion", out var isDefault))
                {
                    var flag = isDefault.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False or JsonValueKind.Null => false,
                        _ => throw Fail(cPath + ".defaultVersion", $"expected true or false, found {ClusterDocumentJson.Describe(isDefault)}."),
                    };
                    if (flag) entry.Defaults.Add(kubernetes);
                }
            }
        }

        private string String(JsonElement element, string path, string what) =>
            element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Fail(path, $"expected {what} as a string, found {ClusterDocumentJson.Describe(element)}.");

        private ClusterDocumentException Fail(string path, string message) => new(source, path, message);
    }
}
