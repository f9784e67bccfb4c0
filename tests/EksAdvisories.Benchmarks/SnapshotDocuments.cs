using System.Globalization;
using System.Text.Json;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// Writes a node's snapshot documents in the real formats (introspection <c>/v1/enis</c>, IMDS as a key map,
/// <c>describe-network-interfaces</c>, <c>describe-instance-types</c>) from <see cref="GeneratedEni"/> values. The
/// benchmarks' fleet and the unit tests' synthetic nodes both use it, so both feed the checker the same shapes.
/// </summary>
public static class SnapshotDocuments
{
    public static byte[] Enis(IReadOnlyList<GeneratedEni> enis) => Write(w =>
    {
        w.WriteNumber("TotalIPs", enis.Sum(e => e.Datastore.Sum(c => IsPrefix(c) ? 16 : 1)));
        w.WriteNumber("AssignedIPs", enis.Sum(e => e.Assigned.Count));
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
                var prefix = IsPrefix(cidr);
                var ip = prefix ? cidr[..cidr.IndexOf('/', StringComparison.Ordinal)] : cidr;
                w.WriteStartObject(prefix ? cidr : cidr + "/32");
                w.WriteStartObject("Cidr");
                w.WriteString("IP", ip);
                w.WriteString("Mask", prefix ? "////8A==" : "/////w==");
                w.WriteEndObject();
                // IPAMD lists only the addresses handed to a pod.
                w.WriteStartObject("IPAddresses");
                foreach (var address in eni.Assigned.Where(a => prefix ? InPrefix(a, cidr) : a == cidr))
                {
                    w.WriteStartObject(address);
                    w.WriteString("Address", address);
                    w.WriteStartObject("IPAMKey");
                    w.WriteString("networkName", "aws-cni");
                    w.WriteString("containerID", "c0ffee" + address.Replace(".", string.Empty, StringComparison.Ordinal));
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

    public static byte[] Imds(IReadOnlyList<GeneratedEni> enis, string instanceId, string instanceType) => Write(w =>
    {
        w.WriteString("instance-id", instanceId);
        w.WriteString("instance-type", instanceType);
        w.WriteString("network/interfaces/macs", string.Join("\n", enis.Select(e => e.Mac + "/")));
        foreach (var eni in enis)
        {
            var key = $"network/interfaces/macs/{eni.Mac}/";
            w.WriteString(key + "device-number", eni.Device.ToString(CultureInfo.InvariantCulture));
            w.WriteString(key + "interface-id", eni.Id);
            w.WriteString(key + "local-ipv4s", string.Join("\n", eni.Imds.Where(c => !IsPrefix(c)).Prepend(eni.Primary)));
            var prefixes = eni.Imds.Where(IsPrefix).ToList();
            if (prefixes.Count > 0) w.WriteString(key + "ipv4-prefix", string.Join("\n", prefixes));
        }
    });

    public static byte[] Ec2(IReadOnlyList<GeneratedEni> enis, string instanceId) => Write(w =>
    {
        w.WriteStartArray("NetworkInterfaces");
        foreach (var eni in enis)
        {
            w.WriteStartObject();
            w.WriteStartObject("Attachment");
            w.WriteNumber("DeviceIndex", eni.Device);
            w.WriteString("InstanceId", instanceId);
            w.WriteString("Status", "attached");
            w.WriteEndObject();
            w.WriteString("InterfaceType", "interface");
            w.WriteString("MacAddress", eni.Mac);
            w.WriteString("NetworkInterfaceId", eni.Id);
            w.WriteString("PrivateIpAddress", eni.Primary);
            w.WriteStartArray("PrivateIpAddresses");
            foreach (var ip in eni.Ec2.Where(c => !IsPrefix(c)).Prepend(eni.Primary))
            {
                w.WriteStartObject();
                w.WriteBoolean("Primary", ip == eni.Primary);
                w.WriteString("PrivateIpAddress", ip);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("Ipv4Prefixes");
            foreach (var prefix in eni.Ec2.Where(IsPrefix))
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

    public static string InstanceType(string name, int limit, int maxEnis) =>
        $$$"""{"InstanceTypes":[{"InstanceType":"{{{name}}}","NetworkInfo":{"NetworkPerformance":"Up to 10 Gigabit","MaximumNetworkInterfaces":{{{maxEnis}}},"Ipv4AddressesPerInterface":{{{limit}}},"Ipv6AddressesPerInterface":{{{limit}}}}}]}""";

    private static bool IsPrefix(string cidr) => cidr.Contains('/', StringComparison.Ordinal);

    private static bool InPrefix(string address, string prefix)
    {
        var network = prefix[..prefix.IndexOf('/', StringComparison.Ordinal)];
        var lastDot = network.LastIndexOf('.');
        var addressDot = address.LastIndexOf('.');
        if (address[..addressDot] != network[..lastDot]) return false;
        var start = int.Parse(network[(lastDot + 1)..], CultureInfo.InvariantCulture);
        var host = int.Parse(address[(addressDot + 1)..], CultureInfo.InvariantCulture);
        return host >= start && host < start + 16;
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
