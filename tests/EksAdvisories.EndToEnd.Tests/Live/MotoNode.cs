using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// One example snapshot's node seeded into moto: a VPC and the subnet IMDS names, an instance of the example's type
/// whose primary address is the example's, and each ENI the example's EC2 view lists, attached at its device index with
/// exactly its addresses (explicit, since moto may repeat an address assigned by count) and its tags. moto picks its own
/// instance, ENI ids and MACs; <see cref="Translate"/> carries the example's other parts (IMDS, introspection) over to
/// them, so IMDS and EC2 disagree exactly where the example's do.
/// </summary>
/// <remarks>
/// moto represents one network card and plain ENIs only: it has no Ipv4Prefixes (prefix-delegation stays with the
/// folder-based tests), and every ENI is card 0 of type "interface", as in these examples.
/// </remarks>
internal sealed class MotoNode
{
    private readonly List<(string From, string To)> replacements;

    private MotoNode(string instanceId, List<(string From, string To)> replacements)
    {
        InstanceId = instanceId;
        this.replacements = replacements;
    }

    /// <summary>moto's id of the node's instance.</summary>
    public string InstanceId { get; }

    /// <summary>The examples moto can represent: one network card, plain ENIs, no delegated prefixes.</summary>
    public static TheoryData<string> Examples => new() { "in-sync", "at-risk", "stuck-affected", "stuck-fixed" };

    /// <summary>The example's text with its instance id, ENI ids and MACs replaced by moto's.</summary>
    public string Translate(string text) => replacements.Aggregate(text, (t, r) => t.Replace(r.From, r.To, StringComparison.Ordinal));

    /// <summary>moto's ids in a text replaced by the example's, so messages can be compared with the original's.</summary>
    public string Untranslate(string text) => replacements.Aggregate(text, (t, r) => t.Replace(r.To, r.From, StringComparison.Ordinal));

    public static async Task<MotoNode> SeedAsync(MotoServer moto, string example, CancellationToken cancellation)
    {
        using var ec2 = moto.Client();
        var imds = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(example, "imds.json")))!;
        var interfaces = JsonNode.Parse(File.ReadAllText(Path.Combine(example, "ec2-network-interfaces.json")))!["NetworkInterfaces"]!.AsArray()
            .Select(n => n!).OrderBy(n => (int)n["Attachment"]!["DeviceIndex"]!).ToList();
        var exampleInstance = imds["instance-id"];
        var subnetCidr = imds.First(kv => kv.Key.EndsWith("/subnet-ipv4-cidr-block", StringComparison.Ordinal)).Value.Trim();
        var octets = subnetCidr.Split('.');

        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"{octets[0]}.{octets[1]}.0.0/16" }, cancellation)).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = subnetCidr, AvailabilityZone = MotoServer.Region + "a" }, cancellation)).Subnet.SubnetId;
        var image = (await ec2.DescribeImagesAsync(new DescribeImagesRequest(), cancellation)).Images[0].ImageId;
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = image,
            InstanceType = imds["instance-type"],
            MinCount = 1,
            MaxCount = 1,
            SubnetId = subnet,
            PrivateIpAddress = (string)interfaces[0]["PrivateIpAddress"]!,
        }, cancellation)).Reservation.Instances[0];
        var replacements = new List<(string, string)> { (exampleInstance, instance.InstanceId) };

        foreach (var eni in interfaces)
        {
            var device = (int)eni["Attachment"]!["DeviceIndex"]!;
            var addresses = eni["PrivateIpAddresses"]!.AsArray().Select(a => a!).ToList();
            var primary = (string)addresses.Single(a => (bool?)a["Primary"] == true)["PrivateIpAddress"]!;
            string id;
            if (device == 0)
            {
                id = instance.NetworkInterfaces[0].NetworkInterfaceId;
            }
            else
            {
                id = (await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet, PrivateIpAddress = primary, Description = (string?)eni["Description"] ?? string.Empty }, cancellation))
                    .NetworkInterface.NetworkInterfaceId;
                await ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { InstanceId = instance.InstanceId, NetworkInterfaceId = id, DeviceIndex = device }, cancellation);
            }

            var secondaries = addresses.Where(a => (bool?)a["Primary"] != true).Select(a => (string)a["PrivateIpAddress"]!).ToList();
            if (secondaries.Count > 0)
            {
                await ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = id, PrivateIpAddresses = secondaries }, cancellation);
            }

            replacements.Add(((string)eni["NetworkInterfaceId"]!, id));
            var tags = eni["TagSet"]?.AsArray().Select(t => new Tag((string)t!["Key"]!, ((string)t["Value"]!).Replace(exampleInstance, instance.InstanceId, StringComparison.Ordinal))).ToList();
            if (tags is { Count: > 0 }) await ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [id], Tags = tags }, cancellation);
        }

        // moto's view, checked against the example's: the same addresses on the same devices, and moto's MACs to carry over.
        var seeded = (await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("attachment.instance-id", [instance.InstanceId])] }, cancellation)).NetworkInterfaces;
        Assert.Equal(interfaces.Count, seeded.Count);
        foreach (var eni in interfaces)
        {
            var motoId = replacements.Single(r => r.Item1 == (string)eni["NetworkInterfaceId"]!).Item2;
            var motoEni = seeded.Single(s => s.NetworkInterfaceId == motoId);
            Assert.Equal(
                eni["PrivateIpAddresses"]!.AsArray().Select(a => (string)a!["PrivateIpAddress"]!).Order(StringComparer.Ordinal),
                motoEni.PrivateIpAddresses.Select(a => a.PrivateIpAddress).Order(StringComparer.Ordinal));
            replacements.Add(((string)eni["MacAddress"]!, motoEni.MacAddress));
        }

        return new MotoNode(instance.InstanceId, replacements);
    }

    /// <summary>
    /// The example's node-side parts (IMDS, introspection, DaemonSet, log, CNI version) with moto's ids, written to
    /// <paramref name="destination"/>: what the loopback IMDS and introspection servers answer.
    /// </summary>
    public string WriteNodeSide(string example, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(example).Where(f => Path.GetFileName(f) != "ec2-network-interfaces.json"))
        {
            File.WriteAllText(Path.Combine(destination, Path.GetFileName(file)), Translate(File.ReadAllText(file)));
        }

        return destination;
    }
}
