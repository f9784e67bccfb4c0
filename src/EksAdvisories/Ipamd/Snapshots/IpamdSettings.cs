using System.Collections.ObjectModel;

namespace EksAdvisories.Ipamd;

/// <summary>
/// The IPAMD settings the reference model runs with, resolved from the snapshot (introspection, aws-node DaemonSet, the
/// datastore's contents) and, where the snapshot does not say, from the shipped defaults; <see cref="Assumptions"/> lists
/// every value that was not read. This type is immutable.
/// </summary>
public sealed class IpamdSettings
{
    internal IpamdSettings(int warmEniTarget, int warmIpTarget, int minimumIpTarget, int warmPrefixTarget, bool prefixDelegation, bool customNetworking,
        int? maxEni, bool podEni, bool ipv6, bool disableEniProvisioning, bool manageUntaggedEnis, IList<string> assumptions)
    {
        WarmEniTarget = warmEniTarget;
        WarmIpTarget = warmIpTarget;
        MinimumIpTarget = minimumIpTarget;
        WarmPrefixTarget = warmPrefixTarget;
        PrefixDelegation = prefixDelegation;
        CustomNetworking = customNetworking;
        MaxEni = maxEni;
        PodEni = podEni;
        Ipv6 = ipv6;
        DisableEniProvisioning = disableEniProvisioning;
        ManageUntaggedEnis = manageUntaggedEnis;
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

    /// <summary><c>MAX_ENI</c>: caps IPAMD's ENI limit below the instance type's; null when unset or not a whole number of at least 1.</summary>
    public int? MaxEni { get; }

    /// <summary><c>ENABLE_POD_ENI</c> (security groups for pods): one ENI slot is kept for the trunk ENI until it is attached.</summary>
    public bool PodEni { get; }

    /// <summary><c>ENABLE_IPv6</c>, or IPv6 prefixes in the datastore: the IPv4 warm pool, and with it this regression, is not used.</summary>
    public bool Ipv6 { get; }

    /// <summary><c>DISABLE_NETWORK_RESOURCE_PROVISIONING</c>: IPAMD asks EC2 for no addresses and attaches no ENI.</summary>
    public bool DisableEniProvisioning { get; }

    /// <summary><c>MANAGE_UNTAGGED_ENI</c> (default true): when false, ENIs IPAMD did not create are left alone.</summary>
    public bool ManageUntaggedEnis { get; }

    /// <summary>True when WARM_IP_TARGET or MINIMUM_IP_TARGET is set, which switches the pool rules to the IP-target ones.</summary>
    public bool IpTargetDefined => WarmIpTarget > 0 || MinimumIpTarget > 0;

    /// <summary>One sentence per setting that was defaulted or inferred rather than read, naming the value used and why.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"ENABLE_PREFIX_DELEGATION={(PrefixDelegation ? "true" : "false")} WARM_ENI_TARGET={WarmEniTarget} WARM_IP_TARGET={WarmIpTarget} MINIMUM_IP_TARGET={MinimumIpTarget} WARM_PREFIX_TARGET={WarmPrefixTarget} CUSTOM_NETWORK_CFG={(CustomNetworking ? "true" : "false")}"
        + (MaxEni is { } max ? " MAX_ENI=" + max.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
        + (PodEni ? " ENABLE_POD_ENI=true" : string.Empty) + (Ipv6 ? " ENABLE_IPv6=true" : string.Empty)
        + (DisableEniProvisioning ? " DISABLE_NETWORK_RESOURCE_PROVISIONING=true" : string.Empty) + (ManageUntaggedEnis ? string.Empty : " MANAGE_UNTAGGED_ENI=false");
}
