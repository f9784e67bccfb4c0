using CsCheck;
using EksAdvisories.Ipamd;
using static EksAdvisories.Tests.Ipamd.Upstream.UpstreamNode;

namespace EksAdvisories.Tests.Ipamd.Upstream;

/// <summary>Properties over nodes in every shape upstream serves, v1.11 - v1.23.</summary>
public class UpstreamPropertyTests
{
    private static readonly string[] Tags =
        ["v1.11.3", "v1.11.4", "v1.11.5", "v1.12.0", "v1.12.2", "v1.12.5", "v1.12.6", "v1.13.4", "v1.15.5", "v1.16.2", "v1.16.3", "v1.16.4", "v1.18.6", "v1.19.0", "v1.19.6", "v1.20.0", "v1.21.2", "v1.22.4", "v1.23.0"];

    private static readonly string[] FixedTags = Tags.Where(t => ComponentVersion.Parse(t) >= ComponentVersion.Parse("1.12.5")).ToArray();

    /// <summary>aws-node env values, Go-readable or replaced by Go with its default: none of them may make a snapshot unreadable.</summary>
    private static readonly string[] EnvValues = ["1", "0", "2", "t", "T", "TRUE", "false", "", " 1", "-1", "five", "+3", "007", "yes"];

    private static readonly string[] EnvNames = ["WARM_ENI_TARGET", "WARM_IP_TARGET", "MINIMUM_IP_TARGET", "WARM_PREFIX_TARGET", "MAX_ENI", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "ENABLE_POD_ENI"];

    private static readonly Gen<string> EnvGen =
        Gen.Select(Gen.Int[0, EnvNames.Length - 1], Gen.Int[0, EnvValues.Length - 1]).Array[0, 4]
            .Select(pairs => "[" + string.Join(",", pairs.DistinctBy(p => p.Item1).Select(p => $$"""{"name":"{{EnvNames[p.Item1]}}","value":"{{EnvValues[p.Item2]}}"}""")) + "]");

    /// <summary>Per ENI: EC2's secondaries (0..9 on an m5.large), how many IMDS and the datastore know (first n), and pods.</summary>
    private static readonly Gen<(int Ec2, int Imds, int Datastore, int Pods)> EniGen =
        Gen.Int[0, 9].SelectMany(ec2 => Gen.Select(Gen.Int[0, ec2], Gen.Int[0, ec2]).SelectMany((imds, ds) => Gen.Int[0, ds].Select(pods => (ec2, imds, ds, pods))));

    private static List<NodeEni> Node(IEnumerable<(int Ec2, int Imds, int Datastore, int Pods)> enis) =>
        enis.Select((e, device) =>
        {
            var ips = Ips(device, 0, e.Ec2);
            return new NodeEni($"eni-0a1b2c3d4e5f6071{device}", device, PrimaryOf(device), ips, ips[..e.Imds], ips[..e.Datastore], ips[..e.Pods]);
        }).ToList();

    [Fact]
    public void A_consistent_snapshot_is_in_sync_for_every_version_and_shape()
    {
        var consistent = Gen.Int[0, 9].SelectMany(ips => Gen.Int[0, ips].Select(pods => (ips, ips, ips, pods)));
        Gen.Select(Gen.Int[0, Tags.Length - 1], consistent.Array[1, 3], EnvGen).Sample((tag, enis, env) =>
        {
            var report = IpamdReconcileChecker.Check(Snapshot(Tags[tag], NodeType.M5Large, Node(enis), env));
            Assert.Equal(ReconcileVerdict.InSync, report.Verdict);
        }, iter: 300);
    }

    [Fact]
    public void No_snapshot_in_a_shape_upstream_serves_is_refused()
    {
        Gen.Select(Gen.Int[0, Tags.Length - 1], EniGen.Array[1, 3], EnvGen, Gen.Bool).Sample((tag, enis, env, withDaemonSet) =>
        {
            var snapshot = Snapshot(Tags[tag], NodeType.M5Large, Node(enis), withDaemonSet ? env : null);
            var report = IpamdReconcileChecker.Check(snapshot);
            Assert.True(Enum.IsDefined(report.Verdict));
            // Unknown only where the version is unknown and the behaviours disagree; never an exception.
            if (withDaemonSet) Assert.NotEqual(ReconcileVerdict.Unknown, report.Verdict);
            Assert.NotEmpty(report.ToJson());
        }, iter: 300);
    }

