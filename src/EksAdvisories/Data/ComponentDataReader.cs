using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace EksAdvisories.Data;

/// <summary>
/// Reads and checks the component files in <c>advisories/components/</c>: the release list (<c>NAME.releases.json</c>)
/// and the Kubernetes floor table (<c>NAME.kubernetes-floors.json</c>). The same rules run at build time
/// (tests/EksAdvisories.DataValidation), in the tests and whenever the embedded data is read. Every problem is an
/// <see cref="AdvisoryDataException"/> naming the file, the JSON path and the value.
/// </summary>
internal static class ComponentDataReader
{
    /// <summary>The prefix of the component files among the assembly's resources.</summary>
    public const string ResourcePrefix = "EksAdvisories.Components.";

    /// <summary>The component data embedded in the assembly, by component name.</summary>
    public static IReadOnlyDictionary<string, ComponentData> ReadEmbedded(Assembly assembly)
    {
        var releases = new Dictionary<string, (List<ComponentRelease> Releases, List<AddonBuild> Builds)>(StringComparer.OrdinalIgnoreCase);
        var floors = new Dictionary<string, (byte[] Bytes, string Source)>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = name[ResourcePrefix.Length..];
            var source = "embedded components/" + file;
            var bytes = AdvisoryDataReader.ReadAllBytes(stream, source);
            if (file.EndsWith(".releases.json", StringComparison.Ordinal))
            {
                var (component, list, builds) = ReadReleases(bytes, source);
                releases[component] = (list, builds);
            }
            else if (file.EndsWith(".kubernetes-floors.json", StringComparison.Ordinal))
            {
                floors[file[..^".kubernetes-floors.json".Length]] = (bytes, source);
            }
        }

