namespace EksAdvisories.Tests.Evaluation;

public class AdvisoryEvaluationTests
{
    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    [Theory]
    // Before the regression.
    [InlineData("v1.11.2", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    [InlineData("v1.11.2-eksbuild.3", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    [InlineData("v1.11.3", AffectedStatus.NotAffected, AffectedStatus.Affected)]
    [InlineData("v1.11.3-eksbuild.1", AffectedStatus.NotAffected, AffectedStatus.Affected)]
    [InlineData("v1.11.3-eksbuild.3", AffectedStatus.NotAffected, AffectedStatus.Affected)]
    // The affected range, every upstream tag and add-on build in it.
    [InlineData("v1.11.4-rc1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.11.4", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.11.4-eksbuild.1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.11.4-eksbuild.3", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.11.5", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.11.5-eksbuild.1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.0", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.0-eksbuild.1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.0-eksbuild.2", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.1-rc1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.1-rc3", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.1-eksbuild.2", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.2", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.2-eksbuild.1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("1.12.2", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData(" V1.12.2-eksbuild.1 ", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("v1.12.2+20230101", AffectedStatus.Affected, AffectedStatus.Affected)]
    // Fixed.
    [InlineData("v1.12.5", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    [InlineData("v1.12.5-eksbuild.1", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    [InlineData("v1.12.5-eksbuild.2", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    [InlineData("v1.12.6-eksbuild.2", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    [InlineData("v1.13.0", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    [InlineData("v1.18.3-eksbuild.1", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    // Image references.
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.12.2", AffectedStatus.Affected, AffectedStatus.Affected)]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.11.3-eksbuild.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", AffectedStatus.NotAffected, AffectedStatus.Affected)]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.5-eksbuild.1", AffectedStatus.NotAffected, AffectedStatus.NotAffected)]
    public void Answers_every_version_form_a_cluster_shows(string version, AffectedStatus status, AffectedStatus asPublished)
    {
        var verdict = Advisory.Evaluate(version);
        Assert.Equal(status, verdict.Status);
        Assert.Equal(asPublished, verdict.AsPublished);
        Assert.Equal(status != asPublished, verdict.DiffersFromPublished);
        Assert.Equal(version, verdict.Input);
        Assert.NotNull(verdict.Version);
        Assert.Equal("EKSA-2023-0001", verdict.AdvisoryId);
        Assert.Equal(status == AffectedStatus.Affected, verdict.Action is not null);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
    }

    [Fact]
    public void Eks_build_of_an_affected_release_is_affected_where_a_naive_semver_check_says_no()
    {
        // Plain SemVer precedence sorts 1.12.0-eksbuild.1 below 1.12.0, so a SemVer range check calls it unaffected.
        var naive = Semver.SemVersionRange.Parse(">=1.11.3 <=1.12.2");
        Assert.False(naive.Contains(Semver.SemVersion.Parse("1.12.0-eksbuild.1")));

        var verdict = Advisory.Evaluate("v1.12.0-eksbuild.1");
        Assert.Equal(AffectedStatus.Affected, verdict.Status);
        Assert.Contains("EKS add-on build of v1.12.0", verdict.Reason);
    }

    [Fact]
    public void V1_11_3_is_not_affected_although_the_published_range_lists_it()
    {
        var verdict = Advisory.Evaluate("v1.11.3-eksbuild.1");
        Assert.Equal(AffectedStatus.NotAffected, verdict.Status);
        Assert.Equal(AffectedStatus.Affected, verdict.AsPublished);
        Assert.Contains(">=1.11.3 <=1.12.2", verdict.Reason);
        Assert.Contains("wrongly", verdict.Reason);
        Assert.Null(verdict.Action);
    }

    [Theory]
    [InlineData("v1.12.3")]
    [InlineData("v1.12.4")]
    [InlineData("1.12.3-eksbuild.1")]
    public void Never_released_versions_are_unknown_with_a_pointer_to_the_real_fix(string version)
    {
        var verdict = Advisory.Evaluate(version);
        Assert.Equal(AffectedStatus.Unknown, verdict.Status);
        Assert.Contains("never released", verdict.Reason);
        Assert.Contains("v1.12.5", verdict.Reason);
    }

    [Theory]
    [InlineData("v1.12", AffectedStatus.Unknown, AffectedStatus.Unknown, "v1.12.5")]
    [InlineData("v1.11", AffectedStatus.Unknown, AffectedStatus.Unknown, "v1.11.4-rc1")]
    [InlineData("v1", AffectedStatus.Unknown, AffectedStatus.Unknown, "v1.11.4-rc1")]
    [InlineData("v1.13", AffectedStatus.NotAffected, AffectedStatus.NotAffected, "No v1.13.x")]
    [InlineData("1.10", AffectedStatus.NotAffected, AffectedStatus.NotAffected, "No v1.10.x")]
    [InlineData("v2", AffectedStatus.NotAffected, AffectedStatus.NotAffected, "No v2.x")]
    public void Partial_versions_get_a_definite_answer_only_when_every_release_of_the_line_agrees(string version, AffectedStatus status, AffectedStatus asPublished, string inReason)
    {
        var verdict = Advisory.Evaluate(version);
        Assert.Equal(status, verdict.Status);
        Assert.Equal(asPublished, verdict.AsPublished);
        Assert.Contains(inReason, verdict.Reason);
        if (status == AffectedStatus.Unknown) Assert.Contains($"'{version}'", verdict.Reason);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("not a version")]
    [InlineData("")]
    [InlineData("1.12.2.4")]
    public void Garbage_is_unknown_with_a_reason_quoting_the_input(string version)
    {
        var verdict = Advisory.Evaluate(version);
        Assert.Equal(AffectedStatus.Unknown, verdict.Status);
        Assert.Equal(AffectedStatus.Unknown, verdict.AsPublished);
        Assert.Null(verdict.Version);
        Assert.Null(verdict.Action);
        if (version.Length > 0) Assert.Contains(version, verdict.Reason);
    }

    [Fact]
    public void Null_version_is_unknown_not_an_exception()
    {
        var verdict = Advisory.Evaluate((string?)null);
        Assert.Equal(AffectedStatus.Unknown, verdict.Status);
        Assert.Contains("null", verdict.Reason);
    }

    [Fact]
    public void An_image_of_another_component_is_unknown_not_unaffected()
    {
        var verdict = Advisory.Evaluate("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.0.4-eksbuild.1");
        Assert.Equal(AffectedStatus.Unknown, verdict.Status);
        Assert.Contains("aws-network-policy-agent", verdict.Reason);
        Assert.Contains("amazon-k8s-cni", verdict.Reason);
    }

    [Fact]
    public void Action_names_the_first_released_fix_and_a_build_only_where_the_data_knows_eks_offers_it()
    {
        var action = Advisory.Evaluate("v1.12.2-eksbuild.1", "1.27").Action!;
        Assert.Equal("v1.12.5", action.UpgradeTo.ToString());
        Assert.Equal("v1.12.6-eksbuild.2", $"{action.RecommendedAddonVersion}");
        Assert.Null(action.AddonVersionsCommand);
        Assert.Contains("v1.12.5", action.Summary);
        Assert.Contains(action.UpgradeCaveats, c => c.Contains("never released"));

        var unknownCluster = Advisory.Evaluate("v1.12.2-eksbuild.1").Action!;
        Assert.Null(unknownCluster.RecommendedAddonVersion);
        Assert.Equal("aws eks describe-addon-versions --addon-name vpc-cni --kubernetes-version <cluster version>", unknownCluster.AddonVersionsCommand);
    }

    [Fact]
    public void Unknown_kubernetes_version_offers_the_mitigation_with_the_versions_where_it_changes()
    {
        var action = Advisory.Evaluate("v1.12.0-eksbuild.1").Action!;
        Assert.NotNull(action.Mitigation);
        Assert.Contains(action.MitigationCaveats, c => c.Contains("older than 1.25", StringComparison.Ordinal));
        Assert.Contains("older than 1.25", action.Summary);

        var garbled = Advisory.Evaluate("v1.12.0-eksbuild.1", "banana").Action!;
        Assert.NotNull(garbled.Mitigation);
        Assert.Contains("'banana' is not a Kubernetes version", garbled.Summary);
    }

    [Fact]
    public void Parsed_versions_evaluate_like_their_text()
    {
        var parsed = ComponentVersion.Parse("v1.11.5-eksbuild.1");
        Assert.Equal(AffectedStatus.Affected, Advisory.Evaluate(parsed).Status);
        Assert.Null(Advisory.Evaluate(parsed, KubernetesVersion.Parse("1.27")).Action!.Mitigation);
    }
}
