using System.Globalization;
using System.Text;
using System.Text.Json;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd.Upstream;

/// <summary>
/// One ENI of a realistic node, as each view holds it. <paramref name="Primary"/> is null for an efa-only interface;
/// <paramref name="Datastore"/> null means IPAMD's datastore does not hold the ENI; <paramref name="InImds"/> false means IMDS
/// does not list it.
/// </summary>
internal sealed record NodeEni(
    string Id, int Device, string? Primary, string[] Ec2, string[] Imds, string[]? Datastore, string[]? Assigned = null, int Card = 0,
    string Type = "interface", string? NoManage = null, bool InImds = true, bool CreatedByIpamd = true)
{
    public string Mac => string.Create(CultureInfo.InvariantCulture, $"02:4f:7a:{Card:x2}:00:{Device + 1:x2}");
}

/// <summary>The instance type as describe-instance-types reports it, with its per-card ENI limits when it has several cards.</summary>
internal sealed record NodeType(string Name, int Ipv4PerInterface, int MaximumNetworkInterfaces, int[]? PerCard = null)
{
    public static NodeType M5Large { get; } = new("m5.large", 10, 3);

    public static NodeType T3Medium { get; } = new("t3.medium", 6, 3);

    /// <summary>p4d.24xlarge: 60 ENIs over 4 cards of 15; IPAMD's own table says 15.</summary>
    public static NodeType P4d24xlarge { get; } = new("p4d.24xlarge", 50, 60, [15, 15, 15, 15]);
}

/// <summary>
/// Writes a node snapshot in the shapes upstream serves at a given VPC CNI tag (enis.json per <see cref="UpstreamEnisJson"/>)
/// and the AWS CLI / IMDS formats, so a scenario states a realistic node in a few lines.
/// </summary>
internal static class UpstreamNode
{
    public const string InstanceId = "i-0f1e2d3c4b5a69788";

    public static NodeSnapshot Snapshot(string tag, NodeType type, IReadOnlyList<NodeEni> enis, string? env = "[]", string? log = null, string? envSettings = null)
    {
        static MemoryStream S(string text) => new(Encoding.UTF8.GetBytes(text));
        return NodeSnapshot.FromStreams(S(Enis(tag, enis)), S(Imds(type, enis)), S(Ec2(enis)), S(InstanceType(type)),
            envSettings is null ? null : S(envSettings), env is null ? null : S(DaemonSet(tag, env)), null, log is null ? null : S(log));
    }

    public static string Enis(string tag, IReadOnlyList<NodeEni> enis) =>
        UpstreamEnisJson.Write(tag, enis.Where(e => e.Datastore is not null).Select(e => new UpstreamEni(e.Id, e.Device, e.Datastore!, e.Assigned, e.Card, e.Type == "trunk", e.Type == "efa")).ToList());

    public static string Imds(NodeType type, IReadOnlyList<NodeEni> enis) => Json(w =>
    {
        w.WriteString("instance-id", InstanceId);
        w.WriteString("instance-type", type.Name);
        w.WriteString("mac", enis[0].Mac);
        var listed = enis.Where(e => e.InImds).ToList();
        w.WriteString("network/interfaces/macs", string.Concat(listed.Select(e => e.Mac + "/\n")));
        foreach (var eni in listed)
        {
            var key = $"network/interfaces/macs/{eni.Mac}/";
            w.WriteString(key + "device-number", eni.Device.ToString(CultureInfo.InvariantCulture));
            w.WriteString(key + "interface-id", eni.Id);
            w.WriteString(key + "network-card", eni.Card.ToString(CultureInfo.InvariantCulture));
            // IMDS answers 404 for local-ipv4s of an efa-only interface: the collector leaves the key out.
            if (eni.Primary is not null) w.WriteString(key + "local-ipv4s", string.Join("\n", eni.Imds.Where(c => !c.Contains('/', StringComparison.Ordinal)).Prepend(eni.Primary)));
            var prefixes = eni.Imds.Where(c => c.Contains('/', StringComparison.Ordinal)).ToList();
            if (prefixes.Count > 0) w.WriteString(key + "ipv4-prefix", string.Join("\n", prefixes));
        }
    });