    [Fact]
    public void A_fixed_node_is_never_stuck_after_a_refusal_it_recovers_from()
    {
        // Stale views of every kind; the pool low or not. Fixed code reads the ENI from EC2 on the refusal
        // (ipamd.go v1.12.5 tryAssignIPs 955-963), so refusals never persist.
        Gen.Select(Gen.Int[0, FixedTags.Length - 1], EniGen.Array[1, 3], EnvGen).Sample((tag, enis, env) =>
        {
            var report = IpamdReconcileChecker.Check(Snapshot(FixedTags[tag], NodeType.M5Large, Node(enis), env));
            Assert.Equal(IpamdBehavior.Fixed, report.Behavior);
            Assert.NotEqual(ReconcileVerdict.Stuck, report.Verdict);
            Assert.All(report.Outcomes.Concat(report.RestartOutcomes).Where(o => o.Behavior == IpamdBehavior.Fixed), o => Assert.Empty(o.EnisRefusedToTheEnd));
        }, iter: 300);
    }

    [Fact]
    public void An_affected_run_without_a_refusal_is_the_fixed_run()
    {
        // The checker reuses such a run for the fixed behaviour instead of running it again; this holds it to the model.
        var compared = 0;
        SampleModelInputs(input =>
        {
            foreach (var start in new[] { SimulationStart.CurrentDatastore, SimulationStart.RestartFromImds })
            {
                var affected = IpamdModel.Run(input, IpamdBehavior.Affected, start, TimeSpan.FromMinutes(10));
                if (affected.AssignRefused > 0) continue;
                var fixedRun = IpamdModel.Run(input, IpamdBehavior.Fixed, start, TimeSpan.FromMinutes(10));
                Assert.Equal(RunFacts(affected), RunFacts(fixedRun));
                compared++;
            }
        }, iter: 300);
        Assert.True(compared > 100, $"only {compared} refusal-free runs were compared");
    }

    [Fact]
    public void An_affected_run_without_an_assign_call_is_the_pre_regression_run()
    {
        // The checker reuses such a run for the pre-regression behaviour too (it differs only at an AssignPrivateIpAddresses
        // call: the read after a grant, ipamd.go v1.11.3:946); this holds that to the model, best choice included.
        var compared = 0;
        SampleModelInputs(input =>
        {
            foreach (var start in new[] { SimulationStart.CurrentDatastore, SimulationStart.RestartFromImds })
            {
                var affected = IpamdModel.Run(input, IpamdBehavior.Affected, start, TimeSpan.FromMinutes(10));
                if (affected.AssignCalls > 0) continue;
                var before = IpamdModel.Run(input, IpamdBehavior.PreRegression, start, TimeSpan.FromMinutes(10));
                Assert.Equal(RunFacts(affected), RunFacts(before));
                Assert.False(before.ChoiceMattered);
                compared++;
            }
        }, iter: 1500);
        Assert.True(compared > 100, $"only {compared} call-free runs were compared");
    }

    [Fact]
    public void Counting_repeated_ticks_gives_the_run_of_every_tick()
    {
        // The model counts the ticks that repeat the previous one (a refusal swallowed again, a reconcile that changes
        // nothing, a quiet tick before the next reconcile) instead of running them; this holds that to running all 120.
        var compared = 0;
        SampleModelInputs(input =>
        {
            foreach (var behavior in AdvisoryBehaviors.All)
            {
                foreach (var start in new[] { SimulationStart.CurrentDatastore, SimulationStart.RestartFromImds })
                {
                    foreach (var choice in new[] { EniChoice.Worst, EniChoice.Best })
                    {
                        var counted = IpamdModel.Run(input, behavior, start, TimeSpan.FromMinutes(10), choice);
                        var ticked = IpamdModel.Run(input, behavior, start, TimeSpan.FromMinutes(10), choice, countRepeats: false);
                        Assert.Equal(RunFacts(ticked), RunFacts(counted));
                        compared++;
                    }
                }
            }
        }, iter: 300);
        Assert.True(compared > 1000, $"only {compared} runs were compared");
    }

    /// <summary>The model's starting points of random nodes on every tag, in every shape the generators make.</summary>
    private static void SampleModelInputs(Action<ModelInput> check, int iter) =>
        Gen.Select(Gen.Int[0, Tags.Length - 1], EniGen.Array[1, 3], EnvGen).Sample((tag, enis, env) =>
        {
            var snapshot = Snapshot(Tags[tag], NodeType.M5Large, Node(enis), env);
            if (ModelInput.FromSnapshot(snapshot, UpstreamMechanics.For(snapshot.CniVersion, [])) is { } input) check(input);
        }, iter: iter);

    private static string RunFacts(ModelRun r) => string.Join("|", r.RecoveredAfter, r.AssignCalls, r.AssignRefused, r.DescribeCalls, r.EnisAttached, r.ReconcileRuns,
        r.ChoiceMattered, string.Join(",", r.MissingAtStart), string.Join(",", r.MissingAtEnd), string.Join(",", r.RefusedToTheEnd));
}
