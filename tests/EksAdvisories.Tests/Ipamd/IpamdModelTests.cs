using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

/// <summary>
/// The upstream failure sequence replayed on the reference model, on an m5.large (L = 10, maxIPsPerENI = 9, 3 ENIs):
/// EC2 fills eni-1 with 9 secondaries, IMDS lists only 5 of them, aws-node restarts, and 12 pods are running.
/// </summary>
public class IpamdModelTests
{
    private const string Eni0 = "eni-0a1b2c3d4e5f60718";
    private const string Eni1 = "eni-0b2c3d4e5f6071829";
    private static readonly TimeSpan Horizon = TimeSpan.FromMinutes(10);

    /// <summary>Step 1-2: EC2 has 9 secondaries on eni-1, IMDS lists 5; the datastore (before the restart) has all 9.</summary>
    private static NodeSnapshot BeforeRestart(string[]? datastoreEni1 = null, int pods = 12, string? cniVersion = null)
    {
        var eni0 = SyntheticNode.Ips(0, 0, 9);
        var eni1 = SyntheticNode.Ips(1, 0, 9);
        var assigned = eni0.Concat(eni1.Take(3)).Take(pods).ToArray();
        return SyntheticNode.Snapshot(
        [
            new SyntheticEni(Eni0, 0, "10.0.1.10", eni0, eni0, eni0, assigned),
            new SyntheticEni(Eni1, 1, "10.0.2.10", eni1, eni1[..5], datastoreEni1 ?? eni1, assigned),
        ], cniVersion: cniVersion);
    }

    private static BehaviorOutcome Run(NodeSnapshot snapshot, IpamdBehavior behavior, SimulationStart start, TimeSpan? horizon = null)
    {
        var run = IpamdModel.Run(ModelInput.FromSnapshot(snapshot)!, behavior, start, horizon ?? Horizon);
        return new BehaviorOutcome(run, null, () => OutcomeWording.Summarize(run, null));
    }

    [Fact]
    public void Restart_rebuilds_the_datastore_from_stale_imds_and_loses_what_imds_lacks()
    {
        var outcome = Run(BeforeRestart(), IpamdBehavior.Affected, SimulationStart.RestartFromImds, IpamdModel.PoolInterval);
        Assert.Equal([$"{Eni1}:10.0.2.16", $"{Eni1}:10.0.2.17", $"{Eni1}:10.0.2.18", $"{Eni1}:10.0.2.19"], outcome.MissingAtStart);
    }

    [Fact]
    public void Stale_imds_and_restart_gets_stuck_on_affected_ipamd()
    {
        var outcome = Run(BeforeRestart(), IpamdBehavior.Affected, SimulationStart.RestartFromImds);

        Assert.False(outcome.Recovers);
        Assert.Null(outcome.RecoveredAfter);
        // nodeInit's tryAssignCidrs at t = 0 (ipamd.go v1.12.2:574-587), then one wasted AssignPrivateIpAddresses per 5 s
        // tick: 1 + 9 at EC2 + 4 requested > 10, every time.
        Assert.Equal(121, outcome.AssignPrivateIpAddressesCalls);
        Assert.Equal(121, outcome.AssignPrivateIpAddressesRefused);
        // "Pool increased": no ENI although the instance allows a third one, and the reconcile never gets its 60 s.
        Assert.Equal(0, outcome.EnisAttached);
        Assert.Equal(0, outcome.ReconcileRuns);
        Assert.Equal(0, outcome.DescribeNetworkInterfacesCalls);
        Assert.Equal(4, outcome.MissingAtEnd.Count);
    }

    [Fact]
    public void Stale_imds_and_restart_recovers_at_node_init_on_fixed_ipamd()
    {
        // nodeInit's own tryAssignCidrs (ipamd.go v1.12.5:582-586) is refused, and the fixed code reads the ENI from EC2.
        var outcome = Run(BeforeRestart(), IpamdBehavior.Fixed, SimulationStart.RestartFromImds, IpamdModel.PoolInterval);

        Assert.True(outcome.Recovers);
        Assert.Equal(TimeSpan.Zero, outcome.RecoveredAfter);
        Assert.Equal(1, outcome.AssignPrivateIpAddressesRefused);
        Assert.Equal(1, outcome.DescribeNetworkInterfacesCalls);
    }

    [Fact]
    public void Stale_imds_and_restart_recovers_on_pre_regression_ipamd()
    {
        var outcome = Run(BeforeRestart(), IpamdBehavior.PreRegression, SimulationStart.RestartFromImds);
        Assert.True(outcome.Recovers);
        Assert.Equal(TimeSpan.Zero, outcome.RecoveredAfter);
    }