    public static string Ec2(IReadOnlyList<NodeEni> enis) => Json(w =>
    {
        w.WriteStartArray("NetworkInterfaces");
        foreach (var eni in enis) WriteEc2Interface(w, eni);
        w.WriteEndArray();
    });

    public static void WriteEc2Interface(Utf8JsonWriter w, NodeEni eni)
    {
        w.WriteStartObject();
        w.WriteStartObject("Attachment");
        w.WriteString("AttachmentId", "eni-attach-0" + eni.Id[4..]);
        w.WriteBoolean("DeleteOnTermination", true);
        w.WriteNumber("DeviceIndex", eni.Device);
        w.WriteNumber("NetworkCardIndex", eni.Card);
        w.WriteString("InstanceId", InstanceId);
        w.WriteString("Status", "attached");
        w.WriteEndObject();
        w.WriteString("InterfaceType", eni.Type);
        w.WriteString("MacAddress", eni.Mac);
        w.WriteString("NetworkInterfaceId", eni.Id);
        if (eni.Primary is not null) w.WriteString("PrivateIpAddress", eni.Primary);
        w.WriteStartArray("PrivateIpAddresses");
        if (eni.Primary is not null)
        {
            foreach (var ip in eni.Ec2.Where(c => !c.Contains('/', StringComparison.Ordinal)).Prepend(eni.Primary))
            {
                w.WriteStartObject();
                w.WriteBoolean("Primary", ip == eni.Primary);
                w.WriteString("PrivateIpAddress", ip);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("Ipv4Prefixes");
        foreach (var prefix in eni.Ec2.Where(c => c.Contains('/', StringComparison.Ordinal)))
        {
            w.WriteStartObject();
            w.WriteString("Ipv4Prefix", prefix);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("TagSet");
        if (eni.NoManage is not null)
        {
            w.WriteStartObject();
            w.WriteString("Key", "node.k8s.amazonaws.com/no_manage");
            w.WriteString("Value", eni.NoManage);
            w.WriteEndObject();
        }

        if (eni.CreatedByIpamd && eni.Device > 0)
        {
            w.WriteStartObject();
            w.WriteString("Key", "node.k8s.amazonaws.com/instance_id");
            w.WriteString("Value", InstanceId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string InstanceType(NodeType type) => Json(w =>
    {
        w.WriteStartArray("InstanceTypes");
        w.WriteStartObject();
        w.WriteString("InstanceType", type.Name);
        w.WriteStartObject("NetworkInfo");
        w.WriteString("NetworkPerformance", "Up to 10 Gigabit");
        w.WriteNumber("MaximumNetworkInterfaces", type.MaximumNetworkInterfaces);
        w.WriteNumber("MaximumNetworkCards", type.PerCard?.Length ?? 1);
        w.WriteNumber("DefaultNetworkCardIndex", 0);
        w.WriteStartArray("NetworkCards");
        var cards = type.PerCard ?? [type.MaximumNetworkInterfaces];
        for (var i = 0; i < cards.Length; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("NetworkCardIndex", i);
            w.WriteString("NetworkPerformance", "100 Gigabit");
            w.WriteNumber("MaximumNetworkInterfaces", cards[i]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("Ipv4AddressesPerInterface", type.Ipv4PerInterface);
        w.WriteNumber("Ipv6AddressesPerInterface", type.Ipv4PerInterface);
        w.WriteBoolean("Ipv6Supported", true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    });

    public static string DaemonSet(string tag, string envJson) =>
        $$$$$"""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"aws-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"aws-node","image":"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:{{{{{tag}}}}}","env":{{{{{envJson}}}}}}]}}}}""";

    /// <summary>Secondary IPs 10.{card}.{device+1}.{11+i}: readable, and never clashing across ENIs.</summary>
    public static string[] Ips(int device, int from, int count, int card = 0) =>
        Enumerable.Range(from, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"10.{card}.{device + 1}.{11 + i}")).ToArray();

    public static string PrimaryOf(int device, int card = 0) => string.Create(CultureInfo.InvariantCulture, $"10.{card}.{device + 1}.10");

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
