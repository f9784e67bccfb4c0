using System.Text;
using EksAdvisories.Ipamd;
using static EksAdvisories.Tests.Ipamd.Upstream.UpstreamNode;

namespace EksAdvisories.Tests.Ipamd.Upstream;

/// <summary>The readers on every shape upstream serves, each document built from the Go structs of its tag.</summary>
public class UpstreamShapeReaderTests
{
    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    private static NodeEni Primary(int secondaries = 5, int pods = 3)
    {
        var ips = Ips(0, 0, secondaries);
        return new NodeEni("eni-0a1b2c3d4e5f60718", 0, PrimaryOf(0), ips, ips, ips, ips[..pods]);
    }

    private static NodeEni Secondary(int secondaries = 9)
    {
        var ips = Ips(1, 0, secondaries);
        return new NodeEni("eni-0b2c3d4e5f6071829", 1, PrimaryOf(1), ips, ips, ips, ips[..2]);
    }

    // Tags on both sides of each change: v1.9 - v1.19 flat; v1.20.0 keyed by card; RouteTableID from v1.21.0;
    // IsExcludedForPodIPs and SubnetID from v1.22.0; v1.23.0 blanks containerID and ifName.
    [Theory]
    [InlineData("v1.11.3", EnisShape.Flat)]
    [InlineData("v1.12.2", EnisShape.Flat)]
    [InlineData("v1.16.4", EnisShape.Flat)]
    [InlineData("v1.19.6", EnisShape.Flat)]
    [InlineData("v1.20.0", EnisShape.ByNetworkCard)]
    [InlineData("v1.21.0", EnisShape.ByNetworkCard)]
    [InlineData("v1.22.4", EnisShape.ByNetworkCard)]
    [InlineData("v1.23.0", EnisShape.ByNetworkCard)]
    public void Every_upstream_enis_shape_reads_with_the_same_addresses_and_pods(string tag, EnisShape shape)
    {
        var doc = EnisReader.Read(U(Enis(tag, [Primary(), Secondary()])));

        Assert.Equal(shape, doc.Shape);
        Assert.Equal(14, doc.TotalIps);
        Assert.Equal(["eni-0a1b2c3d4e5f60718", "eni-0b2c3d4e5f6071829"], doc.Enis.Select(e => e.Id));
        Assert.Equal(9, doc.Enis[1].Cidrs.Count);
        // v1.23.0 blanks containerID and ifName; networkName still marks the address as a pod's.
        Assert.Equal(3, doc.Enis[0].AssignedAddresses.Count);
        Assert.Equal(2, doc.Enis[1].AssignedAddresses.Count);
    }

    [Theory]
    [InlineData("v1.12.2")]
    [InlineData("v1.19.0")]
    [InlineData("v1.23.0")]
    public void A_consistent_node_in_each_shape_is_in_sync(string tag)
    {
        var report = IpamdReconcileChecker.Check(Snapshot(tag, NodeType.M5Large, [Primary(), Secondary()]));
        Assert.Equal(ReconcileVerdict.InSync, report.Verdict);
    }

    [Fact]
    public void Card_keyed_answer_reads_enis_of_every_card()
    {
        var efa = new NodeEni("eni-0c3d4e5f607182930", 0, PrimaryOf(0, 1), Ips(0, 0, 2, 1), Ips(0, 0, 2, 1), Ips(0, 0, 2, 1), Card: 1, Type: "efa");
        var doc = EnisReader.Read(U(Enis("v1.20.0", [Primary(), efa])));
        Assert.Equal([0, 1], doc.Enis.Select(e => e.NetworkCard));
        Assert.True(doc.Enis[1].IsEfa);
        Assert.Equal(7, doc.TotalIps);
    }

    [Theory]
    [InlineData("v1.12.2")]
    [InlineData("v1.23.0")]
    public void Ipv6_node_counts_past_32_bits_and_is_not_applicable_with_exit_code_zero_semantics(string tag)
    {
        // data_store.go: each /80 adds 2^48 to TotalIPs, so two prefixes overflow any 32-bit count.
        var enis = UpstreamEnisJson.Write(tag,
        [
            new UpstreamEni("eni-0a1b2c3d4e5f60718", 0, [], Ipv6Prefixes: ["2600:1f14:abc:de00:1234::/80", "2600:1f14:abc:de00:5678::/80"]),
        ]);
        var doc = EnisReader.Read(U(enis));
        Assert.Equal(2L << 48, doc.TotalIps);
        Assert.True(doc.HasIpv6);

        var eni = new NodeEni("eni-0a1b2c3d4e5f60718", 0, PrimaryOf(0), [], [], []);
        static MemoryStream S(string text) => new(Encoding.UTF8.GetBytes(text));
        var snapshot = NodeSnapshot.FromStreams(S(enis), S(Imds(NodeType.M5Large, [eni])), S(Ec2([eni])), S(InstanceType(NodeType.M5Large)),
            awsNodeDaemonSet: S(DaemonSet(tag, """[{"name":"ENABLE_IPv6","value":"true"},{"name":"ENABLE_IPv4","value":"false"},{"name":"ENABLE_PREFIX_DELEGATION","value":"true"}]""")));
        var report = IpamdReconcileChecker.Check(snapshot);
        Assert.True(snapshot.IsIpv6);
        Assert.Equal(ReconcileVerdict.NotApplicable, report.Verdict);
        Assert.Contains("IPv6", report.Summary);
    }

