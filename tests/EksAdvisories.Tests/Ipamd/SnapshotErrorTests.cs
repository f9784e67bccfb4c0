using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

/// <summary>Every bad input becomes one <see cref="SnapshotException"/> naming the file, the JSON path and the value.</summary>
public sealed class SnapshotErrorTests : IDisposable
{
    private readonly SampleSnapshotCopy _snapshot = new("in-sync");
    private readonly string _dir;

    public SnapshotErrorTests() => _dir = _snapshot.Directory;

    public void Dispose() => _snapshot.Dispose();

    private SnapshotException LoadWith(string file, string content)
    {
        File.WriteAllText(Path.Combine(_dir, file), content);
        return Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
    }

    [Theory]
    [InlineData("enis.json", "{\"TotalIPs\":18,", null, "not valid JSON")]
    [InlineData("enis.json", "[]", "$", "expected an object")]
    [InlineData("enis.json", "{\"TotalIPs\":\"18\",\"AssignedIPs\":0}", "$.TotalIPs", "the string \"18\"")]
    [InlineData("enis.json", "{\"AssignedIPs\":0}", "$.TotalIPs", "missing")]
    [InlineData("enis.json", "{\"TotalIPs\":1,\"AssignedIPs\":0,\"ENIs\":{\"eni-1\":{\"DeviceNumber\":0,\"AvailableIPv4Cidrs\":{\"10.0.1.5/32\":{\"Cidr\":{\"IP\":\"10.0.1.5\",\"Mask\":\"//8=\"}}}}}}", "$.ENIs['eni-1'].AvailableIPv4Cidrs['10.0.1.5/32'].Cidr.Mask", "\"//8=\"")]
    [InlineData("enis.json", "{\"TotalIPs\":1,\"AssignedIPs\":0,\"ENIs\":{\"eni-1\":{\"DeviceNumber\":0,\"AvailableIPv4Cidrs\":{\"10.0.1.5/32\":{\"Cidr\":{\"IP\":\"10.0.1.500\",\"Mask\":\"/////w==\"}}}}}}", "$.ENIs['eni-1'].AvailableIPv4Cidrs['10.0.1.5/32'].Cidr.IP", "10.0.1.500")]
    [InlineData("imds.json", "{\"network/interfaces/macs\":7}", "$['network/interfaces/macs']", "the number 7")]
    [InlineData("imds.json", "{\"mac\":\"02:4f:7a:10:00:01\"}", "$['network/interfaces/macs']", "missing")]
    [InlineData("imds.json", "{\"network/interfaces/macs\":\"02:4f:7a:10:00:01/\",\"network/interfaces/macs/02:4f:7a:10:00:01/interface-id\":\"eni-0a1b2c3d4e5f60718\",\"network/interfaces/macs/02:4f:7a:10:00:01/device-number\":\"0\",\"network/interfaces/macs/02:4f:7a:10:00:01/local-ipv4s\":\"10.0.1.10\\nnot-an-ip\"}", "$['network/interfaces/macs/02:4f:7a:10:00:01/local-ipv4s']", "not-an-ip")]
    [InlineData("ec2-network-interfaces.json", "{\"NetworkInterfaces\":{}}", "$.NetworkInterfaces", "expected an array")]
    [InlineData("ec2-network-interfaces.json", "{\"NetworkInterfaces\":[{\"NetworkInterfaceId\":\"eni-0a1b2c3d4e5f60718\",\"MacAddress\":\"02:4f:7a:10:00:01\",\"PrivateIpAddresses\":[{\"Primary\":false,\"PrivateIpAddress\":\"10.0.1.10\"}]}]}", "$.NetworkInterfaces[0].PrivateIpAddresses", "Primary")]
    [InlineData("ec2-network-interfaces.json", "{\"NetworkInterfaces\":[{\"NetworkInterfaceId\":\"eni-0a1b2c3d4e5f60718\",\"MacAddress\":\"02:4f:7a:10:00:01\",\"PrivateIpAddresses\":[{\"Primary\":true,\"PrivateIpAddress\":\"10.0.1.10\"}],\"Ipv4Prefixes\":[{\"Ipv4Prefix\":\"10.0.16.3/28\"}]}]}", "$.NetworkInterfaces[0].Ipv4Prefixes[0].Ipv4Prefix", "10.0.16.3/28")]
    [InlineData("instance-type.json", "{\"InstanceTypes\":[]}", "$.InstanceTypes", "empty")]
    [InlineData("instance-type.json", "{\"InstanceTypes\":[{\"InstanceType\":\"m5.large\",\"NetworkInfo\":{\"MaximumNetworkInterfaces\":3,\"Ipv4AddressesPerInterface\":\"10\"}}]}", "$.InstanceTypes[0].NetworkInfo.Ipv4AddressesPerInterface", "\"10\"")]
    [InlineData("ipamd-env-settings.json", "{\"WARM_IP_TARGET\":\"five\"}", "$.WARM_IP_TARGET", "\"five\"")]
    [InlineData("ipamd-env-settings.json", "{\"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG\":1}", "$.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "true or false")]
    [InlineData("aws-node-daemonset.json", "{\"kind\":\"DaemonSet\",\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"kube-proxy\",\"image\":\"x\"}]}}}}", "$.spec.template.spec.containers", "aws-node")]
    [InlineData("aws-node-daemonset.json", "{\"kind\":\"List\",\"items\":[]}", "$.kind", "DaemonSet")]
    public void Bad_file_content_names_the_file_the_path_and_the_value(string file, string content, string? path, string quoted)
    {
        var e = LoadWith(file, content);
        Assert.Equal(file, e.FileName);
        Assert.Equal(path, e.JsonPath);
        Assert.StartsWith(file, e.Message);
        Assert.Contains(quoted, e.Message);
        Assert.Contains("expected", e.Message);
    }

    [Theory]
    [InlineData("enis.json")]
    [InlineData("imds.json")]
    [InlineData("ec2-network-interfaces.json")]
    public void Missing_required_file_names_it(string file)
    {
        File.Delete(Path.Combine(_dir, file));
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal(file, e.FileName);
        Assert.Contains("required file is missing", e.Message);
    }

    [Fact]
    public void Missing_directory_is_a_snapshot_exception()
    {
        var missing = Path.Combine(_dir, "nope");
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(missing));
        Assert.Equal(missing, e.FileName);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void A_file_given_as_the_folder_is_called_a_file_not_a_missing_directory()
    {
        var file = Path.Combine(_dir, "imds.json");
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(file));
        Assert.Equal(file, e.FileName);
        Assert.Contains("this is a file, not a directory", e.Message);
    }

    [Theory]
    [InlineData("enis.json")]
    [InlineData("cni-version.txt")]
    [InlineData("ipamd.log")]
    public void A_directory_in_place_of_a_snapshot_file_is_called_a_directory_not_missing(string file)
    {
        var path = Path.Combine(_dir, file);
        if (File.Exists(path)) File.Delete(path);
        System.IO.Directory.CreateDirectory(path);

        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));

