namespace EksAdvisories.Ipamd;

/// <summary>The inputs of IPAMD's pool rules: the per-ENI maximum and the warm/minimum targets.</summary>
/// <param name="MaxIpsPerEni">maxIPsPerENI: the instance type's per-ENI IPv4 limit minus the primary IP.</param>
/// <param name="WarmEniTarget">WARM_ENI_TARGET.</param>
/// <param name="WarmIpTarget">WARM_IP_TARGET; 0 is unset.</param>
/// <param name="MinimumIpTarget">MINIMUM_IP_TARGET; 0 is unset.</param>
/// <param name="PrefixDelegation">ENABLE_PREFIX_DELEGATION.</param>
/// <param name="WarmPrefixTarget">WARM_PREFIX_TARGET.</param>
internal readonly record struct PoolConfig(int MaxIpsPerEni, int WarmEniTarget, int WarmIpTarget, int MinimumIpTarget, bool PrefixDelegation, int WarmPrefixTarget)
{
    /// <summary>A /28 prefix holds 16 addresses (datastore.GetPrefixDelegationDefaults).</summary>
    public const int IpsPerPrefix = 16;

    public bool IpTargetDefined => WarmIpTarget > 0 || MinimumIpTarget > 0;
}
