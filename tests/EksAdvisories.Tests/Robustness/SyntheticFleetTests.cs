using EksAdvisories.Benchmarks;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Robustness;

/// <summary>The checker benchmarks measure the mix they claim: generated nodes get the verdicts their kind promises.</summary>
public class SyntheticFleetTests
{
    [Fact]
    public void Generated_nodes_get_the_verdict_of_their_kind()
    {
        for (var node = 0; node < 30; node++)
        {
            var report = IpamdReconcileChecker.Check(SyntheticFleet.Snapshot(node));
            var expected = SyntheticFleet.KindOf(node) switch
            {
                FleetNodeKind.InSync => ReconcileVerdict.InSync,
                FleetNodeKind.Drifted => ReconcileVerdict.Drifted,
                _ => ReconcileVerdict.Stuck,
            };
            Assert.True(expected == report.Verdict, $"node {node} ({SyntheticFleet.KindOf(node)}, {SyntheticFleet.CniVersionOf(node)}): {report.Verdict}: {report.Summary}");
            Assert.Equal("m5.4xlarge", report.InstanceType);
            Assert.Equal(SyntheticFleet.PerEniLimit, report.Ipv4AddressesPerInterface);
        }
    }

    [Fact]
    public void The_same_node_number_gives_the_same_documents()
    {
        Assert.Equal(SyntheticFleet.Documents(4_321).Enis, SyntheticFleet.Documents(4_321).Enis);
        Assert.NotEqual(SyntheticFleet.Documents(4_321).Imds, SyntheticFleet.Documents(4_322).Imds);
    }
}