    [Fact]
    public void Efa_only_interface_without_ipv4_reads_and_is_left_alone()
    {
        // awsutils.go v1.23.0:757-776: IMDS answers 404 for local-ipv4s, EC2's PrivateIpAddresses is empty.
        var efaOnly = new NodeEni("eni-0e5f60718293a4b5c", 0, null, [], [], null, Card: 1, Type: "efa-only");
        var snapshot = Snapshot("v1.23.0", NodeType.P4d24xlarge, [Primary(), efaOnly]);

        var ec2 = snapshot.Ec2.Single(e => e.Id == efaOnly.Id);
        Assert.Null(ec2.PrimaryIp);
        Assert.Null(snapshot.Imds.Interfaces.Single(i => i.InterfaceId == efaOnly.Id).PrimaryIp);
        var report = IpamdReconcileChecker.Check(snapshot);
        Assert.Equal(ReconcileVerdict.InSync, report.Verdict);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.UnmanagedEni && f.EniId == efaOnly.Id && f.Severity == FindingSeverity.Info);
    }

    [Fact]
    public void Efa_enis_on_cards_1_to_3_of_a_p4d_leave_a_healthy_node_in_sync_and_ipamd_limit_is_card_0s()
    {
        var cards = Enumerable.Range(1, 3)
            .Select(c => new NodeEni($"eni-0{c}d4e5f60718293a4b", 0, PrimaryOf(0, c), [], [], null, Card: c, Type: "efa")).ToList();
        var snapshot = Snapshot("v1.12.2", NodeType.P4d24xlarge, [Primary(), .. cards]);

        Assert.Equal(15, snapshot.Limits!.IpamdEniLimit);
        Assert.Equal(60, snapshot.MaximumNetworkInterfaces);
        var report = IpamdReconcileChecker.Check(snapshot);
        Assert.Equal(ReconcileVerdict.InSync, report.Verdict);
        Assert.True(report.Findings.All(f => f.Severity == FindingSeverity.Info || f.Code == FindingCodes.AffectedVersion), string.Join("\n", report.Findings));
    }

    [Fact]
    public void No_manage_eni_missing_from_the_datastore_is_not_a_finding_against_ipamd()
    {
        var ips = Ips(2, 0, 4);
        var unmanaged = new NodeEni("eni-0f60718293a4b5c6d", 2, PrimaryOf(2), ips, ips, null, NoManage: "true", CreatedByIpamd: false);
        var report = IpamdReconcileChecker.Check(Snapshot("v1.12.2", NodeType.M5Large, [Primary(), unmanaged]));

        Assert.Equal(ReconcileVerdict.InSync, report.Verdict);
        Assert.Single(report.Findings, f => f.Code == FindingCodes.UnmanagedEni && f.EniId == unmanaged.Id);
    }

    [Fact]
    public void Ec2_reader_reads_tags_network_card_and_interface_type()
    {
        var trunk = new NodeEni("eni-0f60718293a4b5c6d", 2, PrimaryOf(2), [], [], null, Type: "trunk", NoManage: "false");
        var enis = Ec2NetworkInterfacesReader.Read(U(Ec2([Primary(), trunk])));
        var read = enis.Single(e => e.Id == trunk.Id);
        Assert.True(read.IsTrunk);
        Assert.Equal("false", read.NoManageTag);
        Assert.False(read.TaggedNoManage);
        Assert.Equal(0, read.NetworkCardIndex);
    }

    [Fact]
    public void Unknown_fields_are_ignored_as_go_ignores_them()
    {
        var enis = Enis("v1.23.0", [Primary()]).Replace("\"SubnetID\"", "\"SomeFieldOfV1_30\":{\"nested\":[1,2]},\"SubnetID\"", StringComparison.Ordinal);
        Assert.Equal(5, EnisReader.Read(U(enis)).TotalIps);
    }
}
