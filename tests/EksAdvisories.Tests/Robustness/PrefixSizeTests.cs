using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Robustness;

/// <summary>
/// Blocks other than /32 and /28 are refused by file, path and value: before, two /1 datastore blocks (2^31 addresses
/// each) overflowed the model's address count and escaped Check as an OverflowException.
/// </summary>
public sealed class PrefixSizeTests : IDisposable
{
    private readonly SampleSnapshotCopy _snapshot = new("prefix-delegation");
    private readonly string _dir;

    public PrefixSizeTests() => _dir = _snapshot.Directory;

    public void Dispose() => _snapshot.Dispose();

    [Theory]
    [InlineData("enis.json", """{"TotalIPs":0,"AssignedIPs":0,"ENIs":{"eni-1":{"DeviceNumber":0,"AvailableIPv4Cidrs":{"0.0.0.0/1":{"Cidr":{"IP":"0.0.0.0","Mask":"gAAAAA=="},"IsPrefix":true},"128.0.0.0/1":{"Cidr":{"IP":"128.0.0.0","Mask":"gAAAAA=="},"IsPrefix":true}}}}}""", "$.ENIs['eni-1'].AvailableIPv4Cidrs['0.0.0.0/1'].Cidr.Mask", "/1")]
    [InlineData("enis.json", """{"TotalIPs":0,"AssignedIPs":0,"ENIs":{"eni-1":{"DeviceNumber":0,"AvailableIPv4Cidrs":{"10.0.0.0/24":{"Cidr":{"IP":"10.0.0.0","Mask":"////AA=="},"IsPrefix":true}}}}}""", "$.ENIs['eni-1'].AvailableIPv4Cidrs['10.0.0.0/24'].Cidr.Mask", "/24")]
    [InlineData("ec2-network-interfaces.json", """{"NetworkInterfaces":[{"NetworkInterfaceId":"eni-1","MacAddress":"02:4f:7a:10:00:01","PrivateIpAddresses":[{"Primary":true,"PrivateIpAddress":"10.0.1.10"}],"Ipv4Prefixes":[{"Ipv4Prefix":"10.0.0.0/8"}]}]}""", "$.NetworkInterfaces[0].Ipv4Prefixes[0].Ipv4Prefix", "10.0.0.0/8")]
    public void A_block_that_is_neither_an_ip_nor_a_28_prefix_is_refused(string file, string content, string path, string quoted)
    {
        File.WriteAllText(Path.Combine(_dir, file), content);
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal(file, e.FileName);
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(quoted, e.Message);
        Assert.Contains("/28", e.Message);
    }

    [Fact]
    public void An_imds_prefix_that_is_not_a_28_is_refused()
    {
        var path = Path.Combine(_dir, "imds.json");
        var text = File.ReadAllText(path);
        var start = text.IndexOf("/28", StringComparison.Ordinal);
        File.WriteAllText(path, text[..start] + "/27" + text[(start + 3)..]);
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal("imds.json", e.FileName);
        Assert.Contains("/27' is not a /28 IPv4 prefix", e.Message);
    }
}
