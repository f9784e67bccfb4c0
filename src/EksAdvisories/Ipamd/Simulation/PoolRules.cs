namespace EksAdvisories.Ipamd;

/// <summary>IPAMD's pool arithmetic, as pure functions of the settings and the datastore's counts.</summary>
internal static class PoolRules
{
    /// <summary>
    /// ipamd.go datastoreTargetState: with WARM_IP_TARGET or MINIMUM_IP_TARGET set, how many IPs the pool is short of
    /// the targets and how many it holds beyond them; in prefix-delegation mode both are counted in /28 prefixes
    /// (short rounded up, over rounded down). Not defined when neither target is set.
    /// </summary>
    public static (int Short, int Over, bool Defined) TargetState(PoolConfig config, long totalIps, long assignedIps)
    {
        if (!config.IpTargetDefined) return (0, 0, false);
        var available = totalIps - assignedIps;
        var shortIps = Math.Max(config.WarmIpTarget - available, 0);
        shortIps = Math.Max(shortIps, config.MinimumIpTarget - totalIps);
        var over = Math.Max(available - config.WarmIpTarget, 0);
        over = Math.Max(Math.Min(over, totalIps - config.MinimumIpTarget), 0);

        // The settings are at most 2^24 (SettingsResolver), so the shortfall fits; the surplus is capped the same way.
        over = Math.Min(over, int.MaxValue);
        if (config.PrefixDelegation)
        {
            shortIps = (shortIps + PoolConfig.IpsPerPrefix - 1) / PoolConfig.IpsPerPrefix;
            over /= PoolConfig.IpsPerPrefix;
        }

        return ((int)shortIps, (int)over, true);
    }

    /// <summary>
    /// ipamd.go isDatastorePoolTooLow: short of the IP targets when they are set; otherwise fewer free IPs than
    /// WARM_ENI_TARGET ENIs' worth (16 × WARM_PREFIX_TARGET in prefix mode), or a zero target and no free IP at all.
    /// </summary>
    public static bool IsPoolTooLow(PoolConfig config, long totalIps, long assignedIps)
    {
        var (shortfall, _, defined) = TargetState(config, totalIps, assignedIps);
        if (defined) return shortfall > 0;
        var available = totalIps - assignedIps;
        var warmTarget = config.PrefixDelegation ? config.WarmPrefixTarget : config.WarmEniTarget;
        var perUnit = config.PrefixDelegation ? PoolConfig.IpsPerPrefix : config.MaxIpsPerEni;
        return available < perUnit * warmTarget || (warmTarget == 0 && available == 0);
    }

    /// <summary>datastore.go GetFreePrefixes: the /28 prefixes of the datastore no pod uses an address of.</summary>
    public static int FreePrefixes(ReadOnlySpan<SimEni> datastore, AddressSet assigned)
    {
        var free = 0;
        foreach (var eni in datastore)
        {
            foreach (var cidr in eni.Blocks)
            {
                if (cidr.IsPrefix && !assigned.AnyIn(cidr)) free++;
            }
        }

        return free;
    }
}
