using CsCheck;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

public class ConsistentSnapshotPropertyTests
{
    private static readonly string?[] Versions = [null, "v1.11.3", "v1.12.2-eksbuild.1", "v1.11.5-eksbuild.1", "v1.12.6-eksbuild.2"];

    [Fact]
    public void Snapshot_where_imds_ec2_and_datastore_agree_is_in_sync_never_stuck()
    {
        // Per ENI: how many secondary IPs (0..9 on an m5.large) and how many of them pods use.
        var eniGen = Gen.Int[0, 9].SelectMany(ips => Gen.Int[0, ips].Select(used => (Ips: ips, Used: used)));
        var nodeGen = Gen.Select(eniGen.Array[1, 3], Gen.Int[0, Versions.Length - 1]);

        nodeGen.Sample(node =>
        {
            var (enis, versionIndex) = node;
            var synthetic = enis.Select((e, device) =>
            {
                var ips = SyntheticNode.Ips(device, 0, e.Ips);
                return new SyntheticEni($"eni-0a1b2c3d4e5f6071{device}", device, $"10.0.{device + 1}.10", ips, ips, ips, ips[..e.Used]);
            }).ToList();

            var report = IpamdReconcileChecker.Check(SyntheticNode.Snapshot(synthetic, cniVersion: Versions[versionIndex]));

            Assert.Equal(ReconcileVerdict.InSync, report.Verdict);
            Assert.NotEqual(ReconcileVerdict.Stuck, report.Verdict);
            Assert.All(report.Outcomes.Concat(report.RestartOutcomes), o => Assert.True(o.Recovers));
        }, iter: 150);
    }
}
