using System.Globalization;
using System.Text;
using System.Text.Json;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

/// <summary>One ENI of a synthetic node: what EC2, IMDS and the datastore each hold (IPs as "10.0.2.21", prefixes as "10.0.16.0/28").</summary>
internal sealed record SyntheticEni(string Id, int Device, string Primary, string[] Ec2, string[] Imds, string[] Datastore, string[]? Assigned = null)
{
    public string Mac => string.Create(CultureInfo.InvariantCulture, $"02:4f:7a:10:00:{Device + 1:x2}");
}

/// <summary>Writes the snapshot documents of a synthetic node in the real formats, so model and property tests can state a node in a few lines.</summary>
internal static class SyntheticNode
{
    public const string InstanceId = "i-0f1e2d3c4b5a69788";

    public static NodeSnapshot Snapshot(IReadOnlyList<SyntheticEni> enis, int limit = 10, int maxEnis = 3, string? cniVersion = null, string? daemonSetEnv = null, string? envSettings = null)
    {
        static MemoryStream S(string text) => new(Encoding.UTF8.GetBytes(text));
        return NodeSnapshot.FromStreams(S(Enis(enis)), S(Imds(enis)), S(Ec2(enis)), S(InstanceType(limit, maxEnis)),
            envSettings is null ? null : S(envSettings),
            daemonSetEnv is null ? null : S(DaemonSet("v1.12.2-eksbuild.1", daemonSetEnv)),
            cniVersion is null ? null : S(cniVersion));
    }

    public static string Enis(IReadOnlyList<SyntheticEni> enis)
    {
        return Write(w =>
        {
            var total = enis.Sum(e => e.Datastore.Sum(c => c.Contains('/') ? 16 : 1));
            w.WriteNumber("TotalIPs", total);
            w.WriteNumber("AssignedIPs", enis.Sum(e => e.Assigned?.Length ?? 0));
            w.WriteStartObject("ENIs");
            foreach (var eni in enis)
            {
                w.WriteStartObject(eni.Id);
                w.WriteString("ID", eni.Id);
                w.WriteBoolean("IsPrimary", eni.Device == 0);
                w.WriteBoolean("IsTrunk", false);
                w.WriteBoolean("IsEFA", false);
                w.WriteNumber("DeviceNumber", eni.Device);
                w.WriteStartObject("AvailableIPv4Cidrs");
                foreach (var cidr in eni.Datastore)
                {
                    var prefix = cidr.Contains('/');
                    var ip = prefix ? cidr[..cidr.IndexOf('/')] : cidr;
                    w.WriteStartObject(prefix ? cidr : cidr + "/32");
                    w.WriteStartObject("Cidr");
                    w.WriteString("IP", ip);
                    w.WriteString("Mask", prefix ? "////8A==" : "/////w==");
                    w.WriteEndObject();
                    w.WriteStartObject("IPAddresses");
                    foreach (var a in (eni.Assigned ?? []).Where(a => prefix ? InPrefix(a, cidr) : a == cidr))
                    {
                        w.WriteStartObject(a);
                        w.WriteString("Address", a);
                        w.WriteStartObject("IPAMKey");
                        w.WriteString("networkName", "aws-cni");
                        w.WriteString("containerID", "c0ffee" + a.Replace(".", string.Empty));
                        w.WriteString("ifName", "eth0");
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteBoolean("IsPrefix", prefix);
                    w.WriteString("AddressFamily", string.Empty);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteStartObject("IPv6Cidrs");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    public static string Imds(IReadOnlyList<SyntheticEni> enis)
    {
        return Write(w =>
        {
            w.WriteString("instance-id", InstanceId);
            w.WriteString("instance-type", "m5.large");
            w.WriteString("network/interfaces/macs", string.Join("\n", enis.Select(e => e.Mac + "/")));
            foreach (var eni in enis)
            {
                var key = $"network/interfaces/macs/{eni.Mac}/";
                w.WriteString(key + "device-number", eni.Device.ToString(CultureInfo.InvariantCulture));
                w.WriteString(key + "interface-id", eni.Id);
                w.WriteString(key + "local-ipv4s", string.Join("\n", eni.Imds.Where(c => !c.Contains('/')).Prepend(eni.Primary)));
                var prefixes = eni.Imds.Where(c => c.Contains('/')).ToList();
                if (prefixes.Count > 0) w.WriteString(key + "ipv4-prefix", string.Join("\n", prefixes));
            }
        });
    }

    public static string Ec2(IReadOnlyList<SyntheticEni> enis)
    {
        return Write(w =>
        {
            w.WriteStartArray("NetworkInterfaces");
            foreach (var eni in enis)
            {
                w.WriteStartObject();
                w.WriteStartObject("Attachment");
                w.WriteNumber("DeviceIndex", eni.Device);
                w.WriteString("InstanceId", InstanceId);
                w.WriteString("Status", "attached");
                w.WriteEndObject();
                w.WriteString("InterfaceType", "interface");
                w.WriteString("MacAddress", eni.Mac);
                w.WriteString("NetworkInterfaceId", eni.Id);
                w.WriteString("PrivateIpAddress", eni.Primary);
                w.WriteStartArray("PrivateIpAddresses");
                foreach (var ip in eni.Ec2.Where(c => !c.Contains('/')).Prepend(eni.Primary))
                {
                    w.WriteStartObject();
                    w.WriteBoolean("Primary", ip == eni.Primary);
                    w.WriteString("PrivateIpAddress", ip);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("Ipv4Prefixes");
                foreach (var prefix in eni.Ec2.Where(c => c.Contains('/')))
                {
                    w.WriteStartObject();
                    w.WriteString("Ipv4Prefix", prefix);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    public static string InstanceType(int limit, int maxEnis) =>
        $$$"""{"InstanceTypes":[{"InstanceType":"m5.large","NetworkInfo":{"NetworkPerformance":"Up to 10 Gigabit","MaximumNetworkInterfaces":{{{maxEnis}}},"Ipv4AddressesPerInterface":{{{limit}}},"Ipv6AddressesPerInterface":{{{limit}}}}}]}""";

    public static string DaemonSet(string version, string envJson) =>
        $$$$$"""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"aws-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"aws-node","image":"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:{{{{{version}}}}}","env":{{{{{envJson}}}}}}]}}}}""";

    /// <summary>Secondary IPs 10.0.{device+1}.{11+i}: readable, and never clashing across ENIs.</summary>
    public static string[] Ips(int device, int from, int count) =>
        Enumerable.Range(from, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"10.0.{device + 1}.{11 + i}")).ToArray();

    private static bool InPrefix(string address, string prefix)
    {
        var network = prefix[..prefix.IndexOf('/')];
        var lastDot = network.LastIndexOf('.');
        var addressDot = address.LastIndexOf('.');
        if (address[..addressDot] != network[..lastDot]) return false;
        var start = int.Parse(network[(lastDot + 1)..], CultureInfo.InvariantCulture);
        var host = int.Parse(address[(addressDot + 1)..], CultureInfo.InvariantCulture);
        return host >= start && host < start + 16;
    }

    private static string Write(Action<Utf8JsonWriter> body)
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
