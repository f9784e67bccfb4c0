namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads <c>aws ec2 describe-network-interfaces --output json</c>: per ENI its id, MAC, <c>InterfaceType</c>
/// (<c>interface</c>, <c>trunk</c>, <c>efa</c>, <c>efa-only</c>), attachment (device index, network card, instance),
/// <c>TagSet</c> (IPAMD's <c>no_manage</c> and <c>instance_id</c> tags), <c>PrivateIpAddresses</c> (exactly one marked
/// <c>Primary</c>, or none at all on an efa-only interface) and <c>Ipv4Prefixes</c>. IPv6 fields and anything else are
/// ignored. An ENI or address listed twice with the same contents counts once (with a notice); listed twice with
/// different contents it is refused.
/// </summary>
internal static class Ec2NetworkInterfacesReader
{
    /// <summary>ipamd.go v1.12.2:113-115: the tag that keeps IPAMD off an ENI.</summary>
    public const string NoManageTagKey = "node.k8s.amazonaws.com/no_manage";

    /// <summary>ipamd.go v1.12.2 setUnmanagedENIs 267-296: the tag IPAMD puts on the ENIs it creates.</summary>
    public const string InstanceIdTagKey = "node.k8s.amazonaws.com/instance_id";

    public static IReadOnlyList<Ec2Interface> Read(byte[] utf8, string fileName = SnapshotFileNames.Ec2NetworkInterfaces) => Read(utf8, null, fileName);

    public static IReadOnlyList<Ec2Interface> Read(byte[] utf8, List<SnapshotNotice>? notices, string fileName = SnapshotFileNames.Ec2NetworkInterfaces)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("an object with NetworkInterfaces (aws ec2 describe-network-interfaces)");
        var result = new List<Ec2Interface>();
        var seen = new Dictionary<string, (string Raw, string Path)>(StringComparer.Ordinal);
        foreach (var eni in root.Required("NetworkInterfaces").Items("an array of network interfaces"))
        {
            eni.ExpectObject("a network interface object");
            var idCursor = eni.Required("NetworkInterfaceId");
            var id = idCursor.AsString("an ENI id");
            var raw = eni.Element.GetRawText();
            if (seen.TryGetValue(id, out var earlier))
            {
                if (!string.Equals(raw, earlier.Raw, StringComparison.Ordinal))
                {
                    throw eni.FailValue($"the ENI '{id}' is listed again with different contents (first at {earlier.Path}); expected each ENI once.");
                }

                notices?.Add(new SnapshotNotice(fileName, eni.Path, id, id));
                continue;
            }

            seen[id] = (raw, eni.Path);
            result.Add(ReadInterface(eni, notices));
        }

        result.Sort((a, b) => a.NetworkCardIndex != b.NetworkCardIndex ? a.NetworkCardIndex.CompareTo(b.NetworkCardIndex)
            : Nullable.Compare(a.DeviceIndex, b.DeviceIndex) is var c and not 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        return result.ToArray();
    }

