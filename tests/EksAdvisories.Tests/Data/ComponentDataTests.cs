using System.Text;
using System.Text.Json.Nodes;
using EksAdvisories.Data;

namespace EksAdvisories.Tests.Data;

/// <summary>The component files: upstream releases with their tag dates, and upstream's Kubernetes floor table.</summary>
public class ComponentDataTests
{
    private static readonly string Components = Path.Combine(RepositoryPaths.Advisories, "components");

    private static string Releases => File.ReadAllText(Path.Combine(Components, "vpc-cni.releases.json"));

    private static string Floors => File.ReadAllText(Path.Combine(Components, "vpc-cni.kubernetes-floors.json"));

    [Fact]
    public void The_release_list_holds_the_upstream_tags_around_the_range_and_not_the_skipped_ones()
    {
        var releases = AdvisoryCatalog.Default.Get("EKSA-2023-0001").Component.KnownReleases;
        var tags = releases.Select(r => r.Version.ToString()).ToList();
        Assert.Contains("v1.11.4-rc1", tags);
        Assert.Contains("v1.12.1-rc3", tags);
        Assert.DoesNotContain("v1.12.3", tags);
        Assert.DoesNotContain("v1.12.4", tags);
        Assert.Equal(new DateOnly(2023, 2, 21), releases.Single(r => r.Version.ToString() == "v1.12.5").TagDate);
        Assert.Equal(new DateOnly(2023, 3, 30), releases.Single(r => r.Version.ToString() == "v1.11.5").TagDate);
        Assert.Equal(tags.Count, tags.Distinct().Count());
    }

    [Fact]
    public void The_floor_table_covers_kubernetes_1_22_to_1_33_with_source_commits()
    {
        var floors = AdvisoryCatalog.Default.Get("EKSA-2023-0001").Component.KubernetesFloors;
        Assert.Equal(Enumerable.Range(22, 12).Select(m => $"1.{m}"), floors.Select(f => f.Kubernetes.ToString()));
        Assert.Equal(
            ["v1.8.0", "v1.8.0", "v1.9.3", "v1.11.4", "v1.12.0", "v1.12.5", "v1.13.4", "v1.14.1", "v1.16.0", "v1.16.4", "v1.17.1", "v1.17.1"],
            floors.Select(f => f.OldestRecommended.ToString()));
        Assert.All(floors, f => Assert.Matches("^[0-9a-f]{40}$", f.SourceCommit));
    }

    [Fact]
    public void The_component_files_pass_their_schemas()
    {
        Assert.Empty(ComponentSchemas.Errors("component-releases.schema.json", Releases));
        Assert.Empty(ComponentSchemas.Errors("kubernetes-floors.schema.json", Floors));
    }

    public static TheoryData<string, string, string> ReleaseMutations() => new()
    {
        { "releases.5.version", "\"1.0.0\"", "$.releases[5].version" },
        { "releases.5.version", "\"v1.5.0\"", "$.releases[5].version" },
        { "releases.5.tagDate", "\"2019-13-40\"", "$.releases[5].tagDate" },
        { "eksAddonBuilds.0.version", "\"v1.12.3-eksbuild.1\"", "$.eksAddonBuilds[0].version" },
        { "schemaVersion", "\"2.0.0\"", "$.schemaVersion" },
    };

    [Theory]
    [MemberData(nameof(ReleaseMutations))]
    public void A_broken_release_list_is_refused_naming_the_json_path(string path, string value, string jsonPath)
    {
        var mutated = AdvisoryFileTests.Mutate(Releases, path, value);
        var e = Assert.Throws<AdvisoryDataException>(() => ComponentDataReader.ReadReleases(Encoding.UTF8.GetBytes(mutated), "vpc-cni.releases.json"));
        Assert.Equal(jsonPath, e.JsonPath);
    }

    public static TheoryData<string, string, string> FloorMutations() => new()
    {
        { "floors.3.kubernetes", "\"1.26\"", "$.floors[3].kubernetes" },
        { "floors.4.oldestRecommended", "\"1.9.0\"", "$.floors[4].oldestRecommended" },
        { "floors.4.oldestRecommended", "\"1.12.3\"", "$.floors[4].oldestRecommended" },
        { "floors.0.sourceCommit", "\"2e455e2\"", "$.floors[0].sourceCommit" },
    };

    [Theory]
    [MemberData(nameof(FloorMutations))]
    public void A_broken_floor_table_is_refused_naming_the_json_path(string path, string value, string jsonPath)
    {
        var (_, releases, _) = ComponentDataReader.ReadReleases(Encoding.UTF8.GetBytes(Releases), "vpc-cni.releases.json");
        var mutated = AdvisoryFileTests.Mutate(Floors, path, value);
        var e = Assert.Throws<AdvisoryDataException>(() => ComponentDataReader.ReadFloors(Encoding.UTF8.GetBytes(mutated), "floors.json", releases));
        Assert.Equal(jsonPath, e.JsonPath);
    }

    [Fact]
    public void An_advisory_naming_a_release_the_list_does_not_know_is_refused_on_load()
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Advisories, "EKSA-2023-0001.json")))!;
        node["affected"]!["knownUnaffectedReleases"]!.AsArray().Add("1.13.1");
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(node.ToJsonString())), "x.json"));
        Assert.StartsWith("$.affected.knownUnaffectedReleases[", e.JsonPath, StringComparison.Ordinal);
    }
}

internal static class ComponentSchemas
{
    public static IReadOnlyList<string> Errors(string schemaFile, string json)
    {
        var schema = Json.Schema.JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Advisories, "schema", schemaFile)), new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid ? [] : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid").ToList();
    }
}
