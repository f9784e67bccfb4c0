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

    public static ImdsDocument Read(byte[] utf8, string fileName = SnapshotFiles.Imds)
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

            var ipsCursor = Required(prefix + "local-ipv4s");
            var ips = new List<uint>();
            foreach (var item in Split(ipsCursor.AsString("one IPv4 address per line, primary first")))
            {
                if (!Ipv4Cidr.TryParseAddress(item, out var ip)) throw ipsCursor.FailValue($"'{item}' is not an IPv4 address; expected one address per line, primary first.");
                ips.Add(ip);
            }

            if (ips.Count == 0) throw ipsCursor.FailValue("no address is listed; expected at least the ENI's primary IPv4 address.");
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

            interfaces.Add(new ImdsInterface(mac, id, device, ips[0],
                ips.Skip(1).Distinct().Select(Ipv4Cidr.Single).ToList().AsReadOnly(), prefixes.Distinct().ToList().AsReadOnly()));
        }

        interfaces.Sort((a, b) => a.DeviceNumber.CompareTo(b.DeviceNumber));
        return new ImdsDocument(Text("instance-id")?.Trim(), Text("instance-type")?.Trim(), Text("mac")?.Trim().ToLowerInvariant(), interfaces.AsReadOnly());
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
