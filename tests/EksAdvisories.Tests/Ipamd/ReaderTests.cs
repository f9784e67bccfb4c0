using System.Text;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

public class ReaderTests
{
    private static byte[] U(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] SampleFile(string sample, string file) => File.ReadAllBytes(RepositoryPaths.Combine("samples", "snapshots", sample, file));

    [Fact]
    public void Enis_reader_decodes_base64_masks_and_counts_only_used_addresses()
    {
        var doc = EnisReader.Read(SampleFile("in-sync", "enis.json"));

        Assert.Equal(18, doc.TotalIps);
        Assert.Equal(["eni-0a1b2c3d4e5f60718", "eni-0b2c3d4e5f6071829"], doc.Enis.Select(e => e.Id));
        Assert.True(doc.Enis[0].IsPrimary);
        Assert.All(doc.Enis.SelectMany(e => e.Cidrs), c => Assert.Equal(32, c.PrefixLength));
        Assert.Equal(8, doc.Enis[0].AssignedAddresses.Count);
        // 10.0.2.21 sits in IPAddresses during its cooldown with an empty IPAMKey: not a pod's.
        Assert.Empty(doc.Enis[1].AssignedAddresses);
    }

    [Fact]
    public void Enis_reader_reads_28_prefixes_from_the_prefix_mask()
    {
        var doc = EnisReader.Read(SampleFile("prefix-delegation", "enis.json"));
        var cidrs = doc.Enis.Single().Cidrs;
        Assert.Equal(7, cidrs.Count);
        Assert.All(cidrs, c => Assert.True(c.IsPrefix && c.PrefixLength == 28));
        Assert.Equal("10.0.16.0/28", cidrs[0].ToString());
        Assert.Equal(100, doc.Enis.Single().AssignedAddresses.Count);
    }

    [Fact]
    public void Enis_reader_refuses_the_pre_1_9_shape()
    {
        var e = Assert.Throws<SnapshotException>(() => EnisReader.Read(U("""{"TotalIPs":1,"AssignedIPs":0,"ENIs":{"eni-1":{"ID":"eni-1","DeviceNumber":0,"IPv4Addresses":{}}}}""")));
        Assert.Contains("AvailableIPv4Cidrs", e.Message);
        Assert.Equal("$.ENIs['eni-1']", e.JsonPath);
    }

    [Fact]
    public void Imds_reader_splits_lists_on_newlines_or_spaces_and_drops_trailing_slashes()
    {
        var spaced = ImdsReader.Read(SampleFile("at-risk", "imds.json"));
        var lined = ImdsReader.Read(SampleFile("in-sync", "imds.json"));

        Assert.Equal(["02:4f:7a:10:00:01", "02:4f:7a:10:00:02"], spaced.Interfaces.Select(i => i.Mac));
        Assert.Equal(lined.Interfaces.Select(i => i.Mac), spaced.Interfaces.Select(i => i.Mac));
        var eni1 = spaced.Interfaces[1];
        Assert.Equal("eni-0b2c3d4e5f6071829", eni1.InterfaceId);
        Assert.Equal("10.0.2.20", Ipv4Cidr.FormatAddress(eni1.PrimaryIp!.Value));
        Assert.Equal(5, eni1.SecondaryIps.Count);
        Assert.Equal("m5.large", spaced.InstanceType);
    }

    [Fact]
    public void Imds_reader_takes_the_first_local_ipv4_as_primary_and_reads_prefixes()
    {
        var doc = ImdsReader.Read(U("""
            {"/latest/meta-data/network/interfaces/macs/": "0a:1b:2c:3d:4e:5f/",
             "network/interfaces/macs/0a:1b:2c:3d:4e:5f/interface-id": "eni-0a1b2c3d4e5f60718",
             "network/interfaces/macs/0a:1b:2c:3d:4e:5f/device-number": "0\n",
             "network/interfaces/macs/0a:1b:2c:3d:4e:5f/local-ipv4s": "10.0.1.10\n10.0.1.11\n",
             "network/interfaces/macs/0a:1b:2c:3d:4e:5f/ipv4-prefix": "10.0.16.0/28\n10.0.16.16/28"}
            """));
        var eni = doc.Interfaces.Single();
        Assert.Equal("10.0.1.10", Ipv4Cidr.FormatAddress(eni.PrimaryIp!.Value));
        Assert.Equal(["10.0.1.11"], eni.SecondaryIps.Select(c => c.ToString()));
        Assert.Equal(["10.0.16.0/28", "10.0.16.16/28"], eni.Prefixes.Select(c => c.ToString()));
    }

