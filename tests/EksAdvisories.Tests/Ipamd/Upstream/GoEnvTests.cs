using EksAdvisories.Ipamd;
using static EksAdvisories.Tests.Ipamd.Upstream.UpstreamNode;

namespace EksAdvisories.Tests.Ipamd.Upstream;

/// <summary>The aws-node env read as IPAMD's Go code reads it (strconv.Atoi, strconv.ParseBool, defaults on error).</summary>
public class GoEnvTests
{
    private static IpamdSettings Settings(string env)
    {
        var ips = Ips(0, 0, 3);
        return Snapshot("v1.12.2", NodeType.M5Large, [new NodeEni("eni-0a1b2c3d4e5f60718", 0, PrimaryOf(0), ips, ips, ips)], env).Settings;
    }

    [Theory]
    [InlineData("1", 1, true)]
    [InlineData("+2", 2, true)]
    [InlineData("007", 7, true)]
    [InlineData("-0", 0, true)]
    [InlineData("-1", -1, true)]
    [InlineData("9223372036854775807", long.MaxValue, true)]
    [InlineData("9223372036854775808", 0, false)]
    [InlineData(" 1", 0, false)]
    [InlineData("1 ", 0, false)]
    [InlineData("", 0, false)]
    [InlineData("+", 0, false)]
    [InlineData("five", 0, false)]
    [InlineData("1_000", 0, false)]
    [InlineData("0x10", 0, false)]
    [InlineData("١", 0, false)]
    public void Atoi_accepts_what_go_accepts(string text, long expected, bool ok)
    {
        Assert.Equal(ok, GoEnvParsing.TryAtoi(text, out var value));
        if (ok) Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("FALSE", false)]
    [InlineData("False", false)]
    public void ParseBool_accepts_the_twelve_go_spellings(string text, bool expected)
    {
        Assert.True(GoEnvParsing.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("tRuE")]
    [InlineData(" true")]
    [InlineData("on")]
    public void ParseBool_refuses_anything_else(string text) => Assert.False(GoEnvParsing.TryParseBool(text, out _));

    // ipamd.go v1.12.2 getWarmENITarget 1157-1172: Atoi error or negative → default 1.
    [Theory]
    [InlineData("1", 1, false)]
    [InlineData("0", 0, false)]
    [InlineData("3", 3, false)]
    [InlineData(" 1", 1, true)]
    [InlineData("", 1, true)]
    [InlineData("-1", 1, true)]
    [InlineData("five", 1, true)]
    public void Warm_eni_target_takes_the_default_where_go_does_and_says_so(string value, int expected, bool assumed)
    {
        var settings = Settings($$"""[{"name":"WARM_ENI_TARGET","value":"{{value}}"}]""");
        Assert.Equal(expected, settings.WarmEniTarget);
        Assert.Equal(assumed, settings.Assumptions.Any(a => a.StartsWith("WARM_ENI_TARGET=", StringComparison.Ordinal) && a.Contains("default 1")));
    }

    [Theory]
    [InlineData("t", true, false)]
    [InlineData("1", true, false)]
    [InlineData("TRUE", true, false)]
    [InlineData("", false, false)]
    [InlineData("yes", false, true)]
    public void Prefix_delegation_is_read_with_parse_bool(string value, bool expected, bool assumed)
    {
        var settings = Settings($$"""[{"name":"ENABLE_PREFIX_DELEGATION","value":"{{value}}"}]""");
        Assert.Equal(expected, settings.PrefixDelegation);
        Assert.Equal(assumed, settings.Assumptions.Any(a => a.StartsWith("ENABLE_PREFIX_DELEGATION=", StringComparison.Ordinal) && a.Contains("ParseBool")));
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData("0", null)]
    [InlineData("-1", null)]
    [InlineData("x", null)]
    public void Max_eni_counts_only_from_one(string value, int? expected)
    {
        Assert.Equal(expected, Settings($$"""[{"name":"MAX_ENI","value":"{{value}}"}]""").MaxEni);
    }

    [Fact]
    public void Value_from_a_reference_is_unknown_and_the_default_is_stated()
    {
        var settings = Settings("""[{"name":"WARM_IP_TARGET","valueFrom":{"configMapKeyRef":{"name":"amazon-vpc-cni","key":"warm-ip-target"}}}]""");
        Assert.Equal(0, settings.WarmIpTarget);
        Assert.Contains(settings.Assumptions, a => a.StartsWith("WARM_IP_TARGET is set through valueFrom", StringComparison.Ordinal));
    }

    [Fact]
    public void Pod_eni_and_max_eni_lower_the_models_eni_limit()
    {
        var ips = Ips(0, 0, 3);
        var snapshot = Snapshot("v1.12.2", NodeType.M5Large, [new NodeEni("eni-0a1b2c3d4e5f60718", 0, PrimaryOf(0), ips, ips, ips)],
            """[{"name":"ENABLE_POD_ENI","value":"true"}]""");
        // m5.large allows 3 ENIs; ipamd.go v1.12.2:806-810 keeps one slot for the trunk ENI until it is attached.
        Assert.Equal(2, ModelInput.FromSnapshot(snapshot)!.MaxEnis);
        var capped = Snapshot("v1.12.2", NodeType.M5Large, [new NodeEni("eni-0a1b2c3d4e5f60718", 0, PrimaryOf(0), ips, ips, ips)],
            """[{"name":"MAX_ENI","value":"1"}]""");
        Assert.Equal(1, ModelInput.FromSnapshot(capped)!.MaxEnis);
    }
}