    [Fact]
    public void After_recovery_a_fixed_ipamd_attaches_a_new_eni_when_both_are_full()
    {
        // 18 IPs, 12 pods: 6 free < 9, and neither ENI has room left, so tryAllocateENI runs on the next tick.
        var outcome = Run(BeforeRestart(), IpamdBehavior.Fixed, SimulationStart.RestartFromImds);
        Assert.Equal(1, outcome.EnisAttached);
        Assert.Equal(2, outcome.AssignPrivateIpAddressesCalls);
        Assert.True(outcome.Recovers);
    }

    [Fact]
    public void Ec2_with_room_grants_the_request_and_the_ips_are_added()
    {
        // EC2 holds only the 5 IPs the datastore knows, so the 4 requested fit (1 + 5 + 4 = 10).
        var eni0 = SyntheticNode.Ips(0, 0, 9);
        var eni1 = SyntheticNode.Ips(1, 0, 5);
        var assigned = eni0.Concat(eni1.Take(3)).ToArray();
        var snapshot = SyntheticNode.Snapshot(
        [
            new SyntheticEni(Eni0, 0, "10.0.1.10", eni0, eni0, eni0, assigned),
            new SyntheticEni(Eni1, 1, "10.0.2.10", eni1, eni1, eni1, assigned),
        ]);

        var outcome = Run(snapshot, IpamdBehavior.Affected, SimulationStart.CurrentDatastore, IpamdModel.PoolInterval);

        Assert.Equal(1, outcome.AssignPrivateIpAddressesCalls);
        Assert.Equal(0, outcome.AssignPrivateIpAddressesRefused);
        Assert.True(outcome.Recovers);
        Assert.Equal(ReconcileVerdict.InSync, IpamdReconcileChecker.Check(snapshot).Verdict);
    }

    [Fact]
    public void Reconcile_compares_counts_only_so_a_gap_hidden_by_stale_imds_stays()
    {
        // Only 4 pods: the pool is not low, so no allocation happens and the 60 s reconcile runs; IMDS and the datastore
        // both list 5 IPs of eni-1, so it never asks EC2 and the 4 missing IPs stay missing, whatever the behaviour.
        var snapshot = BeforeRestart(datastoreEni1: SyntheticNode.Ips(1, 0, 5), pods: 4);
        foreach (var behavior in new[] { IpamdBehavior.Affected, IpamdBehavior.Fixed })
        {
            var outcome = Run(snapshot, behavior, SimulationStart.CurrentDatastore);
            Assert.Equal(9, outcome.ReconcileRuns);
            Assert.Equal(0, outcome.DescribeNetworkInterfacesCalls);
            Assert.Equal(0, outcome.AssignPrivateIpAddressesCalls);
            Assert.Equal(4, outcome.MissingAtEnd.Count);
        }
    }

    [Fact]
    public void Reconcile_asks_ec2_when_imds_and_datastore_counts_differ()
    {
        // The datastore has 9 IPs of eni-1 and IMDS 5: the count differs, so each reconcile calls DescribeNetworkInterfaces.
        var outcome = Run(BeforeRestart(pods: 4), IpamdBehavior.Affected, SimulationStart.CurrentDatastore);
        Assert.Equal(9, outcome.ReconcileRuns);
        Assert.Equal(9, outcome.DescribeNetworkInterfacesCalls);
        Assert.True(outcome.Recovers);
    }

    [Fact]
    public void Horizon_bounds_the_simulated_time()
    {
        var outcome = Run(BeforeRestart(), IpamdBehavior.Affected, SimulationStart.RestartFromImds, TimeSpan.FromSeconds(30));
        Assert.Equal(7, outcome.AssignPrivateIpAddressesRefused);
    }

    [Fact]
    public void Warm_ip_target_asks_ec2_for_the_shortfall_only()
    {
        // WARM_IP_TARGET 2 with 1 free IP: short 1, so the request is for 1 IP, which fits even on the stale ENI
        // (1 + 9 + 1 > 10 is refused, but 1 + 8 + 1 = 10 is not).
        var eni0 = SyntheticNode.Ips(0, 0, 9);
        var eni1 = SyntheticNode.Ips(1, 0, 8);
        var assigned = eni0.Concat(eni1.Take(3)).ToArray();
        var snapshot = SyntheticNode.Snapshot(
        [
            new SyntheticEni(Eni0, 0, "10.0.1.10", eni0, eni0, eni0, assigned),
            new SyntheticEni(Eni1, 1, "10.0.2.10", eni1, eni1[..4], eni1[..4], assigned),
        ], envSettings: """{"WARM_IP_TARGET":2,"WARM_ENI_TARGET":1,"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":false}""");

        var outcome = Run(snapshot, IpamdBehavior.Affected, SimulationStart.CurrentDatastore, IpamdModel.PoolInterval);

        Assert.Equal(1, outcome.AssignPrivateIpAddressesCalls);
        Assert.Equal(0, outcome.AssignPrivateIpAddressesRefused);
        Assert.Equal(4, outcome.MissingAtEnd.Count);
    }