    [Fact]
    public void Ec2_reader_separates_the_primary_and_reads_prefixes_in_device_order()
    {
        var enis = Ec2NetworkInterfacesReader.Read(SampleFile("prefix-delegation", "ec2-network-interfaces.json"));
        var eni = Assert.Single(enis);
        Assert.Equal("10.0.1.10", Ipv4Cidr.FormatAddress(eni.PrimaryIp!.Value));
        Assert.Empty(eni.SecondaryIps);
        Assert.Equal(9, eni.Prefixes.Count);
        Assert.Equal(0, eni.DeviceIndex);

        var two = Ec2NetworkInterfacesReader.Read(SampleFile("stuck-affected", "ec2-network-interfaces.json"));
        Assert.Equal([0, 1], two.Select(e => e.DeviceIndex!.Value));
        Assert.Equal(9, two[1].SecondaryIps.Count);
    }

    [Fact]
    public void Snapshot_ignores_ec2_enis_that_are_not_attached_to_the_node()
    {
        var ec2 = """
            {"NetworkInterfaces":[
              {"NetworkInterfaceId":"eni-0a1b2c3d4e5f60718","MacAddress":"02:4f:7a:10:00:01","Attachment":{"DeviceIndex":0,"InstanceId":"i-0f1e2d3c4b5a69788"},
               "PrivateIpAddresses":[{"Primary":true,"PrivateIpAddress":"10.0.1.10"}]},
              {"NetworkInterfaceId":"eni-0c0c0c0c0c0c0c0c0","MacAddress":"02:4f:7a:10:00:09","Status":"available",
               "PrivateIpAddresses":[{"Primary":true,"PrivateIpAddress":"10.0.3.10"}]},
              {"NetworkInterfaceId":"eni-0d0d0d0d0d0d0d0d0","MacAddress":"02:4f:7a:10:00:0a","Attachment":{"DeviceIndex":1,"InstanceId":"i-0999999999999999"},
               "PrivateIpAddresses":[{"Primary":true,"PrivateIpAddress":"10.0.4.10"}]}]}
            """;
        var one = new SyntheticEni("eni-0a1b2c3d4e5f60718", 0, "10.0.1.10", [], [], []);
        var snapshot = NodeSnapshot.FromStreams(new MemoryStream(U(SyntheticNode.Enis([one]))), new MemoryStream(U(SyntheticNode.Imds([one]))), new MemoryStream(U(ec2)));
        Assert.Equal(1, snapshot.NetworkInterfaceCount);
        Assert.Equal(ReconcileVerdict.InSync, IpamdReconcileChecker.Check(snapshot).Verdict);
    }

    [Fact]
    public void Instance_types_reader_gives_the_per_eni_limit_counting_the_primary()
    {
        var limits = InstanceTypesReader.Read(SampleFile("in-sync", "instance-type.json"), "m5.large");
        Assert.Equal(new InstanceTypeLimits("m5.large", 3, 10, 3), limits);
        var e = Assert.Throws<SnapshotException>(() => InstanceTypesReader.Read(SampleFile("in-sync", "instance-type.json"), "t3.medium"));
        Assert.Contains("t3.medium", e.Message);
    }

