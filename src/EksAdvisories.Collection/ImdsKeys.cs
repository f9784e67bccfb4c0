using System.Text.RegularExpressions;

namespace EksAdvisories.Collection;

/// <summary>
/// The IMDS keys collection may read: the ones the checker reads (the same list as the collectors) and the region,
/// which selects the EC2 endpoint and is not written. Credentials (<c>iam/security-credentials</c>,
/// <c>identity-credentials</c>) and <c>user-data</c> are not in it and cannot be requested.
/// </summary>
internal static partial class ImdsKeys
{
    public const string InstanceId = "instance-id";
    public const string InstanceType = "instance-type";
    public const string Mac = "mac";
    public const string Macs = "network/interfaces/macs";
    public const string Region = "placement/region";

    /// <summary>The keys read for each MAC listed under <see cref="Macs"/>, written as <c>network/interfaces/macs/MAC/KEY</c>.</summary>
    public static IReadOnlyList<string> PerInterface { get; } = ["interface-id", "device-number", "local-ipv4s", "ipv4-prefix", "subnet-ipv4-cidr-block"];

    /// <summary>The keys written to imds.json before the per-interface ones, in the collectors' order.</summary>
    public static IReadOnlyList<string> NodeKeys { get; } = [InstanceId, InstanceType, Mac, Macs];

    public static string ForInterface(string mac, string key) => $"{Macs}/{mac}/{key}";

    public static bool IsAllowed(string key)
    {
        if (NodeKeys.Contains(key) || key == Region) return true;
        var match = InterfaceKey().Match(key);
        return match.Success && PerInterface.Contains(match.Groups["key"].Value);
    }

    // A MAC as IMDS lists it (lower-case hex pairs), then one of the per-interface keys.
    [GeneratedRegex("^network/interfaces/macs/[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}/(?<key>[a-z0-9-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex InterfaceKey();
}
