using System.Text.Json;
using System.Text.Json.Nodes;

namespace EksAdvisories.Tests.Export;

public class OsvExportTests
{
    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    private static JsonElement Osv() => JsonDocument.Parse(Advisory.ToOsvJson()).RootElement.Clone();

    [Fact]
    public void Export_is_valid_against_the_official_OSV_schema()
    {
        var errors = OsvSchemaValidator.Errors(Advisory.ToOsvJson("2026.11.28"));
        Assert.True(errors.Count == 0, "OSV schema errors:\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData("additional root property", "unexpected_field")]
    [InlineData("id without a known prefix", "id")]
    [InlineData("timestamp without Z", "modified")]
    [InlineData("range without introduced", "events")]
    [InlineData("unknown reference type", "reference")]
    public void The_validator_rejects_a_broken_record(string what, string change)
    {
        var node = JsonNode.Parse(Advisory.ToOsvJson())!.AsObject();
        switch (change)
        {
            case "unexpected_field":
                node["unexpected_field"] = 1;
                break;
            case "id":
                node["id"] = "EKSA-2023-0001";
                break;
            case "modified":
                node["modified"] = "2026-11-28T00:00:00+01:00";
                break;
            case "events":
                node["affected"]![0]!["ranges"]![0]!["events"] = new JsonArray(new JsonObject { ["fixed"] = "1.12.5" });
                break;
            case "reference":
                node["references"]![0]!["type"] = "DOCS";
                break;
        }

        Assert.True(OsvSchemaValidator.Errors(node.ToJsonString()).Count > 0, $"the validator accepted a record with {what}");
    }

    [Fact]
    public void Record_names_schema_version_id_and_times()
    {
        var osv = Osv();
        Assert.Equal("1.7.0", osv.GetProperty("schema_version").GetString());
        Assert.Equal("x_EKSA-2023-0001", osv.GetProperty("id").GetString());
        Assert.Equal("2026-12-01T00:00:00Z", osv.GetProperty("modified").GetString());
        Assert.Equal("2023-11-21T00:00:00Z", osv.GetProperty("published").GetString());
        Assert.Equal(Advisory.Title, osv.GetProperty("summary").GetString());
    }

    [Fact]
    public void Affected_package_is_the_upstream_Go_module_with_the_corrected_SEMVER_range()
    {
        var affected = Assert.Single(Osv().GetProperty("affected").EnumerateArray());
        Assert.Equal("Go", affected.GetProperty("package").GetProperty("ecosystem").GetString());
        Assert.Equal("github.com/aws/amazon-vpc-cni-k8s", affected.GetProperty("package").GetProperty("name").GetString());
        var range = Assert.Single(affected.GetProperty("ranges").EnumerateArray());
        Assert.Equal("SEMVER", range.GetProperty("type").GetString());
        Assert.Equal(
            ["{\"introduced\":\"1.11.4-rc1\"}", "{\"fixed\":\"1.12.5\"}"],
            range.GetProperty("events").EnumerateArray().Select(e => e.GetRawText().Replace(" ", "").Replace("\n", "")).ToArray());
        var versions = affected.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).ToArray();
        Assert.Contains("1.11.5", versions);
        Assert.Contains("1.12.2", versions);
        Assert.DoesNotContain("1.11.3", versions);
        Assert.DoesNotContain("1.12.5", versions);
    }

    [Fact]
    public void Ecosystem_specific_explains_eksbuild_versions_and_names_the_fixed_addon_build()
    {
        var addon = Osv().GetProperty("affected")[0].GetProperty("ecosystem_specific").GetProperty("eks_addon");
        Assert.Equal("vpc-cni", addon.GetProperty("name").GetString());
        Assert.False(addon.GetProperty("eksbuild_is_prerelease").GetBoolean());
        Assert.Equal("v1.12.5-eksbuild.1", addon.GetProperty("first_fixed_addon_version").GetString());
        var note = addon.GetProperty("note").GetString()!;
        Assert.Contains("vX.Y.Z-eksbuild.N", note);
        Assert.Contains("not a SemVer pre-release", note);
        Assert.Contains("v1.12.5-eksbuild.1", note);
    }

    [Fact]
    public void References_use_OSV_types_and_DOCS_becomes_WEB()
    {
        var references = Osv().GetProperty("references").EnumerateArray()
            .Select(r => (Type: r.GetProperty("type").GetString()!, Url: r.GetProperty("url").GetString()!)).ToList();
        Assert.Equal(Advisory.References.Count, references.Count);
        Assert.DoesNotContain(references, r => r.Type == "DOCS");
        Assert.Contains(("WEB", "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html"), references);
        Assert.Contains(("FIX", "https://github.com/aws/amazon-vpc-cni-k8s/pull/2210"), references);
        Assert.Contains(("INTRODUCED", "https://github.com/aws/amazon-vpc-cni-k8s/pull/1975"), references);
    }

    [Fact]
    public void Database_specific_keeps_the_published_range_the_corrections_and_the_data_version()
    {
        var db = JsonDocument.Parse(Advisory.ToOsvJson("2026.11.28")).RootElement.GetProperty("database_specific");
        Assert.Equal("EKSA-2023-0001", db.GetProperty("advisory_id").GetString());
        Assert.Equal(3, db.GetProperty("revision").GetInt32());
        Assert.Equal("2026.11.28", db.GetProperty("data_version").GetString());
        Assert.Equal(">=1.11.3 <=1.12.2", db.GetProperty("as_published").GetProperty("range").GetString());
        Assert.Equal("1.12.3", db.GetProperty("as_published").GetProperty("fixed_in").GetString());
        Assert.Equal("1.12.2", db.GetProperty("as_published").GetProperty("events")[1].GetProperty("last_affected").GetString());
        var corrections = db.GetProperty("corrections").EnumerateArray().ToList();
        Assert.Equal(Advisory.Corrections.Count, corrections.Count);
        Assert.All(corrections, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("claim").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("correction").GetString()));
            Assert.True(c.GetProperty("evidence").GetArrayLength() > 0);
        });
        Assert.Equal("1.26", db.GetProperty("mitigation").GetProperty("unsafe_from_kubernetes_version").GetString());
        Assert.False(Osv().GetProperty("database_specific").TryGetProperty("data_version", out _));
    }

    [Fact]
    public void Database_specific_carries_the_release_line_commits_the_detection_signals_and_the_rollback_pitfall()
    {
        var db = Osv().GetProperty("database_specific");

        // The release lines carry their own commits (303d5ed0 and be518f32), not the master ones.
        var lines = db.GetProperty("root_cause").GetProperty("release_lines").EnumerateArray().ToList();
        Assert.Equal(Advisory.RootCause.Commits.Count, lines.Count);
        var commits = string.Join(" ", lines.Select(l => l.GetProperty("introduced_by_commit").GetString() + " " + (l.TryGetProperty("fixed_by_commit", out var f) ? f.GetString() : "")));
        Assert.Contains("303d5ed0", commits, StringComparison.Ordinal);
        Assert.Contains("be518f32", commits, StringComparison.Ordinal);

        var detection = db.GetProperty("detection");
        var metric = Assert.Single(detection.GetProperty("metrics").EnumerateArray());
        Assert.Contains("increaseIPPoolGetENIaddressesFailed", metric.GetProperty("expression").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(metric.GetProperty("does_not_prove").GetString()));
        Assert.Equal(Advisory.Detection.LogSignatures.Count, detection.GetProperty("log_signatures").GetArrayLength());

        var pitfall = Assert.Single(db.GetProperty("mitigation").GetProperty("pitfalls").EnumerateArray());
        Assert.Equal(Advisory.Mitigation.Pitfalls[0].Id, pitfall.GetProperty("id").GetString());
        Assert.Equal(Advisory.Mitigation.Pitfalls[0].Range.ToString(), pitfall.GetProperty("range").GetString());
        Assert.Contains("2321", pitfall.GetProperty("reference").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Details_are_prose_from_root_cause_impact_and_trigger_conditions()
    {
        var details = Osv().GetProperty("details").GetString()!;
        Assert.Contains(Advisory.RootCause.Description, details);
        Assert.Contains(Advisory.Impact, details);
        Assert.All(Advisory.TriggerConditions, t => Assert.Contains("- " + t, details));
        Assert.Contains("Kubernetes 1.26", details);
    }

    [Fact]
    public void Export_is_deterministic_and_uses_LF_line_ends()
    {
        var first = Advisory.ToOsvJson();
        Assert.Equal(first, AdvisoryCatalog.Default.Get("EKSA-2023-0001").ToOsvJson());
        Assert.DoesNotContain("\r", first);
        Assert.Contains("\n  \"id\": \"x_EKSA-2023-0001\"", first);
    }

    [Fact]
    public void Null_advisory_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => AdvisoryExport.ToOsvJson(null!));
        Assert.Throws<ArgumentNullException>(() => AdvisoryExport.ToMarkdown(null!));
        Assert.Throws<ArgumentNullException>(() => AdvisoryExport.ToJson(null!));
    }
}
