namespace EksAdvisories.Ipamd;

/// <summary>
/// The one rule for how much IPAMD asks EC2 for on an ENI, used by the model and by the comparison's "next request"
/// finding. ipamd.go v1.12.2 tryAssignIPs 915-960 (a full ENI's worth, or the WARM_IP_TARGET / MINIMUM_IP_TARGET shortfall;
/// nothing when an IP target is met), tryAssignPrefixes 1001-1030 with getPrefixesNeeded 2156-2175 (max(1, shortfall)), and
/// tryAssignCidrs 892-905 (through v1.16.2: nothing when the warm-prefix shortfall is 0).
/// </summary>
internal static class NextRequest
{
    /// <summary>How many IPs or prefixes IPAMD wants now; 0 when it returns before asking.</summary>
    public static int Wanted(PoolConfig pool, long totalIps, long assignedIps, int freePrefixes, bool prefixPoolEarlyReturn)
    {
        var (shortfall, _, defined) = PoolRules.TargetState(pool, totalIps, assignedIps);
        // tryAssignIPs returns when an IP target is met, in every version; tryAssignPrefixes asks for max(1, short), and only
        // tryAssignCidrs through v1.16.2 returns before it when the target is met.
        if (defined) return pool.PrefixDelegation && !(shortfall == 0 && prefixPoolEarlyReturn) ? Math.Max(1, shortfall) : shortfall;
        if (!pool.PrefixDelegation) return pool.MaxIpsPerEni;
        var prefixShortfall = Math.Max(pool.WarmPrefixTarget - freePrefixes, 0);
        if (prefixShortfall == 0 && prefixPoolEarlyReturn) return 0;
        return Math.Max(1, prefixShortfall);
    }

    /// <summary>
    /// What IPAMD wants at the moment the pool next runs low: the same rule with the pool just short (an IP target short by
    /// one, a warm-prefix target short by one prefix); 0 when this IPAMD would still ask for nothing.
    /// </summary>
    public static int WantedWhenLow(PoolConfig pool, bool prefixPoolEarlyReturn)
    {
        if (pool.IpTargetDefined) return 1;
        if (!pool.PrefixDelegation) return pool.MaxIpsPerEni;
        return pool.WarmPrefixTarget == 0 && prefixPoolEarlyReturn ? 0 : 1;
    }

    /// <summary>The request on one ENI: what is wanted, capped by the room the datastore thinks the ENI has.</summary>
    public static int OnEni(PoolConfig pool, int wanted, int unitsInDatastore) => Math.Min(pool.MaxIpsPerEni - unitsInDatastore, wanted);

    /// <summary>EC2's per-ENI rule: refused with PrivateIpAddressLimitExceeded when 1 (the primary) + what it holds + the request exceed the limit.</summary>
    public static bool IsRefused(int perEniLimit, int slotsAtEc2, int request) => 1 + slotsAtEc2 + request > perEniLimit;
}
