using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads the IMDS part of a snapshot: a JSON object mapping each key under <c>/latest/meta-data/</c> to the raw text
/// IMDS answered (<c>"network/interfaces/macs": "0a:..:01/\n0a:..:02/"</c>). Lists may be split by newlines or spaces and
/// MACs carry a trailing <c>/</c>, as IMDS writes them.
/// </summary>
internal static class ImdsReader
{
    private const string MacsKey = "network/interfaces/macs";

    public static ImdsDocument Read(byte[] utf8, string fileName = SnapshotFileNames.Imds) => Read(utf8, null, fileName);

    public static ImdsDocument Read(byte[] utf8, List<SnapshotNotice>? notices, string fileName = SnapshotFileNames.Imds)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("an object mapping IMDS keys to their raw text");
        var values = new Dictionary<string, JsonCursor>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Properties())
        {
            values[NormalizeKey(key)] = value;
        }

        string? Text(string key)
        {
            if (!values.TryGetValue(key, out var cursor) || cursor.Kind == System.Text.Json.JsonValueKind.Null) return null;
            return cursor.AsString("the raw text IMDS returned for this key");
        }

        JsonCursor Required(string key) => values.TryGetValue(key, out var cursor)
            ? cursor
            : throw new SnapshotException(fileName, root.Child(key), $"the key '{key}' is missing; expected the raw IMDS text of meta-data/{key}.");

        var macsCursor = Required(MacsKey);
        var macs = Split(macsCursor.AsString("the raw text IMDS returned for this key (one '<mac>/' per line)"))
            .Select(m => m.TrimEnd('/').ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (macs.Count == 0) throw macsCursor.FailValue("no MAC address is listed; expected at least the primary ENI's '<mac>/'.");
        if (macs.Count > SnapshotLimits.MaxNetworkInterfaces)
        {
            throw macsCursor.FailValue($"{macs.Count} MAC addresses are listed; no instance type has more than {SnapshotLimits.MaxNetworkInterfaces / 2} ENIs ({SnapshotLimits.Source}), and the reader refuses more than {SnapshotLimits.MaxNetworkInterfaces}.");
        }

        var interfaces = new List<ImdsInterface>();
        foreach (var mac in macs)
        {
            if (!IsMac(mac)) throw macsCursor.FailValue($"'{mac}' is not a MAC address; expected entries such as '0a:1b:2c:3d:4e:5f/'.");
            var prefix = $"{MacsKey}/{mac}/";
            var idCursor = Required(prefix + "interface-id");
            var id = idCursor.AsString("an ENI id such as \"eni-0a1b2c3d4e5f60718\"").Trim();
            if (!id.StartsWith("eni-", StringComparison.Ordinal)) throw idCursor.Fail("an ENI id such as \"eni-0a1b2c3d4e5f60718\"");
            var deviceCursor = Required(prefix + "device-number");
            if (!int.TryParse(deviceCursor.AsString("the device number as text").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var device))
            {
                throw deviceCursor.Fail("a device number such as \"0\"");
            }

            // An efa-only interface has no IPv4 address: IMDS answers 404 for local-ipv4s (awsutils.go v1.23.0:757-776).
            var ips = new List<uint>();
            if (values.TryGetValue(prefix + "local-ipv4s", out var ipsCursor) && ipsCursor.Kind != System.Text.Json.JsonValueKind.Null)
            {
                foreach (var item in Split(ipsCursor.AsString("one IPv4 address per line, primary first")))
                {
                    if (!Ipv4Cidr.TryParseAddress(item, out var ip)) throw ipsCursor.FailValue($"'{item}' is not an IPv4 address; expected one address per line, primary first.");
                    if (ips.Count > SnapshotLimits.MaxIpv4AddressesPerInterface)
                    {
                        throw ipsCursor.FailValue($"more than {SnapshotLimits.MaxIpv4AddressesPerInterface} addresses are listed; no instance type allows more than {SnapshotLimits.MaxIpv4AddressesPerInterface / 2} per ENI ({SnapshotLimits.Source}).");
                    }

                    if (ips.Contains(ip))
                    {
                        notices?.Add(new SnapshotNotice(fileName, ipsCursor.Path, item, id));
                        continue;
                    }

                    ips.Add(ip);
                }

                if (ips.Count == 0) throw ipsCursor.FailValue("no address is listed; expected at least the ENI's primary IPv4 address, or no key at all for an efa-only interface.");
            }

            int? card = null;
            if (Text(prefix + "network-card") is { } cardText)
            {
                if (!int.TryParse(cardText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedCard) || parsedCard >= SnapshotLimits.MaxNetworkCards)
                {
                    throw values[prefix + "network-card"].Fail($"a network card index below {SnapshotLimits.MaxNetworkCards} such as \"0\"");
                }

                card = parsedCard;
            }

            var prefixes = new List<Ipv4Cidr>();
            if (Text(prefix + "ipv4-prefix") is { } prefixText)
            {
                foreach (var item in Split(prefixText))
                {
                    if (!Ipv4Cidr.TryParse(item, out var cidr) || cidr.PrefixLength != Ipv4Cidr.PrefixDelegationLength)
                    {
                        throw values[prefix + "ipv4-prefix"].FailValue($"'{item}' is not a /28 IPv4 prefix (what EC2 delegates); expected one CIDR such as '10.0.2.0/28' per line.");
                    }

                    prefixes.Add(cidr);
                }
            }

            if (prefixes.Count > SnapshotLimits.MaxIpv4AddressesPerInterface)
            {
                throw values[prefix + "ipv4-prefix"].FailValue($"{prefixes.Count} prefixes are listed; no instance type allows more than {SnapshotLimits.MaxIpv4AddressesPerInterface / 2} per ENI ({SnapshotLimits.Source}).");
            }

            interfaces.Add(new ImdsInterface(mac, id, device, card, ips.Count == 0 ? null : ips[0],
                ips.Skip(1).Select(Ipv4Cidr.Single).ToArray(), prefixes.Distinct().ToArray()));
        }

        interfaces.Sort((a, b) => (a.NetworkCard ?? 0) != (b.NetworkCard ?? 0) ? (a.NetworkCard ?? 0).CompareTo(b.NetworkCard ?? 0) : a.DeviceNumber.CompareTo(b.DeviceNumber));
        return new ImdsDocument(Text("instance-id")?.Trim(), Text("instance-type")?.Trim(), Text("mac")?.Trim().ToLowerInvariant(), interfaces.ToArray());
    }

    /// <summary>Collectors write keys as the path under meta-data, sometimes with the full path or a trailing slash.</summary>
    private static string NormalizeKey(string key)
    {
        var k = key.Trim().Trim('/');
        const string Full = "latest/meta-data/";
        if (k.StartsWith(Full, StringComparison.Ordinal)) k = k[Full.Length..];
        return k.StartsWith("meta-data/", StringComparison.Ordinal) ? k["meta-data/".Length..] : k;
    }

    private static string[] Split(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsMac(string mac)
    {
        if (mac.Length != 17) return false;
        for (var i = 0; i < mac.Length; i++)
        {
            if (i % 3 == 2 ? mac[i] != ':' : !char.IsAsciiHexDigit(mac[i])) return false;
        }

        return true;
    }
}
