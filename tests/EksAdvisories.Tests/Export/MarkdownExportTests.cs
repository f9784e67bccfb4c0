namespace EksAdvisories.Tests.Export;

public class MarkdownExportTests
{
    private static readonly string Markdown = AdvisoryCatalog.Default.Get("EKSA-2023-0001").ToMarkdown();

    [Theory]
    [InlineData("# EKSA-2023-0001: ")]
    [InlineData("## Affected versions")]
    [InlineData("## Root cause")]
    [InlineData("## Impact")]
    [InlineData("## Trigger conditions")]
    [InlineData("## Remediation")]
    [InlineData("## Mitigation")]
    [InlineData("## Detection")]
    [InlineData("## Glossary")]
    [InlineData("## References")]
    [InlineData("## Corrections to the advisory as published")]
    [InlineData("## History")]
    public void Document_has_every_section(string heading) =>
        Assert.Contains("\n" + heading, "\n" + Markdown);

    [Fact]
    public void Corrected_and_published_ranges_stand_side_by_side()
    {
        Assert.Contains("| **corrected** | `>=1.11.4-rc1 <1.12.5` | v1.12.5 |", Markdown);
        Assert.Contains("| as published | `>=1.11.3 <=1.12.2` | v1.12.3 | v1.11.3 |", Markdown);
    }

    [Theory]
    [InlineData("| v1.11.3 | not affected | affected | the published range is wrong here |")]
    [InlineData("| v1.11.5 | **affected** | affected |  |")]
    [InlineData("| v1.12.2 | **affected** | affected |  |")]
    [InlineData("| v1.12.3 | never released |")]
    [InlineData("| v1.12.5 | not affected | not affected |  |")]
    public void Known_releases_table_shows_both_answers(string row) => Assert.Contains(row, Markdown);

    [Fact]
    public void Release_table_is_in_version_order()
    {
        var rows = Markdown.Split('\n').Where(l => l.StartsWith("| v1.", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(["v1.11.2", "v1.11.3", "v1.11.4-rc1", "v1.11.4", "v1.11.5", "v1.12.0", "v1.12.1-rc1", "v1.12.1-rc2", "v1.12.1-rc3",
            "v1.12.1", "v1.12.2", "v1.12.3", "v1.12.4", "v1.12.5", "v1.12.6", "v1.13.0"], rows);
    }

    [Fact]
    public void Mitigation_carries_the_Kubernetes_126_caveat()
    {
        var mitigation = Section("## Mitigation");
        Assert.Contains("> **Not on Kubernetes 1.26 or later.**", mitigation);
        Assert.Contains("v1.11.3", mitigation);
        Assert.Contains("CRI v1alpha2", mitigation);
    }

    [Fact]
    public void Glossary_separates_IPAMD_from_VPC_IPAM()
    {
        var glossary = Section("## Glossary");
        Assert.Contains("- **IPAMD**: The IP address management daemon", glossary);
        Assert.Contains("- **IPAM (Amazon VPC IP Address Manager)**:", glossary);
        Assert.Contains("nothing to do with IPAMD", glossary);
    }

    [Fact]
    public void Detection_lists_the_log_signatures()
    {
        var detection = Section("## Detection");
        Assert.Contains("| `AssignPrivateIpAddresses returned PrivateIpAddressLimitExceeded` |", detection);
        Assert.Contains("| `DataStore has no available IP/Prefix addresses` |", detection);
    }

    [Fact]
    public void Remediation_names_the_first_fixed_release_and_addon_builds()
    {
        var remediation = Section("## Remediation");
        Assert.Contains("First fixed release: **v1.12.5**", remediation);
        Assert.Contains("`v1.12.5-eksbuild.1`", remediation);
        Assert.Contains("`v1.12.6-eksbuild.2`", remediation);
        Assert.Contains("v1.12.3 and v1.12.4 were never released", remediation);
    }

    [Fact]
    public void Document_uses_LF_line_ends_and_is_deterministic()
    {
        Assert.DoesNotContain("\r", Markdown);
        Assert.Equal(Markdown, AdvisoryCatalog.Default.Get("EKSA-2023-0001").ToMarkdown());
    }

    private static string Section(string heading)
    {
        var start = Markdown.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading + " not found");
        var end = Markdown.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? Markdown[start..] : Markdown[start..end];
    }
}
