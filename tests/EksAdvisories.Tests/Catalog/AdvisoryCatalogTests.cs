using System.Security.Cryptography;
using System.Text;

namespace EksAdvisories.Tests.Catalog;

public class AdvisoryCatalogTests
{
    private static string AdvisoryFile => Path.Combine(RepositoryPaths.Advisories, "EKSA-2023-0001.json");

    /// <summary>The advisory files in the order the embedded catalog reads them (by resource name, ordinal).</summary>
    private static string[] AdvisoryFiles => Directory.GetFiles(RepositoryPaths.Advisories, "*.json").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Default_holds_the_embedded_advisory_and_a_data_version()
    {
        var catalog = AdvisoryCatalog.Default;
        Assert.Same(catalog, AdvisoryCatalog.Default);
        Assert.Equal(AdvisoryFiles.Select(Path.GetFileNameWithoutExtension), catalog.Advisories.Select(a => a.Id));
        Assert.Equal(["EKSA-2023-0001", "EKSA-2023-0002", "EKSA-2024-0001", "EKSA-2026-0001"], catalog.Advisories.Select(a => a.Id));
        Assert.Equal(catalog.Advisories.Max(a => a.Modified).UtcDateTime.ToString("yyyy.MM.dd", System.Globalization.CultureInfo.InvariantCulture), catalog.DataVersion);
    }

    [Fact]
    public void Embedded_data_hash_covers_the_advisory_files_then_the_component_files_in_the_repository()
    {
        var components = Directory.GetFiles(Path.Combine(RepositoryPaths.Advisories, "components"), "*.json")
            .OrderBy(Path.GetFileName, StringComparer.Ordinal);
        var expected = Convert.ToHexString(SHA256.HashData(AdvisoryFiles.Concat(components).SelectMany(File.ReadAllBytes).ToArray())).ToLowerInvariant();
        Assert.Equal(expected, AdvisoryCatalog.Default.DataSha256);
    }

    [Fact]
    public void Get_is_case_insensitive_and_unknown_ids_list_the_known_ones()
    {
        Assert.Equal("EKSA-2023-0001", AdvisoryCatalog.Default.Get("eksa-2023-0001").Id);
        var e = Assert.Throws<KeyNotFoundException>(() => AdvisoryCatalog.Default.Get("EKSA-2099-0001"));
        Assert.Contains("'EKSA-2099-0001'", e.Message);
        Assert.Contains("EKSA-2023-0001", e.Message);
    }

    [Fact]
    public void TryGet_never_throws()
    {
        Assert.True(AdvisoryCatalog.Default.TryGet(" EKSA-2023-0001 ", out var found));
        Assert.Equal("EKSA-2023-0001", found!.Id);
        Assert.False(AdvisoryCatalog.Default.TryGet("nope", out found));
        Assert.Null(found);
        Assert.False(AdvisoryCatalog.Default.TryGet(null, out _));
    }

    [Theory]
    [InlineData("vpc-cni")]
    [InlineData("VPC-CNI")]
    [InlineData("aws-node")]
    [InlineData("amazon-vpc-cni-k8s")]
    [InlineData("amazon-k8s-cni")]
    [InlineData("amazon-k8s-cni-init")]
    [InlineData("aws-vpc-cni")]
    [InlineData(" aws-node ")]
    public void Evaluate_matches_the_component_and_its_aliases(string component)
    {
        var verdicts = AdvisoryCatalog.Default.Evaluate(component, "v1.12.2-eksbuild.1");
        Assert.Equal(AdvisoryCatalog.Default.Advisories.Select(a => a.Id), verdicts.Select(v => v.AdvisoryId));
        Assert.Equal(AffectedStatus.Affected, verdicts.Single(v => v.AdvisoryId == "EKSA-2023-0001").Status);
        Assert.All(verdicts.Where(v => v.AdvisoryId != "EKSA-2023-0001"), v => Assert.Equal(AffectedStatus.NotAffected, v.Status));
    }

    [Theory]
    [InlineData("coredns")]
    [InlineData("kube-proxy")]
    [InlineData("")]
    [InlineData(null)]
    public void Evaluate_for_an_unknown_component_is_empty(string? component)
    {
        Assert.Empty(AdvisoryCatalog.Default.Evaluate(component, "v1.12.2"));
    }

    [Fact]
    public void Evaluate_passes_the_kubernetes_version_on()
    {
        var verdict = AdvisoryCatalog.Default.Evaluate("vpc-cni", "v1.12.2-eksbuild.1", "1.28").Single(v => v.AdvisoryId == "EKSA-2023-0001");
        Assert.Null(verdict.Action!.Mitigation);
    }

    [Fact]
    public void Load_reads_the_repository_file_unchanged()
    {
        using var stream = File.OpenRead(AdvisoryFile);
        var catalog = AdvisoryCatalog.Load(stream);
        Assert.Equal(catalog.Get("EKSA-2023-0001").Modified.UtcDateTime.ToString("yyyy.MM.dd", System.Globalization.CultureInfo.InvariantCulture), catalog.DataVersion);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(AdvisoryFile))).ToLowerInvariant(), catalog.DataSha256);
        Assert.Equal(AdvisoryCatalog.Default.Get("EKSA-2023-0001").Revision, catalog.Get("EKSA-2023-0001").Revision);
        Assert.Equal(AffectedStatus.Affected, catalog.Get("EKSA-2023-0001").Evaluate("v1.11.5").Status);
    }

    [Fact]
    public void Load_reads_a_bundle_with_its_own_data_version()
    {
        var bundle = $$"""{ "schemaVersion": "1.0.0", "dataVersion": "2027.01.05", "advisories": [ {{File.ReadAllText(AdvisoryFile)}} ] }""";
        var catalog = AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(bundle)));
        Assert.Equal("2027.01.05", catalog.DataVersion);
        Assert.Single(catalog.Advisories);
    }

    [Fact]
    public void Load_refuses_a_bundle_with_a_duplicate_id()
    {
        var advisory = File.ReadAllText(AdvisoryFile);
        var bundle = $$"""{ "schemaVersion": "1.0.0", "advisories": [ {{advisory}}, {{advisory}} ] }""";
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(bundle)), "bundle.json"));
        Assert.Equal("$.advisories[1].id", e.JsonPath);
        Assert.Contains("appears twice", e.Message);
    }

    [Fact]
    public void Load_ignores_fields_it_does_not_know()
    {
        var text = File.ReadAllText(AdvisoryFile).Replace("\"schemaVersion\": \"1.0.0\",", "\"schemaVersion\": \"1.4.0\", \"futureField\": { \"x\": [1, 2] },");
        var catalog = AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal("1.4.0", catalog.Advisories[0].SchemaVersion);
    }

    [Fact]
    public void LoadFile_names_a_missing_file()
    {
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.LoadFile("/nonexistent/advisory.json"));
        Assert.Contains("/nonexistent/advisory.json", e.Message);
    }

    [Fact]
    public void Default_races_safely_on_first_use()
    {
        // Each thread reads Default; the holder initializes it once, so all see one instance.
        var seen = new AdvisoryCatalog[8];
        Parallel.For(0, seen.Length, i => seen[i] = AdvisoryCatalog.Default);
        Assert.All(seen, c => Assert.Same(seen[0], c));
    }
}
