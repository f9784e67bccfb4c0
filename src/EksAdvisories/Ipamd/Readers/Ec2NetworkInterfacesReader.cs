namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads <c>aws ec2 describe-network-interfaces --output json</c>: per ENI its id, MAC, attachment (device index,
/// instance), <c>PrivateIpAddresses</c> (exactly one marked <c>Primary</c>) and <c>Ipv4Prefixes</c>.
/// </summary>
internal static class Ec2NetworkInterfacesReader
{
    public static IReadOnlyList<Ec2Interface> Read(byte[] utf8, string fileName = SnapshotFiles.Ec2NetworkInterfaces)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("an object with NetworkInterfaces (aws ec2 describe-network-interfaces)");
        var result = new List<Ec2Interface>();
        foreach (var eni in root.Required("NetworkInterfaces").Items("an array of network interfaces"))
        {
            result.Add(ReadInterface(eni));
        }

        result.Sort((a, b) => Nullable.Compare(a.DeviceIndex, b.DeviceIndex) is var c and not 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        return result.AsReadOnly();
    }

    private static Ec2Interface ReadInterface(JsonCursor eni)
    {
        eni.ExpectObject("a network interface object");
        var idCursor = eni.Required("NetworkInterfaceId");
        var id = idCursor.AsString("an ENI id");
        if (!id.StartsWith("eni-", StringComparison.Ordinal)) throw idCursor.Fail("an ENI id such as \"eni-0a1b2c3d4e5f60718\"");
        var mac = eni.Required("MacAddress").AsString("a MAC address").ToLowerInvariant();
        var type = eni.Optional("InterfaceType")?.AsString("an interface type");
        int? deviceIndex = null;
        string? instanceId = null;
        if (eni.Optional("Attachment") is { } attachment)
        {
            attachment.ExpectObject("an attachment object");
            deviceIndex = attachment.Optional("DeviceIndex")?.AsInt("a device index", 0);
            instanceId = attachment.Optional("InstanceId")?.AsString("an instance id");
        }

        uint? primary = null;
        var secondaries = new List<Ipv4Cidr>();
        foreach (var item in eni.Required("PrivateIpAddresses").Items("an array of private IP address objects"))
        {
            item.ExpectObject("a private IP address object");
            var addressCursor = item.Required("PrivateIpAddress");
            if (!Ipv4Cidr.TryParseAddress(addressCursor.AsString("an IPv4 address"), out var address)) throw addressCursor.Fail("an IPv4 address such as \"10.0.1.11\"");
            if (item.Optional("Primary")?.AsBool() ?? false)
            {
                if (primary is not null) throw item.FailValue("a second address is marked Primary; expected exactly one primary address per ENI.");
                primary = address;
            }
            else
            {
                secondaries.Add(Ipv4Cidr.Single(address));
            }
        }

        if (primary is null)
        {
            throw eni.Required("PrivateIpAddresses").FailValue("no address is marked \"Primary\": true; expected exactly one primary address per ENI.");
        }

        var prefixes = new List<Ipv4Cidr>();
        if (eni.Optional("Ipv4Prefixes") is { } prefixArray)
        {
            foreach (var item in prefixArray.Items("an array of prefix objects"))
            {
                var prefixCursor = item.Required("Ipv4Prefix");
                if (!Ipv4Cidr.TryParse(prefixCursor.AsString("a CIDR"), out var prefix) || prefix.PrefixLength != Ipv4Cidr.PrefixDelegationLength) throw prefixCursor.Fail("a /28 IPv4 prefix (what EC2 delegates) such as \"10.0.2.0/28\"");
                prefixes.Add(prefix);
            }
        }

        secondaries.Sort();
        prefixes.Sort();
        return new Ec2Interface(id, mac, type, deviceIndex, instanceId, primary.Value, secondaries.Distinct().ToList().AsReadOnly(), prefixes.Distinct().ToList().AsReadOnly());
    }
}