    private static Ec2Interface ReadInterface(JsonCursor eni, List<SnapshotNotice>? notices)
    {
        var idCursor = eni.Required("NetworkInterfaceId");
        var id = idCursor.AsString("an ENI id");
        if (!id.StartsWith("eni-", StringComparison.Ordinal)) throw idCursor.Fail("an ENI id such as \"eni-0a1b2c3d4e5f60718\"");
        var mac = eni.Required("MacAddress").AsString("a MAC address").ToLowerInvariant();
        var type = eni.Optional("InterfaceType")?.AsString("an interface type");
        int? deviceIndex = null;
        var networkCard = 0;
        string? instanceId = null;
        if (eni.Optional("Attachment") is { } attachment)
        {
            attachment.ExpectObject("an attachment object");
            deviceIndex = attachment.Optional("DeviceIndex")?.AsInt("a device index", 0);
            // awsutils.go v1.12.2:1251-1253: Attachment.NetworkCardIndex, 0 when absent.
            networkCard = attachment.Optional("NetworkCardIndex")?.AsInt("a network card index", 0) ?? 0;
            if (networkCard >= SnapshotLimits.MaxNetworkCards) throw attachment.Required("NetworkCardIndex").FailValue($"network card {networkCard}; {SnapshotLimits.Source}, and the reader refuses an index of {SnapshotLimits.MaxNetworkCards} or more.");
            instanceId = attachment.Optional("InstanceId")?.AsString("an instance id");
        }

        string? noManage = null, instanceTag = null;
        if (eni.Optional("TagSet") is { } tags)
        {
            foreach (var tag in tags.Items("an array of tags"))
            {
                tag.ExpectObject("a tag object with Key and Value");
                var key = tag.Required("Key").AsString("a tag key");
                var value = tag.Optional("Value")?.AsString("a tag value") ?? string.Empty;
                if (key == NoManageTagKey) noManage = value;
                else if (key == InstanceIdTagKey) instanceTag = value;
            }
        }

        uint? primary = null;
        var secondaries = new List<Ipv4Cidr>();
        var addresses = eni.Optional("PrivateIpAddresses");
        foreach (var item in addresses?.Items("an array of private IP address objects") ?? [])
        {
            item.ExpectObject("a private IP address object");
            var addressCursor = item.Required("PrivateIpAddress");
            var text = addressCursor.AsString("an IPv4 address");
            if (!Ipv4Cidr.TryParseAddress(text, out var address)) throw addressCursor.Fail("an IPv4 address such as \"10.0.1.11\"");
            var isPrimary = item.Optional("Primary")?.AsBool() ?? false;
            if (secondaries.Count >= SnapshotLimits.MaxIpv4AddressesPerInterface) throw TooMany(eni, secondaries.Count + 1);
            var repeated = primary == address || secondaries.Contains(Ipv4Cidr.Single(address));
            if (repeated)
            {
                if ((primary == address) != isPrimary) throw item.FailValue($"{text} is listed twice, once as the primary address and once not; expected each address once.");
                notices?.Add(new SnapshotNotice(eni.FileName, item.Path, text, id));
                continue;
            }

            if (isPrimary)
            {
                if (primary is not null) throw item.FailValue("a second address is marked Primary; expected exactly one primary address per ENI.");
                primary = address;
            }
            else
            {
                secondaries.Add(Ipv4Cidr.Single(address));
            }
        }

        // An efa-only interface has no IPv4 address at all (awsutils.go v1.23.0:1743, 1763); every other ENI has a primary.
        if (primary is null && (secondaries.Count > 0 || type != "efa-only"))
        {
            var list = addresses ?? eni.Required("PrivateIpAddresses");
            throw list.FailValue("no address is marked \"Primary\": true; expected exactly one primary address per ENI (only an efa-only interface has none).");
        }

        var prefixes = new List<Ipv4Cidr>();
        if (eni.Optional("Ipv4Prefixes") is { } prefixArray)
        {
            foreach (var item in prefixArray.Items("an array of prefix objects"))
            {
                var prefixCursor = item.Required("Ipv4Prefix");
                if (!Ipv4Cidr.TryParse(prefixCursor.AsString("a CIDR"), out var prefix) || prefix.PrefixLength != Ipv4Cidr.PrefixDelegationLength) throw prefixCursor.Fail("a /28 IPv4 prefix (what EC2 delegates) such as \"10.0.2.0/28\"");
                if (prefixes.Count >= SnapshotLimits.MaxIpv4AddressesPerInterface) throw TooMany(eni, prefixes.Count + 1);
                if (prefixes.Contains(prefix))
                {
                    notices?.Add(new SnapshotNotice(eni.FileName, item.Path, prefix.ToString(), id));
                    continue;
                }

                prefixes.Add(prefix);
            }
        }

        // EC2 counts the primary, the secondaries and the prefixes against one per-ENI limit.
        var slots = (primary is null ? 0 : 1) + secondaries.Count + prefixes.Count;
        if (slots > SnapshotLimits.MaxIpv4AddressesPerInterface) throw TooMany(eni, slots);

        secondaries.Sort();
        prefixes.Sort();
        return new Ec2Interface(id, mac, type, deviceIndex, networkCard, instanceId, primary, secondaries.ToArray(), prefixes.ToArray(), noManage, instanceTag);
    }

    private static SnapshotException TooMany(JsonCursor eni, int slots) =>
        eni.FailValue($"the ENI holds at least {slots} IPv4 addresses and prefixes; no instance type allows more than {SnapshotLimits.MaxIpv4AddressesPerInterface / 2} per ENI ({SnapshotLimits.Source}), and the reader refuses more than {SnapshotLimits.MaxIpv4AddressesPerInterface}.");
}