        Assert.Equal(file, e.FileName);
        Assert.Contains("is a directory, not a file", e.Message);
    }

    [Theory]
    [InlineData("nginx:v1.12.2", "nginx")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.12.2", "aws-network-policy-agent")]
    public void A_cni_version_file_naming_another_image_is_refused(string content, string repository)
    {
        var e = LoadWith("cni-version.txt", content + "\n");

        Assert.Equal("cni-version.txt", e.FileName);
        Assert.Contains($"names the image '{content}' (repository '{repository}'), which is not the VPC CNI", e.Message);
    }

    [Theory]
    [InlineData("v1.12.2")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2")]
    public void A_cni_version_file_with_a_version_or_the_cni_image_is_read(string content)
    {
        File.WriteAllText(Path.Combine(_dir, "cni-version.txt"), content + "\n");

        var snapshot = NodeSnapshot.Load(_dir);

        Assert.Equal("v1.12.2", $"{snapshot.CniVersion}");
    }

    [Theory]
    [InlineData("imds.json")]
    [InlineData("ipamd.log")]
    public void File_over_64_MiB_is_refused_before_it_is_read(string file)
    {
        using (var stream = File.Create(Path.Combine(_dir, file)))
        {
            // Sparse on file systems that support it: the size is what is checked, nothing is read.
            stream.SetLength((64L * 1024 * 1024) + 1);
        }

        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal(file, e.FileName);
        Assert.Contains("64 MiB", e.Message);
    }

    [Fact]
    public void Stream_over_64_MiB_is_refused()
    {
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.FromStreams(new UnboundedStream(), new MemoryStream(), new MemoryStream()));
        Assert.Equal("enis.json", e.FileName);
        Assert.Contains("64 MiB", e.Message);
    }

    [Fact]
    public void Json_nested_over_64_levels_is_refused()
    {
        var e = LoadWith("ec2-network-interfaces.json", "{\"NetworkInterfaces\":" + new string('[', 70) + new string(']', 70) + "}");
        Assert.Equal("ec2-network-interfaces.json", e.FileName);
        Assert.Contains("nested deeper than 64 levels", e.Message);
    }

    [Fact]
    public void Json_nested_64_levels_is_read()
    {
        var e = LoadWith("ipamd-env-settings.json", "{\"x\":" + new string('[', 62) + new string(']', 62) + ",\"WARM_IP_TARGET\":true}");
        Assert.Equal("$.WARM_IP_TARGET", e.JsonPath);
    }

    [Fact]
    public void Unreadable_file_is_a_snapshot_exception_naming_it()
    {
        File.Delete(Path.Combine(_dir, "enis.json"));
        Directory.CreateDirectory(Path.Combine(_dir, "enis.json"));
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal("enis.json", e.FileName);
    }

    [Fact]
    public void Garbage_cni_version_is_not_an_error_but_an_unknown_version_with_the_reason()
    {
        File.WriteAllText(Path.Combine(_dir, "cni-version.txt"), "sha256:4e1c0d");
        File.Delete(Path.Combine(_dir, "aws-node-daemonset.json"));
        var snapshot = NodeSnapshot.Load(_dir);
        Assert.Null(snapshot.CniVersion);
        Assert.Contains("cni-version.txt holds 'sha256:4e1c0d'", snapshot.CniVersionProblem);
        var report = IpamdReconcileChecker.Check(snapshot);
        Assert.Null(report.Advisory);
        Assert.Contains("sha256:4e1c0d", report.BehaviorReason);
    }

    /// <summary>A stream that never ends, to prove the reader stops at the limit instead of reading it all.</summary>
    private sealed class UnboundedStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
