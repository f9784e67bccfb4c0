namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads IPAMD's introspection <c>GET /v1/enis</c> in the v1.9+ shape: <c>TotalIPs</c>, <c>AssignedIPs</c> and an
/// <c>ENIs</c> map whose entries hold <c>AvailableIPv4Cidrs</c> (secondary /32s and delegated /28s, each with a base64
/// <c>Mask</c>) and, per CIDR, <c>IPAddresses</c> for the addresses that were handed out.
/// </summary>
internal static class EnisReader
{
    public static DatastoreDocument Read(byte[] utf8, string fileName = SnapshotFiles.Enis)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("an object with TotalIPs, AssignedIPs and ENIs (GET /v1/enis)");
        var total = root.Required("TotalIPs").AsInt("a count of IPs", 0);
        var assigned = root.Required("AssignedIPs").AsInt("a count of IPs", 0);
        var enis = new List<DatastoreEni>();
        if (root.Optional("ENIs") is { } map)
        {
            foreach (var (key, value) in map.Properties("an object mapping ENI ids to ENIs"))
            {
                enis.Add(ReadEni(key, value));
            }
        }

        enis.Sort((a, b) => a.DeviceNumber != b.DeviceNumber ? a.DeviceNumber.CompareTo(b.DeviceNumber) : string.CompareOrdinal(a.Id, b.Id));
        return new DatastoreDocument(total, assigned, enis.AsReadOnly());
    }

    private static DatastoreEni ReadEni(string key, JsonCursor eni)
    {
        eni.ExpectObject("an ENI object");
        var id = eni.Optional("ID")?.AsString("the ENI id") ?? key;
        if (!string.Equals(id, key, StringComparison.Ordinal))
        {
            throw eni.Required("ID").FailValue($"the ENI id '{id}' differs from its key '{key}'; expected the same id.");
        }

        if (eni.Optional("IPv4Addresses") is not null && eni.Optional("AvailableIPv4Cidrs") is null)
        {
            throw eni.FailValue("this is the pre-v1.9 shape (IPv4Addresses); expected AvailableIPv4Cidrs as VPC CNI v1.9 and later write it.");
        }

        var isPrimary = eni.Optional("IsPrimary")?.AsBool() ?? false;
        var deviceNumber = eni.Required("DeviceNumber").AsInt("a device number", 0);
        var cidrs = new List<Ipv4Cidr>();
        var assigned = new List<uint>();
        if (eni.Optional("AvailableIPv4Cidrs") is { } available)
        {
            foreach (var (cidrKey, entry) in available.Properties("an object mapping CIDRs to their entries"))
            {
                ReadCidr(cidrKey, entry, cidrs, assigned);
            }
        }

        cidrs.Sort();
        assigned.Sort();
        return new DatastoreEni(id, isPrimary, deviceNumber, cidrs.AsReadOnly(), assigned.AsReadOnly());
    }

    private static void ReadCidr(string key, JsonCursor entry, List<Ipv4Cidr> cidrs, List<uint> assigned)
    {
        entry.ExpectObject("a CIDR entry object");
        // An empty family is what IPv4 entries carry; the datastore keeps IPv6 in IPv6Cidrs, so anything else is not ours.
        var family = entry.Optional("AddressFamily")?.AsString("an address family (\"\" or \"4\")") ?? string.Empty;
        if (family is not ("" or "4" or "ipv4"))
        {
            return;
        }

        var cidrObject = entry.Required("Cidr");
        var ipCursor = cidrObject.Required("IP");
        var ipText = ipCursor.AsString("an IPv4 address");
        if (!Ipv4Cidr.TryParseAddress(ipText, out var ip)) throw ipCursor.Fail("an IPv4 address such as \"10.0.1.5\"");
        var maskCursor = cidrObject.Required("Mask");
        var length = DecodeMask(maskCursor);

        // IPAMD keeps secondary IPs (/32) and EC2-delegated prefixes, which are always /28. Other sizes are not IPAMD's, and
        // wide blocks would make address counts meaningless (a /1 alone counts 2^31).
        if (length is not (32 or Ipv4Cidr.PrefixDelegationLength))
        {
            throw maskCursor.FailValue($"the mask {JsonCursor.Describe(maskCursor.Element)} is /{length}; expected \"/////w==\" (/32, a secondary IP) or \"////8A==\" (/28, a delegated prefix).");
        }
        var isPrefix = entry.Optional("IsPrefix")?.AsBool() ?? length < 32;
        if (isPrefix != length < 32)
        {
            throw entry.Required("IsPrefix").FailValue($"IsPrefix is {(isPrefix ? "true" : "false")} but the mask is /{length}; expected a /32 for an IP and a /28 for a prefix.");
        }

        if (!Ipv4Cidr.TryParse(ipText + "/" + length.ToString(System.Globalization.CultureInfo.InvariantCulture), out var cidr))
        {
            throw ipCursor.FailValue($"'{ipText}' is not the start of a /{length} block; expected an aligned block.");
        }

        if (!Ipv4Cidr.TryParse(key, out var keyed) || keyed != cidr)
        {
            throw entry.FailValue($"the key '{key}' does not match the entry's CIDR {Ipv4Cidr.FormatAddress(cidr.Network)}/{cidr.PrefixLength}; expected the same block.");
        }

        cidrs.Add(cidr);
        if (entry.Optional("IPAddresses") is not { } addresses) return;
        foreach (var (addressKey, address) in addresses.Properties("an object mapping addresses to their assignments"))
        {
            address.ExpectObject("an address entry object");
            var text = address.Optional("Address")?.AsString("an IPv4 address") ?? addressKey;
            if (!Ipv4Cidr.TryParseAddress(text, out var value) || !cidr.Contains(value))
            {
                throw address.FailValue($"the address '{text}' is not an IPv4 address inside {key}; expected one of the block's addresses.");
            }

            // Released addresses stay in the map during their cooldown with an empty IPAMKey: only a key marks a pod.
            if (IsAssigned(address)) assigned.Add(value);
        }
    }

    private static bool IsAssigned(JsonCursor address)
    {
        if (address.Optional("IPAMKey") is not { } key) return true;
        key.ExpectObject("an IPAMKey object");
        var container = key.Optional("containerID")?.AsString("a container id") ?? string.Empty;
        var network = key.Optional("networkName")?.AsString("a network name") ?? string.Empty;
        return container.Length > 0 || network.Length > 0;
    }

    /// <summary>The Go <c>net.IPMask</c> serializes as base64 of its 4 bytes: <c>/////w==</c> is /32, <c>////8A==</c> is /28.</summary>
    private static int DecodeMask(JsonCursor mask)
    {
        var text = mask.AsString("a base64 mask such as \"/////w==\"");
        Span<byte> bytes = stackalloc byte[8];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written != 4)
        {
            throw mask.Fail("a base64 IPv4 mask of 4 bytes such as \"/////w==\" (/32) or \"////8A==\" (/28)");
        }

        var value = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        var length = System.Numerics.BitOperations.LeadingZeroCount(~value);
        if (length < 32 && (value << length) != 0)
        {
            throw mask.Fail("a contiguous IPv4 mask such as \"/////w==\" (/32) or \"////8A==\" (/28)");
        }

        return length;
    }
}