    [Theory]
    [InlineData("""{"WARM_IP_TARGET":0,"WARM_ENI_TARGET":1,"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":false}""", 0, 1, false)]
    [InlineData("""{"WARM_IP_TARGET":"5","WARM_ENI_TARGET":"0","AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"}""", 5, 0, true)]
    public void Env_settings_reader_accepts_numbers_and_their_text(string json, int warmIp, int warmEni, bool custom)
    {
        Assert.Equal(new EnvSettingsDocument(warmIp, warmEni, custom), EnvSettingsReader.Read(U(json)));
    }

    [Fact]
    public void Daemonset_reader_finds_the_aws_node_image_and_its_ipamd_env()
    {
        var ds = DaemonSetReader.Read(SampleFile("prefix-delegation", "aws-node-daemonset.json"));
        Assert.EndsWith("amazon-k8s-cni:v1.12.0-eksbuild.1", ds.Image);
        Assert.Equal("$.spec.template.spec.containers[0].image", ds.ImagePath);
        Assert.Equal("true", ds.Env["ENABLE_PREFIX_DELEGATION"]);
        Assert.Equal("1", ds.Env["WARM_PREFIX_TARGET"]);
        Assert.Equal("1", ds.Env["WARM_ENI_TARGET"]);
        Assert.Null(ds.Env["WARM_IP_TARGET"]);
        Assert.Equal("v1.12.0-eksbuild.1", ComponentVersion.Parse(ds.Image).ToString());
    }

    [Fact]
    public void Settings_are_defaulted_and_reported_as_assumptions_when_the_snapshot_does_not_say()
    {
        var eni = new SyntheticEni("eni-0a1b2c3d4e5f60718", 0, "10.0.1.10", ["10.0.16.0/28"], ["10.0.16.0/28"], ["10.0.16.0/28"]);
        var settings = SyntheticNode.Snapshot([eni]).Settings;

        Assert.True(settings.PrefixDelegation);
        Assert.Equal(1, settings.WarmPrefixTarget);
        Assert.Equal(1, settings.WarmEniTarget);
        Assert.Contains(settings.Assumptions, a => a.StartsWith("ENABLE_PREFIX_DELEGATION", StringComparison.Ordinal) && a.Contains("/28"));
        Assert.Contains(settings.Assumptions, a => a.StartsWith("WARM_PREFIX_TARGET", StringComparison.Ordinal));
        Assert.Contains(settings.Assumptions, a => a.StartsWith("WARM_ENI_TARGET", StringComparison.Ordinal));
    }

    [Fact]
    public void Daemonset_without_warm_prefix_target_means_the_code_default_zero()
    {
        var eni = new SyntheticEni("eni-0a1b2c3d4e5f60718", 0, "10.0.1.10", [], [], []);
        var settings = SyntheticNode.Snapshot([eni], daemonSetEnv: """[{"name":"ENABLE_PREFIX_DELEGATION","value":"true"}]""").Settings;
        Assert.True(settings.PrefixDelegation);
        Assert.Equal(0, settings.WarmPrefixTarget);
        Assert.Empty(settings.Assumptions);
    }

    [Fact]
    public void Cni_version_file_wins_over_the_daemonset_image()
    {
        var eni = new SyntheticEni("eni-0a1b2c3d4e5f60718", 0, "10.0.1.10", [], [], []);
        var snapshot = SyntheticNode.Snapshot([eni], cniVersion: "  v1.12.5-eksbuild.1\n", daemonSetEnv: "[]");
        Assert.Equal("v1.12.5-eksbuild.1", snapshot.CniVersion!.ToString());
        Assert.Equal("cni-version.txt", snapshot.CniVersionSource);
    }

    [Fact]
    public void Unreadable_cni_version_text_falls_back_to_the_daemonset_and_says_so()
    {
        var eni = new SyntheticEni("eni-0a1b2c3d4e5f60718", 0, "10.0.1.10", [], [], []);
        var snapshot = SyntheticNode.Snapshot([eni], cniVersion: "latest", daemonSetEnv: "[]");
        Assert.Equal("v1.12.2-eksbuild.1", snapshot.CniVersion!.ToString());
        Assert.Contains("cni-version.txt holds 'latest'", snapshot.CniVersionProblem);
    }
}
