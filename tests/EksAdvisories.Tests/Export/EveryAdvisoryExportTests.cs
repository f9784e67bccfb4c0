using System.Text;
using System.Text.Json;

namespace EksAdvisories.Tests.Export;

/// <summary>Every advisory of the catalog through every exporter, including those with no published text to correct.</summary>
public class EveryAdvisoryExportTests
{
    public static TheoryData<string> Ids() => [.. AdvisoryCatalog.Default.Advisories.Select(a => a.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_osv_record_is_valid_against_the_official_schema(string id)
    {
        var osv = AdvisoryCatalog.Default.Get(id).ToOsvJson(AdvisoryCatalog.Default.DataVersion);
        var errors = OsvSchemaValidator.Errors(osv);
        Assert.True(errors.Count == 0, id + ": OSV schema errors:\n" + string.Join("\n", errors));
        Assert.Equal("x_" + id, JsonDocument.Parse(osv).RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Markdown_names_the_range_and_mentions_corrections_only_where_there_are_some(string id)
    {
        var advisory = AdvisoryCatalog.Default.Get(id);
        var markdown = advisory.ToMarkdown();
        Assert.StartsWith($"# {id}: ", markdown, StringComparison.Ordinal);
        Assert.Contains(advisory.Affected.Range.ToString(), markdown, StringComparison.Ordinal);
        Assert.Equal(advisory.Corrections.Count > 0, markdown.Contains("Corrections", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_data_format_export_reads_back_with_its_conditions(string id)
    {
        var advisory = AdvisoryCatalog.Default.Get(id);
        var back = Assert.Single(AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(advisory.ToJson())), "export").Advisories);
        Assert.Equal(advisory.Conditions.Select(c => c.ToString()), back.Conditions.Select(c => c.ToString()));
        Assert.Equal(advisory.Affected.Range.ToString(), back.Affected.Range.ToString());
        Assert.Equal(advisory.RootCause.Commits.Count, back.RootCause.Commits.Count);
    }

    [Fact]
    public void The_v1_22_advisory_records_its_conditions_and_the_unclear_v1_22_0()
    {
        var advisory = AdvisoryCatalog.Default.Get("EKSA-2026-0001");
        Assert.Equal(["subnet-discovery-enabled", "resource-provisioning-enabled", "imds-only-mode-off", "custom-networking-off", "iam-allows-describe-security-groups"], advisory.Conditions.Select(c => c.Id));
        Assert.Equal(">=1.22.1 <1.22.2", advisory.Conditions.Single(c => c.Id == "custom-networking-off").AppliesTo!.ToString());
        var file = File.ReadAllText(Path.Combine(RepositoryPaths.Advisories, "EKSA-2026-0001.json"));
        Assert.Contains("\"uncertainReleases\"", file, StringComparison.Ordinal);
        Assert.Null(advisory.AsPublished);
    }
}