    [Fact]
    public void Prefix_delegation_has_the_same_bug_in_try_assign_prefixes()
    {
        string[] prefixes = ["10.0.16.0/28", "10.0.16.16/28", "10.0.16.32/28"];
        var assigned = Enumerable.Range(0, 20).Select(i => $"10.0.16.{i}").ToArray();
        var snapshot = SyntheticNode.Snapshot(
            [new SyntheticEni(Eni0, 0, "10.0.1.10", prefixes, prefixes[..2], prefixes[..2], assigned)],
            limit: 4, maxEnis: 2,
            daemonSetEnv: """[{"name":"ENABLE_PREFIX_DELEGATION","value":"true"},{"name":"WARM_PREFIX_TARGET","value":"1"}]""");
        Assert.True(snapshot.Settings.PrefixDelegation);

        var affected = Run(snapshot, IpamdBehavior.Affected, SimulationStart.CurrentDatastore);
        var fixedOutcome = Run(snapshot, IpamdBehavior.Fixed, SimulationStart.CurrentDatastore);

        Assert.Equal([$"{Eni0}:10.0.16.32/28"], affected.MissingAtEnd);
        Assert.Equal(affected.AssignPrivateIpAddressesCalls, affected.AssignPrivateIpAddressesRefused);
        Assert.Equal(TimeSpan.FromSeconds(5), fixedOutcome.RecoveredAfter);
    }

    [Fact]
    public void Unknown_cni_version_gives_unknown_when_the_behaviours_disagree()
    {
        var report = IpamdReconcileChecker.Check(BeforeRestart(datastoreEni1: SyntheticNode.Ips(1, 0, 5)));
        Assert.Null(report.CniVersion);
        Assert.Null(report.Advisory);
        Assert.Equal(ReconcileVerdict.Unknown, report.Verdict);
        Assert.Contains("Affected → Stuck", report.Summary);
    }

