using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

/// <summary>The upstream pool-rule vectors (ipamd_test.go of v1.12.5), as the reference model must reproduce them.</summary>
public class PoolRulesTests
{
    // TestIPAMContext_nodeIPPoolTooLow: datastore given as (total IPs, used IPs).
    [Theory]
    [InlineData(14, 1, 0, 0, 0, true)]
    [InlineData(14, 0, 0, 0, 0, true)]
    [InlineData(14, 0, 3, 0, 0, true)]
    [InlineData(3, 1, 1, 3, 0, false)]
    [InlineData(3, 1, 0, 3, 1, true)]
    [InlineData(3, 0, 0, 3, 1, false)]
    [InlineData(3, 1, 0, 3, 3, true)]
    [InlineData(3, 0, 0, 3, 3, true)]
    public void Secondary_ip_pool_is_too_low_as_upstream_says(int maxIpsPerEni, int warmEniTarget, int warmIpTarget, int totalIps, int usedIps, bool tooLow)
    {
        var config = new PoolConfig(maxIpsPerEni, warmEniTarget, warmIpTarget, 0, false, 0);
        Assert.Equal(tooLow, PoolRules.IsPoolTooLow(config, totalIps, usedIps));
    }

    // TestIPAMContext_nodePrefixPoolTooLow: maxIPsPerENI 256, maxPrefixesPerENI 16; one /28 holds 16 IPs.
    [Theory]
    [InlineData(1, 0, 0, true)]
    [InlineData(0, 0, 0, true)]
    [InlineData(1, 16, 0, false)]
    [InlineData(1, 16, 1, true)]
    [InlineData(0, 16, 1, false)]
    [InlineData(1, 16, 3, true)]
    [InlineData(0, 16, 3, false)]
    public void Prefix_pool_is_too_low_as_upstream_says(int warmPrefixTarget, int totalIps, int usedIps, bool tooLow)
    {
        var config = new PoolConfig(256, 1, 0, 0, true, warmPrefixTarget);
        Assert.Equal(tooLow, PoolRules.IsPoolTooLow(config, totalIps, usedIps));
    }

    // TestGetWarmIPTargetState: (total, used) → (short, over).
    [Theory]
    [InlineData(5, 0, 0, 5, 0)]
    [InlineData(5, 2, 0, 3, 0)]
    [InlineData(5, 5, 0, 0, 0)]
    public void Warm_ip_target_state_in_secondary_ip_mode(int warmIpTarget, int totalIps, int usedIps, int expectedShort, int expectedOver)
    {
        var (shortfall, over, defined) = PoolRules.TargetState(new PoolConfig(14, 1, warmIpTarget, 0, false, 0), totalIps, usedIps);
        Assert.True(defined);
        Assert.Equal((expectedShort, expectedOver), (shortfall, over));
    }

    // TestGetWarmIPTargetStatewithPDenabled: short and over counted in /28 prefixes.
    [Theory]
    [InlineData(5, 0, 0, 1, 0)]
    [InlineData(5, 32, 0, 0, 1)]
    [InlineData(5, 16, 0, 0, 0)]
    public void Warm_ip_target_state_in_prefix_mode_counts_prefixes(int warmIpTarget, int totalIps, int usedIps, int expectedShort, int expectedOver)
    {
        var (shortfall, over, defined) = PoolRules.TargetState(new PoolConfig(256, 1, warmIpTarget, 0, true, 1), totalIps, usedIps);
        Assert.True(defined);
        Assert.Equal((expectedShort, expectedOver), (shortfall, over));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Warm_ip_target_state_is_not_defined_without_ip_targets(bool prefixDelegation)
    {
        Assert.False(PoolRules.TargetState(new PoolConfig(14, 1, 0, 0, prefixDelegation, 1), 0, 0).Defined);
    }

    [Fact]
    public void Minimum_ip_target_makes_the_pool_short_of_total_ips()
    {
        var config = new PoolConfig(9, 1, 0, 10, false, 0);
        Assert.Equal((4, 0, true), PoolRules.TargetState(config, 6, 0));
        Assert.True(PoolRules.IsPoolTooLow(config, 6, 0));
    }
}
