using System.Text.Json;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

public class SampleSnapshotTests
{
    private static NodeSnapshot Sample(string name) => NodeSnapshot.Load(RepositoryPaths.Combine("samples", "snapshots", name));

    [Theory]
    [InlineData("in-sync", ReconcileVerdict.InSync)]
    [InlineData("stuck-affected", ReconcileVerdict.Stuck)]
    [InlineData("stuck-fixed", ReconcileVerdict.Drifted)]
    [InlineData("at-risk", ReconcileVerdict.AtRisk)]
    [InlineData("prefix-delegation", ReconcileVerdict.Stuck)]
    public void Sample_snapshot_gets_its_verdict(string sample, ReconcileVerdict expected)
    {
        var report = IpamdReconcileChecker.Check(Sample(sample));
        Assert.True(expected == report.Verdict, report.ToText());
    }

    [Fact]
    public void Stuck_affected_sample_reports_the_lost_addresses_the_refusal_and_the_log()
    {
        var report = IpamdReconcileChecker.Check(Sample("stuck-affected"));

        Assert.Equal("v1.12.2-eksbuild.1", report.CniVersion);
        Assert.Equal(IpamdBehavior.Affected, report.Behavior);
        Assert.Equal(AffectedStatus.Affected, report.AdvisoryStatus);
        Assert.NotNull(report.Action);
        var missing = Assert.Single(report.Findings, f => f.Code == FindingCodes.DatastoreMissingAddresses);
        Assert.Equal("eni-0b2c3d4e5f6071829", missing.EniId);
        Assert.Equal(["10.0.2.26", "10.0.2.27", "10.0.2.28", "10.0.2.29"], missing.Addresses);
        var refusal = Assert.Single(report.Findings, f => f.Code == FindingCodes.Ec2WouldRefuse);
        Assert.Equal(FindingSeverity.Error, refusal.Severity);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.ImdsStale);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.LogSignatureSeen && f.Message.Contains("PrivateIpAddressLimitExceeded"));
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.AffectedVersion);

        var affected = report.Outcomes.Single(o => o.Behavior == IpamdBehavior.Affected);
        Assert.False(affected.Recovers);
        Assert.Equal(120, affected.AssignPrivateIpAddressesRefused);
        Assert.Equal(0, affected.EnisAttached);
        Assert.Equal(0, affected.ReconcileRuns);
        Assert.Equal(4, affected.MissingAtEnd.Count);

        var fixedOutcome = report.Outcomes.Single(o => o.Behavior == IpamdBehavior.Fixed);
        Assert.True(fixedOutcome.Recovers);
        Assert.Equal(TimeSpan.FromSeconds(5), fixedOutcome.RecoveredAfter);
    }

    [Fact]
    public void Stuck_fixed_sample_recovers_within_one_pool_tick()
    {
        var report = IpamdReconcileChecker.Check(Sample("stuck-fixed"));

        Assert.Equal(IpamdBehavior.Fixed, report.Behavior);
        Assert.Equal(AffectedStatus.NotAffected, report.AdvisoryStatus);
        Assert.Null(report.Action);
        var outcome = report.Outcomes.Single(o => o.Behavior == IpamdBehavior.Fixed);
        Assert.Equal(TimeSpan.FromSeconds(5), outcome.RecoveredAfter);
        Assert.Equal(1, outcome.AssignPrivateIpAddressesRefused);
        Assert.True(outcome.DescribeNetworkInterfacesCalls >= 1);
    }

    [Fact]
    public void At_risk_sample_is_fine_now_but_stuck_after_a_restart_on_its_affected_version()
    {
        var report = IpamdReconcileChecker.Check(Sample("at-risk"));

        Assert.Equal("v1.12.2-eksbuild.1", report.CniVersion);
        Assert.Contains("aws-node-daemonset.json", report.CniVersionSource);
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.DatastoreMissingAddresses);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.ImdsStale && f.EniId == "eni-0b2c3d4e5f6071829");
        Assert.True(report.Outcomes.Single(o => o.Behavior == IpamdBehavior.Affected).Recovers);
        Assert.False(report.RestartOutcomes.Single(o => o.Behavior == IpamdBehavior.Affected).Recovers);
        Assert.True(report.RestartOutcomes.Single(o => o.Behavior == IpamdBehavior.Fixed).Recovers);
    }

    [Fact]
    public void Prefix_delegation_sample_is_read_in_prefix_mode()
    {
        var snapshot = Sample("prefix-delegation");
        Assert.True(snapshot.Settings.PrefixDelegation);
        Assert.Equal(1, snapshot.Settings.WarmPrefixTarget);
        var report = IpamdReconcileChecker.Check(snapshot);
        var missing = Assert.Single(report.Findings, f => f.Code == FindingCodes.DatastoreMissingAddresses);
        Assert.Equal(["10.0.16.112/28", "10.0.16.128/28"], missing.Addresses);
        Assert.True(report.Outcomes.Single(o => o.Behavior == IpamdBehavior.Fixed).Recovers);
    }

    [Fact]
    public void In_sync_sample_has_no_disagreement_findings_and_no_assumptions()
    {
        var report = IpamdReconcileChecker.Check(Sample("in-sync"));
        Assert.DoesNotContain(report.Findings, f => f.Severity >= FindingSeverity.Warning);
        Assert.Empty(report.Assumptions);
        Assert.DoesNotContain(report.MissingParts, p => !p.StartsWith("cni-version.txt", StringComparison.Ordinal));
        Assert.All(report.Outcomes.Concat(report.RestartOutcomes), o => Assert.Equal(TimeSpan.Zero, o.RecoveredAfter));
    }

    [Fact]
    public void Report_renders_as_camel_case_json_with_enums_as_strings()
    {
        var report = IpamdReconcileChecker.Check(Sample("stuck-affected"));
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal("Stuck", root.GetProperty("verdict").GetString());
        Assert.Equal("Affected", root.GetProperty("behavior").GetString());
        Assert.Equal("Affected", root.GetProperty("advisoryStatus").GetString());
        Assert.Equal("IPAMD001", root.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal("Error", root.GetProperty("findings")[0].GetProperty("severity").GetString());
        Assert.Equal(3, root.GetProperty("outcomes").GetArrayLength());
        Assert.Equal("CurrentDatastore", root.GetProperty("outcomes")[0].GetProperty("start").GetString());
        Assert.False(root.TryGetProperty("advisory", out _));
    }

    [Fact]
    public void Report_renders_as_text_with_verdict_findings_and_outcomes()
    {
        var text = IpamdReconcileChecker.Check(Sample("stuck-affected")).ToText();
        Assert.StartsWith("IPAMD reconcile check: Stuck", text);
        Assert.Contains("IPAMD001 eni-0b2c3d4e5f6071829", text);
        Assert.Contains("Model if aws-node restarted now", text);
        Assert.Contains("Action:", text);
    }
}