    [Fact]
    public void Unknown_cni_version_gives_a_definite_verdict_when_the_behaviours_agree()
    {
        // The datastore still holds an IP EC2 has released; IMDS is current. Every behaviour's reconcile sees the count
        // differ, asks EC2 and drops it, and a restart rebuilds a correct datastore: all three predict recovery.
        var ips = SyntheticNode.Ips(1, 0, 9);
        var snapshot = SyntheticNode.Snapshot(
            [new SyntheticEni(Eni0, 0, "10.0.1.10", ips, ips, [.. ips, "10.0.2.30"], ips[..2])]);

        var report = IpamdReconcileChecker.Check(snapshot);

        Assert.Null(report.Behavior);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.DatastoreExtraAddresses && f.Addresses.Contains("10.0.2.30"));
        Assert.Equal(ReconcileVerdict.Drifted, report.Verdict);
    }

    [Fact]
    public void A_gap_no_behaviour_asks_about_leaves_the_verdict_to_the_cni_version()
    {
        // No pods: after a restart the pool is never low, and the reconcile finds IMDS and the datastore agreeing on 5 IPs.
        // Only nodeInit's own tryAssignCidrs asks EC2 (ipamd.go v1.12.2:574-587): refused, it is swallowed by the affected
        // code, which keeps the 4 missing IPs and is stuck at its next allocation on eni-1, while the fixed and the
        // pre-regression code read the ENI from EC2 then. So an unknown CNI version gives no definite verdict.
        var report = IpamdReconcileChecker.Check(BeforeRestart(pods: 0));
        Assert.Null(report.Behavior);
        Assert.Equal(4, report.RestartOutcomes.Single(o => o.Behavior == IpamdBehavior.Affected).MissingAtEnd.Count);
        Assert.All(report.RestartOutcomes, o => Assert.Equal(1, o.AssignPrivateIpAddressesRefused));
        Assert.All(report.RestartOutcomes.Where(o => o.Behavior != IpamdBehavior.Affected), o => Assert.Equal(TimeSpan.Zero, o.RecoveredAfter));
        Assert.Equal(ReconcileVerdict.Unknown, report.Verdict);
        Assert.Contains("Affected → AtRisk", report.Summary);
        Assert.Contains("Fixed → Drifted", report.Summary);
    }

    [Theory]
    [InlineData("v1.12.2-eksbuild.1", ReconcileVerdict.AtRisk, "is refused with PrivateIpAddressLimitExceeded")]
    [InlineData("v1.11.5-eksbuild.1", ReconcileVerdict.AtRisk, "swallows the refusal")]
    [InlineData("v1.12.5-eksbuild.1", ReconcileVerdict.Drifted, "reads the ENI from EC2 and adds them")]
    [InlineData("v1.11.3-eksbuild.1", ReconcileVerdict.Drifted, "reads the ENI from EC2 and adds them")]
    public void Missing_addresses_ipamd_has_not_needed_yet_are_at_risk_only_on_affected_code(string cniVersion, ReconcileVerdict expected, string inSummary)
    {
        // Only 4 pods: the pool is not low, so IPAMD makes no allocation and EC2 refuses nothing; the 4 missing IPs of
        // eni-1 block no pod now. The affected code is refused (and stuck) at its next allocation on eni-1; the others recover.
        var report = IpamdReconcileChecker.Check(BeforeRestart(datastoreEni1: SyntheticNode.Ips(1, 0, 5), pods: 4, cniVersion: cniVersion));
        Assert.Equal(expected, report.Verdict);
        Assert.Contains(inSummary, report.Summary);
        Assert.All(report.Outcomes, o => Assert.Equal(0, o.AssignPrivateIpAddressesCalls));
    }

    [Fact]
    public void Missing_instance_type_makes_a_disagreeing_node_unknown_and_says_why()
    {
        var eni1 = SyntheticNode.Ips(1, 0, 9);
        var snapshot = NodeSnapshot.FromStreams(
            Stream(SyntheticNode.Enis([new SyntheticEni(Eni1, 0, "10.0.2.10", eni1, eni1, eni1[..5])])),
            Stream(SyntheticNode.Imds([new SyntheticEni(Eni1, 0, "10.0.2.10", eni1, eni1, eni1[..5])])),
            Stream(SyntheticNode.Ec2([new SyntheticEni(Eni1, 0, "10.0.2.10", eni1, eni1, eni1[..5])])),
            cniVersion: Stream("v1.12.2-eksbuild.1"));

        var report = IpamdReconcileChecker.Check(snapshot);

        Assert.Equal(ReconcileVerdict.Unknown, report.Verdict);
        Assert.Contains("instance-type.json", report.Summary);
        Assert.Contains(report.MissingParts, p => p.StartsWith("instance-type.json", StringComparison.Ordinal));
        Assert.Empty(report.Outcomes);
    }

    [Fact]
    public void Cni_version_override_wins_and_picks_the_behaviour()
    {
        var snapshot = BeforeRestart(datastoreEni1: SyntheticNode.Ips(1, 0, 5), cniVersion: "v1.12.2-eksbuild.1");
        Assert.Equal(ReconcileVerdict.Stuck, IpamdReconcileChecker.Check(snapshot).Verdict);
        var report = IpamdReconcileChecker.Check(snapshot, new ReconcileCheckOptions { CniVersionOverride = "v1.12.6-eksbuild.2", KubernetesVersion = "1.27" });
        Assert.Equal(IpamdBehavior.Fixed, report.Behavior);
        Assert.Equal(ReconcileVerdict.Drifted, report.Verdict);
    }

    [Theory]
    [InlineData("v1.11.3", IpamdBehavior.PreRegression)]
    [InlineData("v1.11.4-rc1", IpamdBehavior.Affected)]
    [InlineData("v1.11.5-eksbuild.1", IpamdBehavior.Affected)]
    [InlineData("v1.12.2-eksbuild.1", IpamdBehavior.Affected)]
    [InlineData("v1.12.5-eksbuild.1", IpamdBehavior.Fixed)]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.13.4-eksbuild.1", IpamdBehavior.Fixed)]
    [InlineData("v1.10", IpamdBehavior.PreRegression)]
    [InlineData("v1.12", null)]
    [InlineData("v1.12.3", null)]
    public void Cni_version_maps_to_its_ipamd_behaviour(string version, IpamdBehavior? expected)
    {
        var advisory = AdvisoryCatalog.Default.Get(ReconcileCheckOptions.ReconcileAdvisoryId);
        Assert.Equal(expected, AdvisoryBehaviors.ForVersion(advisory, ComponentVersion.Parse(version), out var reason));
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void Horizon_outside_its_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconcileCheckOptions { Horizon = TimeSpan.FromSeconds(1) });
    }

    private static MemoryStream Stream(string text) => new(System.Text.Encoding.UTF8.GetBytes(text));
}
