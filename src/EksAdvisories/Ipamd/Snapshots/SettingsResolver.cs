using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// Decides the IPAMD settings the model runs with: what IPAMD itself reports wins, then the aws-node env read as Go reads
/// it, then what the datastore shows; anything still unknown takes the shipped default. Every default that was assumed
/// rather than read (no DaemonSet, a value Go rejects, a value set through <c>valueFrom</c>) is stated as an assumption.
/// </summary>
internal static class SettingsResolver
{
    /// <summary>
    /// Integer settings larger than this behave the same as this on any node (160 ENIs x 128 addresses x 16 is far below),
    /// so a huge value Go accepts is held at it rather than overflowing the pool arithmetic.
    /// </summary>
    private const long LargestMeaningfulCount = 1 << 24;

    public static IpamdSettings Resolve(EnvSettingsDocument? reported, AwsNodeEnv? env, DatastoreDocument datastore, IReadOnlyList<Ec2Interface> ec2)
    {
        var assumptions = new List<string>();
        var haveDaemonSet = env is not null;
        env ??= AwsNodeEnv.None;

        // ipamd.go v1.12.2 getWarmENITarget 1157-1172, getWarmPrefixTarget 1174-1189, getWarmIPTarget 1648-1662,
        // getMinimumIPTarget 1664-1678: os.LookupEnv, strconv.Atoi, and the default on an error or a negative value.
        int Integer(string name, int? fromIpamd, int codeDefault, int? assumedWithoutDaemonSet = null, string? why = null)
        {
            if (fromIpamd is { } reportedValue) return reportedValue;
            if (!haveDaemonSet)
            {
                var assumed = assumedWithoutDaemonSet ?? codeDefault;
                assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"{name} is not in the snapshot; assumed {assumed} ({why ?? "the code default"})."));
                return assumed;
            }

            if (env.FromReferences.Contains(name))
            {
                assumptions.Add(string.Create(CultureInfo.InvariantCulture, $"{name} is set through valueFrom, which the DaemonSet does not show; assumed the code default {codeDefault}."));
                return codeDefault;
            }

            if (env[name] is not { } text) return codeDefault;
            if (!GoEnvParsing.TryAtoi(text, out var value) || value < 0)
            {
                assumptions.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}=\"{text}\" in the aws-node env: {(value < 0 ? "a negative value" : "Go's strconv.Atoi rejects it")}, so IPAMD uses its default {codeDefault} (ipamd.go v1.12.2:1157-1189, 1648-1678)."));
                return codeDefault;
            }

            return (int)Math.Min(value, LargestMeaningfulCount);
        }

        // introspect.go v1.12.2 getEnvBoolWithDefault 198-207 and ipamd.go UseCustomNetworkCfg 1630-1638: an empty value is
        // unset; strconv.ParseBool, and the default on an error.
        bool Boolean(string name, bool? fromIpamd, bool codeDefault, Func<bool>? inferWithoutDaemonSet = null, string? inferred = null)
        {
            if (fromIpamd is { } reportedValue) return reportedValue;
            if (!haveDaemonSet)
            {
                var assumed = inferWithoutDaemonSet?.Invoke() ?? codeDefault;
                assumptions.Add($"{name} is not in the snapshot; assumed {Word(assumed)} ({(inferWithoutDaemonSet is null ? "the code default" : inferred)}).");
                return assumed;
            }

            if (env.FromReferences.Contains(name))
            {
                assumptions.Add($"{name} is set through valueFrom, which the DaemonSet does not show; assumed the code default {Word(codeDefault)}.");
                return codeDefault;
            }

            if (env[name] is not { Length: > 0 } text) return codeDefault;
            if (GoEnvParsing.TryParseBool(text, out var value)) return value;
            assumptions.Add($"{name}=\"{text}\" in the aws-node env: Go's strconv.ParseBool rejects it, so IPAMD uses its default {Word(codeDefault)} (introspect.go v1.12.2:198-207).");
            return codeDefault;
        }

        var warmEni = Integer("WARM_ENI_TARGET", reported?.WarmEniTarget, 1, 1, "the default of the code and the shipped manifest");
        var warmIp = Integer("WARM_IP_TARGET", reported?.WarmIpTarget, 0, 0, "unset, the default");
        var minimumIp = Integer("MINIMUM_IP_TARGET", null, 0, 0, "unset, the default");

        // The mode shows in the data: /28 prefixes in the datastore or at EC2 exist only with prefix delegation.
        var prefixDelegation = Boolean("ENABLE_PREFIX_DELEGATION", null, false,
            () => datastore.Enis.Any(e => e.Cidrs.Any(c => c.IsPrefix)) || ec2.Any(e => e.Prefixes.Count > 0),
            "inferred from whether the datastore or EC2 holds /28 prefixes");
        var warmPrefix = prefixDelegation
            ? Integer("WARM_PREFIX_TARGET", null, 0, 1, "as the shipped manifest and Helm chart set it; the code default when the variable is absent is 0")
            : haveDaemonSet ? Integer("WARM_PREFIX_TARGET", null, 0) : 1;
        var customNetworking = Boolean("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", reported?.CustomNetworking, false);

        // ipamd.go v1.12.2 getMaxENI 1139-1155: MAX_ENI counts only when Atoi reads it and it is at least 1.
        int? maxEni = null;
        if (haveDaemonSet && env["MAX_ENI"] is { } maxText)
        {
            if (GoEnvParsing.TryAtoi(maxText, out var parsed) && parsed >= 1) maxEni = (int)Math.Min(parsed, LargestMeaningfulCount);
            else assumptions.Add($"MAX_ENI=\"{maxText}\" in the aws-node env: not a whole number of at least 1 as Go's strconv.Atoi reads it, so IPAMD uses the instance type's limit (ipamd.go v1.12.2:1139-1155).");
        }

        var podEni = Boolean("ENABLE_POD_ENI", null, false, () => ec2.Any(e => e.InterfaceType == "trunk"), "inferred from whether EC2 reports a trunk ENI");
        var ipv6 = haveDaemonSet ? Boolean("ENABLE_IPv6", null, false) : datastore.HasIpv6;
        var disableProvisioning = haveDaemonSet && Boolean("DISABLE_NETWORK_RESOURCE_PROVISIONING", null, false);
        var manageUntagged = !haveDaemonSet || Boolean("MANAGE_UNTAGGED_ENI", null, true);
        return new IpamdSettings(warmEni, warmIp, minimumIp, warmPrefix, prefixDelegation, customNetworking, maxEni, podEni, ipv6 || datastore.HasIpv6,
            disableProvisioning, manageUntagged, assumptions);
    }

    private static string Word(bool value) => value ? "true" : "false";
}
