using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

/// <summary>The one next-request rule the model and the comparison share (ipamd.go tryAssignIPs, tryAssignPrefixes, getPrefixesNeeded).</summary>
public class NextRequestTests
{
    // ipamd.go v1.12.2 tryAssignCidrs 892-905 returns before tryAssignPrefixes when the warm-prefix shortfall is 0 (through
    // v1.16.2); from v1.16.3 tryAssignPrefixes asks for max(1, shortfall) (getPrefixesNeeded 2156-2175).
    [Theory]
    [InlineData(1, 0, true, 1)]
    [InlineData(1, 1, true, 0)]
    [InlineData(0, 0, true, 0)]
    [InlineData(3, 1, true, 2)]
    [InlineData(1, 1, false, 1)]
    [InlineData(0, 0, false, 1)]
    public void Prefixes_wanted_are_the_warm_prefix_shortfall_with_the_early_return_of_its_era(int warmPrefixTarget, int freePrefixes, bool earlyReturn, int expected)
    {
        Assert.Equal(expected, NextRequest.Wanted(new PoolConfig(15, 1, 0, 0, true, warmPrefixTarget), 16, 1, freePrefixes, earlyReturn));
    }

    [Theory]
    [InlineData(0, 9)]
    [InlineData(2, 1)]
    public void Ips_wanted_are_a_full_eni_or_the_ip_target_shortfall(int warmIpTarget, int expected)
    {
        // 10 IPs, 9 used: 1 free; WARM_IP_TARGET 2 → short 1 (ipamd.go v1.12.2:915-930).
        Assert.Equal(expected, NextRequest.Wanted(new PoolConfig(9, 1, warmIpTarget, 0, false, 0), 10, 9, 0, true));
    }

    [Fact]
    public void Ec2_refuses_when_primary_plus_held_plus_requested_exceed_the_limit()
    {
        Assert.True(NextRequest.IsRefused(10, 9, 1));
        Assert.False(NextRequest.IsRefused(10, 8, 1));
        Assert.Equal(4, NextRequest.OnEni(new PoolConfig(9, 1, 0, 0, false, 0), 9, 5));
    }
}