        var result = new Dictionary<string, ComponentData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (component, (list, builds)) in releases)
        {
            var table = floors.TryGetValue(component, out var f) ? ReadFloors(f.Bytes, f.Source, list).Floors : [];
            result[component] = new ComponentData(list, table, builds);
        }

        return result;
    }

    /// <summary>Reads a release list: every tag in version order, each once, and the add-on builds of known releases.</summary>
    public static (string Component, List<ComponentRelease> Releases, List<AddonBuild> Builds) ReadReleases(ReadOnlyMemory<byte> utf8, string source)
    {
        var data = new DataPath(source);
        var d = Deserialize(utf8, data, AdvisoryJsonContext.Default.ComponentReleasesDocument);
        CheckSchemaVersion(d.SchemaVersion, data);
        var component = data.RequireText(d.Component, "$.component");
        data.RequireUrl(d.Repository, "$.repository");
        RequireDate(d.Checked, "$.checked", data);
        var releases = data.Items(d.Releases, "$.releases", (r, rp) => new ComponentRelease(
            data.RequireRelease(r.Version, rp + ".version"),
            RequireDate(r.TagDate, rp + ".tagDate", data),
            r.Avoid is null ? null : data.RequireText(r.Avoid, rp + ".avoid"),
            r.AvoidReference is null ? null : data.RequireUrl(r.AvoidReference, rp + ".avoidReference")));
        if (releases.Count == 0) throw data.Fail("$.releases", "the list is empty; expected every upstream tag.");
        for (var i = 1; i < releases.Count; i++)
        {
            if (releases[i].Version <= releases[i - 1].Version)
                throw data.Fail($"$.releases[{i}].version", $"'{releases[i].Version.SemVerText}' does not come after '{releases[i - 1].Version.SemVerText}'; expected each release once, in version order.");
        }

        var known = releases.Select(r => r.Version).ToHashSet();
        var builds = data.Items(d.EksAddonBuilds, "$.eksAddonBuilds", (b, bp) =>
        {
            var version = data.RequireAddonBuild(b.Version, bp + ".version");
            if (!known.Contains(version.Release))
                throw data.Fail(bp + ".version", $"'{version}' is a build of {version.Release}, which is not in $.releases; expected builds of known releases.");
            var kubernetes = data.OptionalItems(b.KubernetesVersions, bp + ".kubernetesVersions", (k, kp) => data.RequireKubernetes(k, kp));
            if (kubernetes.Count > 0 && b.Basis is null) throw data.Fail(bp + ".basis", "the Kubernetes versions a build is offered for need a basis saying where they come from.");
            return new AddonBuild(version, kubernetes, b.Basis is null ? null : data.RequireText(b.Basis, bp + ".basis"));
        });
        for (var i = 1; i < builds.Count; i++)
        {
            if (builds[i].Version <= builds[i - 1].Version)
                throw data.Fail($"$.eksAddonBuilds[{i}].version", $"'{builds[i].Version}' does not come after '{builds[i - 1].Version}'; expected each build once, in version order.");
        }

        return (component, releases, builds);
    }

    /// <summary>Reads a floor table: consecutive Kubernetes minors in order, each floor a known release, floors never falling.</summary>
    public static (string Component, List<KubernetesFloor> Floors) ReadFloors(ReadOnlyMemory<byte> utf8, string source, IReadOnlyList<ComponentRelease> releases)
    {
        var data = new DataPath(source);
        var d = Deserialize(utf8, data, AdvisoryJsonContext.Default.KubernetesFloorsDocument);
        CheckSchemaVersion(d.SchemaVersion, data);
        var component = data.RequireText(d.Component, "$.component");
        data.RequireUrl(d.Source, "$.source");
        RequireCommit(d.LastCheckedCommit, "$.lastCheckedCommit", data);
        var known = releases.Select(r => r.Version).ToHashSet();
        var floors = data.Items(d.Floors, "$.floors", (f, fp) =>
        {
            var floor = data.RequireRelease(f.OldestRecommended, fp + ".oldestRecommended");
            if (floor.IsPrerelease || (known.Count > 0 && !known.Contains(floor)))
                throw data.Fail(fp + ".oldestRecommended", $"'{floor.SemVerText}' is not a known upstream release; expected a release from the component's release list.");
            return new KubernetesFloor(data.RequireKubernetes(f.Kubernetes, fp + ".kubernetes"), floor, RequireCommit(f.SourceCommit, fp + ".sourceCommit", data));
        });
        if (floors.Count == 0) throw data.Fail("$.floors", "the table is empty; expected one entry per Kubernetes version.");
        for (var i = 1; i < floors.Count; i++)
        {
            var (previous, current) = (floors[i - 1], floors[i]);
            if (current.Kubernetes.Major != previous.Kubernetes.Major || current.Kubernetes.Minor != previous.Kubernetes.Minor + 1)
                throw data.Fail($"$.floors[{i}].kubernetes", $"Kubernetes {current.Kubernetes} does not follow {previous.Kubernetes}; expected consecutive minor versions in order.");
            if (current.OldestRecommended < previous.OldestRecommended)
                throw data.Fail($"$.floors[{i}].oldestRecommended", $"'{current.OldestRecommended.SemVerText}' is below the floor of Kubernetes {previous.Kubernetes} ('{previous.OldestRecommended.SemVerText}'); expected floors that never fall.");
        }

        return (component, floors);
    }

    private static T Deserialize<T>(ReadOnlyMemory<byte> utf8, DataPath data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        var span = utf8.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try
        {
            return data.Require(JsonSerializer.Deserialize(span, type), "$");
        }
        catch (JsonException e)
        {
            throw data.Fail(e.Path ?? "$", $"the JSON is malformed or a value has the wrong type (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    private static void CheckSchemaVersion(string? version, DataPath data)
    {
        if (AdvisoryValidator.CheckSchemaVersion(version, "$.schemaVersion") is { } problem) throw data.Fail(problem.Path, problem.Message);
    }

    private static DateOnly RequireDate(string? text, string path, DataPath data)
    {
        var value = data.RequireText(text, path);
        return DataPath.TryReadPlainDate(value, out var date)
            ? date
            : throw data.Fail(path, $"'{value}' is not a date; expected yyyy-MM-dd such as '2023-02-21'.");
    }

    private static string RequireCommit(string? text, string path, DataPath data)
    {
        var value = data.RequireText(text, path);
        return value.Length == 40 && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')
            ? value
            : throw data.Fail(path, $"'{value}' is not a full commit id; expected 40 lower-case hex digits.");
    }
}
