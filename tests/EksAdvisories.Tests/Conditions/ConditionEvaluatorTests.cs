namespace EksAdvisories.Tests.Conditions;

/// <summary>
/// The condition rule with the conditions of EKSA-2026-0001 as its data states them (v1.22.1:pkg/ipamd/ipamd.go:590-603,
/// nodeInit: the lookup runs when ENI provisioning is on and subnet discovery is on, and on v1.22.1 only without custom networking).
/// </summary>
public class ConditionEvaluatorTests
{
    private static readonly AdvisoryCondition SubnetDiscovery = new("subnet-discovery-enabled", "ENABLE_SUBNET_DISCOVERY", true, null, true, null,
        "IPAMD makes the lookup only with subnet discovery on.", "ENABLE_SUBNET_DISCOVERY=false skips the lookup.");

    private static readonly AdvisoryCondition CustomNetworkingOff = new("custom-networking-off", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", false, null, false,
        Planning.UpgradePlannerTests.Range("1.22.1", "1.22.2"), "v1.22.1 skips the lookup with custom networking.", "Custom networking skips it on v1.22.1.");

    private static readonly AdvisoryCondition Iam = new("iam-allows-describe-security-groups", null, null, "aws-node's IAM principal is allowed ec2:DescribeSecurityGroups", false, null,
        "The lookup fails without the permission.", "Granting ec2:DescribeSecurityGroups lets the lookup succeed.");

    private static readonly AdvisoryCondition[] Conditions = [SubnetDiscovery, CustomNetworkingOff, Iam];

    private static AdvisoryEvaluationOptions Settings(params (string, string?)[] env) =>
        new(AwsNodeSettings.FromEnvironment(env.Select(e => new KeyValuePair<string, string?>(e.Item1, e.Item2)), "aws-node.json"));

    [Fact]
    public void Subnet_discovery_off_clears_the_advisory_and_says_why()
    {
        var outcomes = ConditionEvaluator.Evaluate(Conditions, ComponentVersion.Parse("v1.22.1-eksbuild.2"), Settings(("ENABLE_SUBNET_DISCOVERY", "false")));
        var text = ConditionEvaluator.Describe(outcomes, out var cleared);

        Assert.True(cleared);
        Assert.Equal(ConditionState.DoesNotHold, outcomes.Single(o => o.Condition == SubnetDiscovery).State);
        Assert.StartsWith("This node is not affected: ENABLE_SUBNET_DISCOVERY=false in aws-node.json", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_settings_every_condition_is_unknown_and_the_text_names_what_would_clear_it()
    {
        var outcomes = ConditionEvaluator.Evaluate(Conditions, ComponentVersion.Parse("v1.22.1"), AdvisoryEvaluationOptions.None);
        var text = ConditionEvaluator.Describe(outcomes, out var cleared);

        Assert.False(cleared);
        Assert.All(outcomes, o => Assert.Equal(ConditionState.Unknown, o.State));
        Assert.Contains("ENABLE_SUBNET_DISCOVERY=false skips the lookup.", text, StringComparison.Ordinal);
        Assert.Contains("Granting ec2:DescribeSecurityGroups", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_settings_meet_the_trigger_and_only_the_iam_fact_stays_open()
    {
        var outcomes = ConditionEvaluator.Evaluate(Conditions, ComponentVersion.Parse("v1.22.1"), Settings(("AWS_VPC_K8S_CNI_LOGLEVEL", "DEBUG")));
        var text = ConditionEvaluator.Describe(outcomes, out var cleared);

        Assert.False(cleared);
        Assert.Equal([ConditionState.Holds, ConditionState.Holds, ConditionState.Unknown], outcomes.Select(o => o.State));
        Assert.Contains("ENABLE_SUBNET_DISCOVERY is not set in aws-node.json, so it takes its default (true)", text, StringComparison.Ordinal);
        Assert.Contains("Granting ec2:DescribeSecurityGroups", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ENABLE_SUBNET_DISCOVERY=false skips", text, StringComparison.Ordinal);
    }

    [Theory]
    // v1.22.1 skips the lookup with custom networking; v1.22.0 does not (the condition applies to v1.22.1 only).
    [InlineData("v1.22.1", true)]
    [InlineData("v1.22.0", false)]
    public void Custom_networking_clears_only_v1_22_1(string version, bool cleared)
    {
        var outcomes = ConditionEvaluator.Evaluate(Conditions, ComponentVersion.Parse(version), Settings(("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "true")));
        ConditionEvaluator.Describe(outcomes, out var isCleared);
        Assert.Equal(cleared, isCleared);
        Assert.Equal(version == "v1.22.1", outcomes.Any(o => o.Condition == CustomNetworkingOff));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_stated_fact_settles_its_condition(bool iamAllows, bool cleared)
    {
        var options = new AdvisoryEvaluationOptions(facts: new Dictionary<string, bool> { ["IAM-allows-describe-security-groups"] = iamAllows });
        var outcomes = ConditionEvaluator.Evaluate(Conditions, ComponentVersion.Parse("v1.22.1"), options);
        ConditionEvaluator.Describe(outcomes, out var isCleared);
        Assert.Equal(cleared, isCleared);
        Assert.Equal(iamAllows ? ConditionState.DoesNotHold : ConditionState.Holds, outcomes.Single(o => o.Condition == Iam).State);
    }

    [Fact]
    public void A_setting_from_elsewhere_is_never_taken_for_its_default()
    {
        var outcomes = ConditionEvaluator.Evaluate(Conditions, ComponentVersion.Parse("v1.22.1"), Settings(("ENABLE_SUBNET_DISCOVERY", null)));
        Assert.Equal(ConditionState.Unknown, outcomes.Single(o => o.Condition == SubnetDiscovery).State);
    }
}
