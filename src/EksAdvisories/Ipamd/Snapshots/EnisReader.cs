namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads IPAMD's introspection <c>GET /v1/enis</c> in both shapes upstream serves (introspect.go <c>eniV1RequestHandler</c>):
/// the flat object of v1.9 - v1.19 (<c>TotalIPs</c>, <c>AssignedIPs</c>, <c>ENIs</c>) and, from v1.20.0, an object keyed by
/// network card index whose values are that flat object. Each ENI holds <c>AvailableIPv4Cidrs</c> (secondary /32s and
/// delegated /28s, each with a base64 <c>Mask</c>) and, per CIDR, <c>IPAddresses</c> for the addresses that were handed
/// out. Fields it does not know (<c>RouteTableID</c>, <c>SubnetID</c>, <c>IsExcludedForPodIPs</c>, ...) are ignored, as
/// Go's <c>encoding/json</c> ignores them.
/// </summary>
internal static class EnisReader
{
    public static DatastoreDocument Read(byte[] utf8, string fileName = SnapshotFileNames.Enis) => Read(utf8, null, fileName);

    public static DatastoreDocument Read(byte[] utf8, List<SnapshotNotice>? notices, string fileName = SnapshotFileNames.Enis)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("an object with TotalIPs, AssignedIPs and ENIs, or one such object per network card (GET /v1/enis)");
        var enis = new List<DatastoreEni>();
        var seen = new Dictionary<string, (string Raw, string Path)>(StringComparer.Ordinal);
        long total = 0, assigned = 0;
        EnisShape shape;
        if (IsFlat(root))
        {
            shape = EnisShape.Flat;
            ReadCard(root, 0, enis, seen, notices, ref total, ref assigned);
        }
        else
        {
            // v1.20.0+: json.Marshal of map[int]*ENIInfos writes each card index as a string key.
            shape = EnisShape.ByNetworkCard;
            var cards = 0;
            foreach (var (key, card) in root.Properties())
            {
                if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= SnapshotLimits.MaxNetworkCards)
                {
                    throw card.FailValue($"'{key}' is neither TotalIPs, AssignedIPs nor ENIs (the v1.9 - v1.19 shape) nor a network card index below {SnapshotLimits.MaxNetworkCards} (the v1.20+ shape, {SnapshotLimits.Source}).");
                }

                if (++cards > SnapshotLimits.MaxNetworkCards) throw card.FailValue($"more than {SnapshotLimits.MaxNetworkCards} network cards; {SnapshotLimits.Source}.");
                card.ExpectObject("the datastore of one network card: an object with TotalIPs, AssignedIPs and ENIs");
                ReadCard(card, index, enis, seen, notices, ref total, ref assigned);
            }
        }

        if (enis.Count > SnapshotLimits.MaxNetworkInterfaces)
        {
            throw root.FailValue($"the datastore holds {enis.Count} ENIs; no instance type has more than {SnapshotLimits.MaxNetworkInterfaces / 2} ({SnapshotLimits.Source}), and the reader refuses more than {SnapshotLimits.MaxNetworkInterfaces}.");
        }

        enis.Sort((a, b) => a.NetworkCard != b.NetworkCard ? a.NetworkCard.CompareTo(b.NetworkCard)
            : a.DeviceNumber != b.DeviceNumber ? a.DeviceNumber.CompareTo(b.DeviceNumber) : string.CompareOrdinal(a.Id, b.Id));
        return new DatastoreDocument(shape, total, assigned, enis.ToArray());
    }

    /// <summary>The flat shape has the ENIInfos fields at the top; the card-keyed shape has only digit keys.</summary>
    private static bool IsFlat(JsonCursor root) =>
        root.Optional("TotalIPs") is not null || root.Optional("AssignedIPs") is not null || root.Optional("ENIs") is not null;

    private static void ReadCard(
        JsonCursor card, int networkCard, List<DatastoreEni> enis, Dictionary<string, (string Raw, string Path)> seen, List<SnapshotNotice>? notices,
        ref long total, ref long assigned)
    {
        // 64-bit: each IPv6 /80 prefix counts 2^48 (data_store.go ds.total += Size()).
        total += card.Required("TotalIPs").AsLong("a count of IPs", 0);
        assigned += card.Required("AssignedIPs").AsLong("a count of IPs", 0);
        if (card.Optional("ENIs") is not { } map) return;
        foreach (var (key, value) in map.Properties("an object mapping ENI ids to ENIs"))
        {
            var raw = value.Element.GetRawText();
            if (seen.TryGetValue(key, out var earlier))
            {
                // A JSON object may repeat a key, and a v1.20+ answer lists each card separately: the same ENI twice is
                // harmless when both entries say the same, and unreadable when they do not.
                if (!string.Equals(raw, earlier.Raw, StringComparison.Ordinal))
                {
                    throw value.FailValue($"the ENI '{key}' is listed again with different contents (first at {earlier.Path}); expected each ENI once.");
                }

                notices?.Add(new SnapshotNotice(card.FileName, value.Path, key, key));
                continue;
            }

            seen[key] = (raw, value.Path);
            enis.Add(ReadEni(key, value, networkCard));
        }
    }

    private static DatastoreEni ReadEni(string key, JsonCursor eni, int networkCard)
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
        var isTrunk = eni.Optional("IsTrunk")?.AsBool() ?? false;
        var isEfa = eni.Optional("IsEFA")?.AsBool() ?? false;
        var deviceNumber = eni.Required("DeviceNumber").AsInt("a device number", 0);
        var cidrs = new List<Ipv4Cidr>();
        var assigned = new List<uint>();
        if (eni.Optional("AvailableIPv4Cidrs") is { } available)
        {
            foreach (var (cidrKey, entry) in available.Properties("an object mapping CIDRs to their entries"))
            {
                ReadCidr(cidrKey, entry, cidrs, assigned);
            }

            if (cidrs.Count >= SnapshotLimits.MaxIpv4AddressesPerInterface)
            {
                throw available.FailValue($"the ENI holds {cidrs.Count} secondary IPs or prefixes; no instance type allows more than {SnapshotLimits.MaxIpv4AddressesPerInterface / 2} addresses per ENI ({SnapshotLimits.Source}), and the reader refuses {SnapshotLimits.MaxIpv4AddressesPerInterface} or more.");
            }
        }

        // IPv6 mode keeps one /80 prefix per ENI here; only their number matters (the IPv4 pool is unused).
        var ipv6 = 0;
        if (eni.Optional("IPv6Cidrs") is { } v6)
        {
            foreach (var _ in v6.Properties("an object mapping IPv6 CIDRs to their entries")) ipv6++;
        }

        cidrs.Sort();
        assigned.Sort();
        return new DatastoreEni(id, networkCard, isPrimary, isTrunk, isEfa, deviceNumber, Dedupe(cidrs).ToArray(), Dedupe(assigned).ToArray(), ipv6);
    }

    /// <summary>A JSON object may repeat a CIDR key; the datastore map cannot hold it twice, so it counts once.</summary>
    private static List<T> Dedupe<T>(List<T> sorted) where T : IEquatable<T>
    {
        var unique = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (unique > 0 && sorted[unique - 1].Equals(sorted[i])) continue;
            sorted[unique++] = sorted[i];
        }

        sorted.RemoveRange(unique, sorted.Count - unique);
        return sorted;
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
