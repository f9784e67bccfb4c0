using System.Text;
using System.Text.Json.Nodes;

namespace EksAdvisories.Tests.Data;

/// <summary>The data is code: every file in advisories/ must pass the schema and the semantic rules.</summary>
public class AdvisoryFileTests
{
    public static TheoryData<string> AdvisoryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Advisories, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Advisories, file));

    [Theory]
    [MemberData(nameof(AdvisoryFiles))]
    public void Every_advisory_file_validates_against_the_schema(string file)
    {
        Assert.Empty(AdvisorySchema.Errors(Read(file)));
    }

    [Theory]
    [MemberData(nameof(AdvisoryFiles))]
    public void Every_advisory_file_passes_the_semantic_rules_and_is_named_after_its_id(string file)
    {
        var catalog = AdvisoryCatalog.LoadFile(Path.Combine(RepositoryPaths.Advisories, file));
        var advisory = Assert.Single(catalog.Advisories);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), advisory.Id);
    }

    [Fact]
    public void Ids_are_unique_across_files()
    {
        var ids = Directory.GetFiles(RepositoryPaths.Advisories, "*.json").Select(Path.GetFileName).Select(f => AdvisoryCatalog.LoadFile(Path.Combine(RepositoryPaths.Advisories, f!)).Advisories[0].Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), AdvisoryCatalog.Default.Advisories.Select(a => a.Id));
    }

    [Fact]
    public void Recommended_fix_and_mitigation_targets_lie_outside_the_affected_range()
    {
        foreach (var advisory in AdvisoryCatalog.Default.Advisories)
        {
            foreach (var target in new[] { advisory.Remediation.FixedIn, advisory.Remediation.FirstReleasedFixedVersion, advisory.Remediation.FirstFixedAddonVersion, advisory.Remediation.RecommendedAddonVersion, advisory.Mitigation.TargetVersion })
            {
                Assert.Equal(AffectedStatus.NotAffected, advisory.Evaluate(target).Status);
            }
        }
    }

    [Fact]
    public void Every_correction_names_evidence_and_history_is_ordered()
    {
        foreach (var advisory in AdvisoryCatalog.Default.Advisories)
        {
            Assert.All(advisory.Corrections, c => Assert.NotEmpty(c.Evidence));
            Assert.True(advisory.Modified >= advisory.Published);
            Assert.Equal(Enumerable.Range(1, advisory.Revision), advisory.History.Select(h => h.Revision));
            Assert.Equal(advisory.History.Select(h => h.Date).Order(), advisory.History.Select(h => h.Date));
        }
    }

    [Fact]
    public void Known_releases_agree_with_the_range()
    {
        var advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");
        Assert.All(advisory.Affected.KnownAffectedReleases, v => Assert.Equal(AffectedStatus.Affected, advisory.Evaluate(v).Status));
        Assert.All(advisory.Affected.KnownUnaffectedReleases, v => Assert.Equal(AffectedStatus.NotAffected, advisory.Evaluate(v).Status));
    }

    [Fact]
    public void The_data_records_what_was_published_and_what_is_true()
    {
        var a = AdvisoryCatalog.Default.Get("EKSA-2023-0001");
        Assert.NotNull(a.AsPublished);
        Assert.Equal(">=1.11.3 <=1.12.2", a.AsPublished.RangeText);
        Assert.Equal("v1.12.3", a.AsPublished.FixedIn.ToString());
        Assert.Equal(">=1.11.4-rc1 <1.12.5", a.Affected.Range.ToString());
        Assert.Equal("1.12.5", a.Affected.Range.FixedVersion);
        Assert.Equal("v1.12.5", a.Remediation.FirstReleasedFixedVersion.ToString());
        Assert.Equal(["v1.12.3", "v1.12.4"], a.Affected.NeverReleased.Select(v => v.ToString()));
        Assert.Equal(new KubernetesVersion(1, 26), a.Mitigation.UnsafeFromKubernetesVersion);
        Assert.Equal(3, a.Revision);
        Assert.Contains(a.References, r => r.Type == "FIX" && r.Url.AbsoluteUri.EndsWith("/pull/2210", StringComparison.Ordinal));
        Assert.Contains(a.References, r => r.Type == "INTRODUCED" && r.Url.AbsoluteUri.EndsWith("/pull/1975", StringComparison.Ordinal));
        Assert.Contains(a.References, r => r.Url.AbsoluteUri.EndsWith("/pull/2276", StringComparison.Ordinal));
        Assert.Contains(a.References, r => r.Url.AbsoluteUri.EndsWith("/pull/2253", StringComparison.Ordinal));
        Assert.Contains(a.References, r => r.Type == "DOCS");
        foreach (var term in new[] { "IPAMD", "IPAM", "ENI", "IMDS", "PrivateIpAddressLimitExceeded", "eksbuild" })
        {
            Assert.Contains(a.Glossary, g => g.Term.Contains(term, StringComparison.Ordinal));
        }

        Assert.Contains(a.Corrections, c => c.Field == "affected.introduced");
        Assert.Contains(a.Corrections, c => c.Field == "remediation.fixedIn");
        Assert.Contains(a.Corrections, c => c.Field == "mitigation" && c.CorrectedStatement.Contains("1.26", StringComparison.Ordinal));
        Assert.Contains(a.Corrections, c => c.Field == "glossary.IPAM");
        Assert.Contains(a.Corrections, c => c.CorrectedStatement.Contains("v1.11.5", StringComparison.Ordinal));
        Assert.Equal(5, a.Detection.LogSignatures.Count);
    }

    [Fact]
    public void Prose_is_not_copied_from_the_published_text()
    {
        // Sentences of the published advisory that must not reappear verbatim.
        string[] published =
        [
            "an optimization was implemented to reduce the number of EC2 calls",
            "This defect prevents proper reconciliation and recovery of IP addresses",
            "contain this Latent Availability Risk",
            "is a VPC feature that makes it easier for you to plan, track, and monitor IP addresses",
            "is a logical networking component in a VPC that represents a virtual network card",
        ];
        var text = Read("EKSA-2023-0001.json");
        Assert.All(published, sentence => Assert.DoesNotContain(sentence, text, StringComparison.OrdinalIgnoreCase));
    }

    public static TheoryData<string, string, string> Mutations() => new()
    {
        // JSON pointer-ish path to change, new raw JSON value (or "<remove>"), JSON path the reader must name.
        { "affected.events.0.introduced", "\"one.two\"", "$.affected.events[0].introduced" },
        { "remediation.firstReleasedFixedVersion", "\"1.12.2\"", "$.remediation.firstReleasedFixedVersion" },
        { "remediation.recommendedAddonVersion", "\"v1.12.0-eksbuild.1\"", "$.remediation.recommendedAddonVersion" },
        { "mitigation.targetVersion", "\"1.11.5\"", "$.mitigation.targetVersion" },
        { "corrections.0.evidence", "[]", "$.corrections[0].evidence" },
        { "modified", "\"2020-01-01T00:00:00Z\"", "$.modified" },
        { "revision", "\"two\"", "$.revision" },
        { "history.1.revision", "5", "$.history[1].revision" },
        { "title", "<remove>", "$.title" },
        { "references.0.type", "\"BLOG\"", "$.references[0].type" },
        { "references.0.url", "\"http://example.com/x\"", "$.references[0].url" },
        { "schemaVersion", "\"2.0.0\"", "$.schemaVersion" },
        { "id", "\"eksa-1\"", "$.id" },
        { "affected.knownUnaffectedReleases.0", "\"1.12.0\"", "$.affected.knownUnaffectedReleases[0]" },
        // Inverted: the fix before the introduction would call every release from v1.12.5 on affected.
        { "affected.events", "[{\"introduced\":\"1.12.5\"},{\"fixed\":\"1.11.4\"}]", "$.affected.events" },
        // Empty: introduced and fixed at one version would call every release unaffected.
        { "affected.events", "[{\"introduced\":\"1.12.5\"},{\"fixed\":\"1.12.5\"}]", "$.affected.events" },
        { "affected.events", "[{\"fixed\":\"1.12.5\"}]", "$.affected.events" },
        { "remediation.fixedIn", "\"1.12.0\"", "$.remediation.fixedIn" },
        { "remediation.fixedIn", "\"1.10.0\"", "$.remediation.fixedIn" },
        { "remediation.firstFixedAddonVersion", "\"v1.12.2-eksbuild.1\"", "$.remediation.firstFixedAddonVersion" },
        { "asPublished.events", "[{\"lastAffected\":\"1.12.2\"},{\"introduced\":\"1.12.3\"}]", "$.asPublished.events" },
        { "schemaVersion", "\"3.1.0\"", "$.schemaVersion" },
        { "published", "\"2023-11-21T00:00:00+02:00\"", "$.published" },
        { "affected.knownAffectedReleases.0", "\"v1.12.0\"", "$.affected.knownAffectedReleases[0]" },
        { "affected.knownAffectedReleases.0", "\"1.12.0-linux-amd64\"", "$.affected.knownAffectedReleases[0]" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void A_broken_file_is_refused_by_the_reader_naming_the_json_path(string path, string value, string jsonPath)
    {
        var mutated = Mutate(Read("EKSA-2023-0001.json"), path, value);
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(mutated)), "EKSA-2023-0001.json"));
        Assert.Equal(jsonPath, e.JsonPath);
        Assert.Equal("EKSA-2023-0001.json", e.DataSource);
        Assert.StartsWith($"EKSA-2023-0001.json at {jsonPath}: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("affected.events.0.introduced", "\"one.two\"")]
    [InlineData("revision", "\"two\"")]
    [InlineData("title", "<remove>")]
    [InlineData("references.0.type", "\"BLOG\"")]
    [InlineData("references.0.url", "\"http://example.com/x\"")]
    [InlineData("schemaVersion", "\"2.0.0\"")]
    [InlineData("corrections.0.evidence", "[]")]
    [InlineData("remediation.recommendedAddonVersion", "\"1.12.6\"")]
    public void The_schema_rejects_structural_breakage(string path, string value)
    {
        Assert.NotEmpty(AdvisorySchema.Errors(Mutate(Read("EKSA-2023-0001.json"), path, value)));
    }

    [Theory]
    [InlineData("{", "malformed")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("", "malformed")]
    public void Malformed_json_is_refused_clearly(string json, string expected)
    {
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "x.json"));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("x.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_is_refused()
    {
        var json = "{\"a\":" + new string('[', 100) + new string(']', 100) + "}";
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "deep.json"));
        Assert.Contains("depth", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    internal static string Mutate(string json, string path, string value)
    {
        var root = JsonNode.Parse(json)!;
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }

        var last = parts[^1];
        if (value == "<remove>")
        {
            node.AsObject().Remove(last);
        }
        else if (int.TryParse(last, out var index))
        {
            node[index] = JsonNode.Parse(value);
        }
        else
        {
            node[last] = JsonNode.Parse(value);
        }

        return root.ToJsonString();
    }
}
