using System.Text;
using EksAdvisories.Ipamd;
using static EksAdvisories.Tests.Ipamd.Upstream.UpstreamNode;

namespace EksAdvisories.Tests.Ipamd.Upstream;

/// <summary>Duplicates counted once or refused; values no instance type has refused when read, naming file and path.</summary>
public class SnapshotDuplicateAndLimitTests
{
    private static MemoryStream S(string text) => new(Encoding.UTF8.GetBytes(text));

    private static readonly NodeEni Eni0 = new("eni-0a1b2c3d4e5f60718", 0, PrimaryOf(0), Ips(0, 0, 4), Ips(0, 0, 4), Ips(0, 0, 4));
    private static readonly NodeEni Eni1 = new("eni-0b2c3d4e5f6071829", 1, PrimaryOf(1), Ips(1, 0, 9), Ips(1, 0, 5), Ips(1, 0, 5));

    /// <summary>describe-network-interfaces listing the ENIs as given, repeats included (UpstreamNode.Ec2 writes each once).</summary>
    private static string Ec2List(params NodeEni[] enis)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("NetworkInterfaces");
            foreach (var eni in enis) WriteEc2Interface(w, eni);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static NodeSnapshot Read(string ec2, NodeType? type = null, IReadOnlyList<NodeEni>? enis = null)
    {
        enis ??= [Eni0, Eni1];
        type ??= NodeType.M5Large;
        return NodeSnapshot.FromStreams(S(Enis("v1.12.2", enis)), S(Imds(type, enis)), S(ec2), S(InstanceType(type)));
    }

    [Fact]
    public void Identical_duplicate_eni_counts_once_with_a_finding()
    {
        var snapshot = Read(Ec2List(Eni0, Eni1, Eni1));
        Assert.Equal(2, snapshot.NetworkInterfaceCount);
        var report = IpamdReconcileChecker.Check(snapshot);
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.DuplicateInSnapshot && f.EniId == Eni1.Id);
        // Four addresses are missing, not eight.
        Assert.Equal(4, report.Findings.Single(f => f.Code == FindingCodes.DatastoreMissingAddresses).Addresses.Count);
    }

    [Fact]
    public void Conflicting_duplicate_eni_is_refused_naming_both_places()
    {
        var changed = Eni1 with { Ec2 = Ips(1, 0, 8) };
        var e = Assert.Throws<SnapshotException>(() => Read(Ec2List(Eni1, changed)));
        Assert.Equal("ec2-network-interfaces.json", e.FileName);
        Assert.Equal("$.NetworkInterfaces[1]", e.JsonPath);
        Assert.Contains("$.NetworkInterfaces[0]", e.Message);
    }

    [Fact]
    public void Duplicate_address_in_private_ip_addresses_counts_once()
    {
        var ec2 = Ec2([Eni0, Eni1]);
        var address = $"{{\"Primary\":false,\"PrivateIpAddress\":\"{Eni1.Ec2[0]}\"}}";
        ec2 = ec2.Replace(address, address + "," + address, StringComparison.Ordinal);
        var snapshot = Read(ec2);
        Assert.Equal(9, snapshot.Ec2.Single(e => e.Id == Eni1.Id).SecondaryIps.Count);
        Assert.Single(snapshot.Notices);
    }

    [Fact]
    public void Address_listed_as_primary_and_secondary_is_refused()
    {
        var ec2 = Ec2([Eni0, Eni1]).Replace($"\"Primary\":false,\"PrivateIpAddress\":\"{Eni1.Ec2[0]}\"", $"\"Primary\":false,\"PrivateIpAddress\":\"{Eni1.Primary}\"", StringComparison.Ordinal);
        var e = Assert.Throws<SnapshotException>(() => Read(ec2));
        Assert.Contains("primary", e.Message);
    }

    [Fact]
    public void Conflicting_duplicate_in_the_card_keyed_datastore_is_refused()
    {
        var enis = Enis("v1.20.0", [Eni0, Eni1 with { Card = 1 }]);
        var copied = Enis("v1.20.0", [Eni1 with { Datastore = Ips(1, 0, 4) }]);
        var eniJson = copied[copied.IndexOf("\"eni-0b2c", StringComparison.Ordinal)..^3];
        var doc = enis.Insert(enis.IndexOf("\"eni-0a1b", StringComparison.Ordinal), eniJson + ",");
        var e = Assert.Throws<SnapshotException>(() => EnisReader.Read(Encoding.UTF8.GetBytes(doc)));
        Assert.Equal("enis.json", e.FileName);
        Assert.Contains("eni-0b2c3d4e5f6071829", e.Message);
    }

    [Theory]
    [InlineData(2147483647, 3)]
    [InlineData(129, 3)]
    [InlineData(10, 161)]
    public void Limits_no_instance_type_has_are_refused_when_read(int perInterface, int enis)
    {
        var e = Assert.Throws<SnapshotException>(() => Read(Ec2([Eni0, Eni1]), new NodeType("x9.huge", perInterface, enis)));
        Assert.Equal("instance-type.json", e.FileName);
        Assert.StartsWith("$.InstanceTypes[0].NetworkInfo.", e.JsonPath);
        Assert.Contains("80 ENIs", e.Message);
    }

    [Fact]
    public void Per_card_limit_past_any_real_card_is_refused()
    {
        var e = Assert.Throws<SnapshotException>(() => Read(Ec2([Eni0, Eni1]), new NodeType("x9.huge", 50, 100, [49, 51])));
        Assert.Equal("$.InstanceTypes[0].NetworkInfo.NetworkCards[0].MaximumNetworkInterfaces", e.JsonPath);
    }

    [Fact]
    public void More_enis_on_the_node_than_any_instance_has_are_refused()
    {
        var many = Enumerable.Range(0, 161).Select(d => new NodeEni($"eni-{d:x17}", d % 200, $"10.9.{d / 200}.{d % 200 + 1}", [], [], null)).ToList();
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.FromStreams(S(Enis("v1.12.2", [Eni0])), S(Imds(NodeType.M5Large, [Eni0])), S(Ec2(many))));
        Assert.Equal("ec2-network-interfaces.json", e.FileName);
    }
}
