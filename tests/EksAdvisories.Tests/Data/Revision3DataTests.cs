namespace EksAdvisories.Tests.Data;

/// <summary>Revision 3 of EKSA-2023-0001: the facts re-checked against the upstream tags (vpc-cni-facts.md, "Revision 3").</summary>
public class Revision3DataTests
{
    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    [Fact]
    public void Commits_are_recorded_per_release_line()
    {
        var lines = Advisory.RootCause.Commits.ToDictionary(c => c.Line);
        Assert.StartsWith("303d5ed0", lines["release-1.11"].IntroducedBy, StringComparison.Ordinal);
        Assert.Null(lines["release-1.11"].FixedBy);
        Assert.StartsWith("be518f32", lines["release-1.12"].FixedBy, StringComparison.Ordinal);
        Assert.Equal("v1.12.5", $"{lines["release-1.12"].FixedFirstTag}");
        Assert.StartsWith("0a9960e1", lines["master"].FixedBy, StringComparison.Ordinal);
        Assert.Equal("v1.13.0", $"{lines["master"].FixedFirstTag}");
    }

    [Fact]
    public void The_root_cause_says_the_request_would_exceed_the_limit_and_every_version_rebuilds_from_imds()
    {
        Assert.DoesNotContain("in fact full", Advisory.RootCause.Description, StringComparison.Ordinal);
        Assert.Contains("would take the ENI over its per-ENI limit", Advisory.RootCause.Description, StringComparison.Ordinal);
        Assert.Contains("Every VPC CNI version rebuilds", Advisory.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("does not heal by itself", Advisory.Impact, StringComparison.Ordinal);
        Assert.Contains("recovers when the pool stops being low for more than 60 seconds", Advisory.Impact, StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_says_what_each_signal_proves_and_the_limit_exceeded_line_is_no_proof_of_an_affected_version()
    {
        Assert.All(Advisory.Detection.LogSignatures, s => Assert.False(string.IsNullOrWhiteSpace(s.Proves) || string.IsNullOrWhiteSpace(s.DoesNotProve), s.Id));
        var swallowed = Advisory.Detection.LogSignatures.Single(s => s.Id == "limit-exceeded-swallowed");
        Assert.Contains("pre-regression (v1.11.3) and fixed code log the same line", swallowed.DoesNotProve, StringComparison.Ordinal);
        var metric = Assert.Single(Advisory.Detection.Metrics);
        Assert.Equal("awscni_ipamd_error_count{fn=\"increaseIPPoolGetENIaddressesFailed\"}", metric.Expression);
    }

    [Theory]
    [InlineData("v1.12.3")]
    [InlineData("v1.12.4-eksbuild.1")]
    public void Under_the_published_text_the_skipped_versions_read_not_affected(string version)
    {
        var verdict = Advisory.Evaluate(version);
        Assert.Equal(AffectedStatus.Unknown, verdict.Status);
        Assert.Equal(AffectedStatus.NotAffected, verdict.AsPublished);
        Assert.Contains("reads not affected", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains(Advisory.AsPublished!.KnownUnaffectedReleases, v => v == verdict.Version!.Release);
    }

    [Fact]
    public void The_v1_11_5_correction_says_the_semver_range_contains_it()
    {
        var correction = Advisory.Corrections.Single(c => c.Field == "affected.releases");
        Assert.Contains("already contains v1.11.5", correction.CorrectedStatement, StringComparison.Ordinal);
        Assert.Contains("release date", correction.CorrectedStatement, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mitigation_records_the_issue_2321_pitfall()
    {
        var pitfall = Assert.Single(Advisory.Mitigation.Pitfalls);
        Assert.Equal(">=1.12.1-rc1", pitfall.Range.ToString());
        Assert.Contains("2321", pitfall.Reference!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(Advisory.Corrections, c => c.Field == "mitigation" && c.CorrectedStatement.Contains("2321", StringComparison.Ordinal));
    }

    [Fact]
    public void The_history_records_revision_3_and_the_changelog_names_it()
    {
        var last = Advisory.History[^1];
        Assert.Equal(3, last.Revision);
        Assert.Equal(Advisory.Modified, last.Date);
        Assert.Contains("EKSA-2023-0001 revision 3", File.ReadAllText(RepositoryPaths.Combine("CHANGELOG.md")), StringComparison.Ordinal);
    }
}
