namespace EksAdvisories.Ipamd;

/// <summary>Reads <c>aws ec2 describe-instance-types --output json</c> for the ENI limits of the node's instance type.</summary>
internal static class InstanceTypesReader
{
    /// <param name="utf8">The document.</param>
    /// <param name="instanceType">The node's type from IMDS, to pick the right entry when several are listed; null takes the only one.</param>
    /// <param name="fileName">The file name for messages.</param>
    public static InstanceTypeLimits Read(byte[] utf8, string? instanceType, string fileName = SnapshotFileNames.InstanceType)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("an object with InstanceTypes (aws ec2 describe-instance-types)");
        var types = root.Required("InstanceTypes");
        var entries = types.Items("an array of instance types").ToList();
        if (entries.Count == 0) throw types.FailValue("the array is empty; expected the node's instance type.");
        JsonCursor? chosen = null;
        foreach (var entry in entries)
        {
            var name = entry.Required("InstanceType").AsString("an instance type name");
            if (instanceType is null || string.Equals(name, instanceType, StringComparison.Ordinal))
            {
                chosen = entry;
                break;
            }
        }

        if (chosen is not { } found)
        {
            throw types.FailValue($"no entry is for '{instanceType}', the instance type IMDS reports; expected describe-instance-types --instance-types {instanceType}.");
        }

        var network = found.Required("NetworkInfo");
        var total = Limit(network.Required("MaximumNetworkInterfaces"), "a number of network interfaces", 1, SnapshotLimits.MaxNetworkInterfaces);
        var perInterface = Limit(network.Required("Ipv4AddressesPerInterface"), "a number of IPv4 addresses per interface (counting the primary)", 2, SnapshotLimits.MaxIpv4AddressesPerInterface);

        // NetworkInfo.NetworkCards: the ENI limit of each card. IPAMD's own limit follows card 0.
        int? card0 = null;
        if (network.Optional("NetworkCards") is { } cards)
        {
            foreach (var card in cards.Items("an array of network cards"))
            {
                var index = card.Required("NetworkCardIndex").AsInt("a network card index", 0);
                var limit = Limit(card.Required("MaximumNetworkInterfaces"), "a number of network interfaces on the card", 1, SnapshotLimits.MaxNetworkInterfacesPerCard);
                if (index == 0) card0 = limit;
            }
        }

        return new InstanceTypeLimits(found.Required("InstanceType").AsString(), total, perInterface, card0);
    }

    private static int Limit(JsonCursor cursor, string what, int min, int max)
    {
        var value = cursor.AsInt(what, min);
        if (value > max)
        {
            throw cursor.FailValue($"the value {value} is more than any instance type has ({SnapshotLimits.Source}); the reader refuses values above {max}.");
        }

        return value;
    }
}
