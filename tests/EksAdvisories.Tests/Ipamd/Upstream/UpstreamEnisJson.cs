using System.Globalization;
using System.Text;

namespace EksAdvisories.Tests.Ipamd.Upstream;

/// <summary>One ENI of a datastore answer: its card, device, secondary IPs or /28 prefixes, and the addresses pods hold.</summary>
internal sealed record UpstreamEni(string Id, int Device, string[] Cidrs, string[]? Assigned = null, int Card = 0, bool Trunk = false, bool Efa = false, string[]? Ipv6Prefixes = null);

/// <summary>
/// Writes <c>GET /v1/enis</c> the way Go's encoding/json marshals upstream's structs at a given tag: data_store.go
/// <c>ENIInfos</c> {TotalIPs, AssignedIPs, ENIs map[string]ENI}; <c>ENI</c> {ID, IsPrimary, IsTrunk, IsEFA, DeviceNumber,
/// AvailableIPv4Cidrs, IPv6Cidrs} plus RouteTableID (v1.21.0) and IsExcludedForPodIPs, SubnetID (v1.22.0); <c>CidrInfo</c>
/// {Cidr net.IPNet (IP, base64 Mask), IPAddresses, IsPrefix, AddressFamily "4"/"6"}; <c>AddressInfo</c> {Address, IPAMKey
/// {networkName, containerID, ifName}, IPAMMetadata, AssignedTime, UnassignedTime}. From v1.20.0 the handler marshals
/// <c>map[int]*ENIInfos</c> keyed by network card (introspect.go eniV1RequestHandler), and v1.23.0 blanks containerID and
/// ifName (introspect.go v1.23.0:131-148). Go sorts map keys.
/// </summary>
internal static class UpstreamEnisJson
{
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    public static string Write(string tag, IReadOnlyList<UpstreamEni> enis)
    {
        var version = ComponentVersion.Parse(tag);
        var byCard = version >= ComponentVersion.Parse("1.20.0");
        if (!byCard) return Card(version, enis);
        var text = new StringBuilder("{");
        foreach (var group in enis.GroupBy(e => e.Card).OrderBy(g => g.Key.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal))
        {
            if (text.Length > 1) text.Append(',');
            text.Append('"').Append(group.Key.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(Card(version, group.ToList()));
        }

        return text.Append('}').ToString();
    }

    private static string Card(ComponentVersion version, IReadOnlyList<UpstreamEni> enis)
    {
        long total = 0;
        var assigned = 0;
        foreach (var eni in enis)
        {
            total += eni.Cidrs.Sum(c => c.Contains('/', StringComparison.Ordinal) ? 16L : 1L);
            total += (eni.Ipv6Prefixes?.Length ?? 0) * (1L << 48);
            assigned += eni.Assigned?.Length ?? 0;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{{\"TotalIPs\":{total},\"AssignedIPs\":{assigned},\"ENIs\":{{");
        var first = true;
        foreach (var eni in enis.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            if (!first) text.Append(',');
            first = false;
            text.Append(CultureInfo.InvariantCulture,
                $"\"{eni.Id}\":{{\"ID\":\"{eni.Id}\",\"IsPrimary\":{Bool(eni.Device == 0)},\"IsTrunk\":{Bool(eni.Trunk)},\"IsEFA\":{Bool(eni.Efa)},\"DeviceNumber\":{eni.Device},");
            text.Append("\"AvailableIPv4Cidrs\":{");
            var firstCidr = true;
            foreach (var cidr in eni.Cidrs.OrderBy(c => c, StringComparer.Ordinal))
            {
                if (!firstCidr) text.Append(',');
                firstCidr = false;
                var prefix = cidr.Contains('/', StringComparison.Ordinal);
                var ip = prefix ? cidr[..cidr.IndexOf('/', StringComparison.Ordinal)] : cidr;
                var key = prefix ? cidr : cidr + "/32";
                text.Append(CultureInfo.InvariantCulture, $"\"{key}\":{{\"Cidr\":{{\"IP\":\"{ip}\",\"Mask\":\"{(prefix ? "////8A==" : "/////w==")}\"}},\"IPAddresses\":{{");
                var firstAddress = true;
                foreach (var address in (eni.Assigned ?? []).Where(a => prefix ? InPrefix(a, cidr) : a == cidr))
                {
                    if (!firstAddress) text.Append(',');
                    firstAddress = false;
                    var blanked = version >= ComponentVersion.Parse("1.23.0");
                    var container = blanked ? string.Empty : "c0ffee" + address.Replace(".", string.Empty, StringComparison.Ordinal);
                    text.Append(CultureInfo.InvariantCulture,
                        $"\"{address}\":{{\"Address\":\"{address}\",\"IPAMKey\":{{\"networkName\":\"aws-cni\",\"containerID\":\"{container}\",\"ifName\":\"{(blanked ? string.Empty : "eth0")}\"}},\"IPAMMetadata\":{{\"k8sPodNamespace\":\"default\",\"k8sPodName\":\"web-{address.Replace('.', '-')}\"}},\"AssignedTime\":\"2026-11-30T08:00:00Z\",\"UnassignedTime\":\"{ZeroTime}\"}}");
                }

                text.Append(CultureInfo.InvariantCulture, $"}},\"IsPrefix\":{Bool(prefix)},\"AddressFamily\":\"4\"}}");
            }

            text.Append("},\"IPv6Cidrs\":{");
            var firstV6 = true;
            foreach (var v6 in eni.Ipv6Prefixes ?? [])
            {
                if (!firstV6) text.Append(',');
                firstV6 = false;
                var ip = v6[..v6.IndexOf('/', StringComparison.Ordinal)];
                // A /80 mask is 16 bytes: ten of 0xff, six of zero.
                text.Append(CultureInfo.InvariantCulture, $"\"{v6}\":{{\"Cidr\":{{\"IP\":\"{ip}\",\"Mask\":\"/////////////wAAAAAAAA==\"}},\"IPAddresses\":{{}},\"IsPrefix\":true,\"AddressFamily\":\"6\"}}");
            }

            text.Append('}');
            if (version >= ComponentVersion.Parse("1.22.0")) text.Append(",\"IsExcludedForPodIPs\":false");
            if (version >= ComponentVersion.Parse("1.21.0")) text.Append(CultureInfo.InvariantCulture, $",\"RouteTableID\":{(eni.Device == 0 ? 254 : eni.Device + 1)}");
            if (version >= ComponentVersion.Parse("1.22.0")) text.Append(",\"SubnetID\":\"subnet-0123456789abcdef0\"");
            text.Append('}');
        }

        return text.Append("}}").ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";

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
}
