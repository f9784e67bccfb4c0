using System.Collections.ObjectModel;

namespace EksAdvisories.Ipamd;

/// <summary>
/// The IPAMD settings the reference model runs with, resolved from the snapshot (introspection, aws-node DaemonSet, the
/// datastore's contents) and, where the snapshot does not say, from the shipped defaults; <see cref="Assumptions"/> lists
/// every value that was not read. This type is immutable.
/// </summary>
public sealed class IpamdSettings
{
    internal IpamdSettings(int warmEniTarget, int warmIpTarget, int minimumIpTarget, int warmPrefixTarget, bool prefixDelegation, bool customNetworking, IList<string> assumptions)
    {
        WarmEniTarget = warmEniTarget;
        WarmIpTarget = warmIpTarget;
        MinimumIpTarget = minimumIpTarget;
        WarmPrefixTarget = warmPrefixTarget;
        PrefixDelegation = prefixDelegation;
        CustomNetworking = customNetworking;
        Assumptions = new ReadOnlyCollection<string>(assumptions);
    }

    /// <summary><c>WARM_ENI_TARGET</c>: how many ENIs' worth of free IPs to keep (default 1).</summary>
    public int WarmEniTarget { get; }

    /// <summary><c>WARM_IP_TARGET</c>: free IPs to keep; 0 means unset.</summary>
    public int WarmIpTarget { get; }

    /// <summary><c>MINIMUM_IP_TARGET</c>: IPs to hold in total; 0 means unset.</summary>
    public int MinimumIpTarget { get; }

    /// <summary><c>WARM_PREFIX_TARGET</c>: free /28 prefixes to keep in prefix-delegation mode.</summary>
    public int WarmPrefixTarget { get; }

    /// <summary><c>ENABLE_PREFIX_DELEGATION</c>: IPAMD assigns /28 prefixes instead of secondary IPs.</summary>
    public bool PrefixDelegation { get; }

    /// <summary><c>AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG</c>: pods never use the primary ENI.</summary>
    public bool CustomNetworking { get; }

    /// <summary>True when WARM_IP_TARGET or MINIMUM_IP_TARGET is set, which switches the pool rules to the IP-target ones.</summary>
    public bool IpTargetDefined => WarmIpTarget > 0 || MinimumIpTarget > 0;

    /// <summary>One sentence per setting that was defaulted or inferred rather than read, naming the value used and why.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"ENABLE_PREFIX_DELEGATION={(PrefixDelegation ? "true" : "false")} WARM_ENI_TARGET={WarmEniTarget} WARM_IP_TARGET={WarmIpTarget} MINIMUM_IP_TARGET={MinimumIpTarget} WARM_PREFIX_TARGET={WarmPrefixTarget} CUSTOM_NETWORK_CFG={(CustomNetworking ? "true" : "false")}";
}
