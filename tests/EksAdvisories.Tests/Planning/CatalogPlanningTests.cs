namespace EksAdvisories.Tests.Planning;

/// <summary>The catalog-level answers on the embedded data: verdicts of every advisory, one target that clears them all, the path, the add-on build.</summary>
public class CatalogPlanningTests
{
    private static readonly AdvisoryCatalog Catalog = AdvisoryCatalog.Default;

    private static readonly string?[] KubernetesVersions = [null, "1.22", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.35"];

    [Theory]
    // Every released tag of 1.16.x and 1.21.x - 1.23.x (git tag on aws/amazon-vpc-cni-k8s), bare and as EKS add-on builds.
    [InlineData("v1.16.0", null)]
    [InlineData("v1.16.0-eksbuild.1", null)]
    [InlineData("v1.16.2", null)]
    [InlineData("v1.16.2-eksbuild.1", null)]
    [InlineData("v1.16.3", "EKSA-2024-0001")]
    [InlineData("v1.16.3-eksbuild.2", "EKSA-2024-0001")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.16.3-eksbuild.2", "EKSA-2024-0001")]
    [InlineData("v1.16.4", null)]
    [InlineData("v1.16.4-eksbuild.2", null)]
    [InlineData("v1.21.0", null)]
    [InlineData("v1.21.1", null)]
    [InlineData("v1.21.2", null)]
    [InlineData("v1.21.2-eksbuild.2", null)]
    [InlineData("v1.22.0", "EKSA-2026-0001")]
    [InlineData("v1.22.1", "EKSA-2026-0001")]
    [InlineData("v1.22.1-eksbuild.2", "EKSA-2026-0001")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.22.1-eksbuild.2", "EKSA-2026-0001")]
    [InlineData("v1.22.2", null)]
    [InlineData("v1.22.2-eksbuild.1", null)]
    [InlineData("v1.22.3", null)]
    [InlineData("v1.22.4", null)]
    [InlineData("v1.23.0", null)]
    // The other two advisories at their tags.
    [InlineData("v1.15.0-eksbuild.2", "EKSA-2023-0002")]
    [InlineData("v1.15.1", null)]
    [InlineData("v1.12.2-eksbuild.1", "EKSA-2023-0001")]
    public void Every_release_gets_a_verdict_from_every_advisory_and_only_its_own_says_affected(string version, string? affected)
    {
        var verdicts = Catalog.Evaluate("vpc-cni", version);

        Assert.Equal(Catalog.Advisories.Select(a => a.Id), verdicts.Select(v => v.AdvisoryId));
        Assert.Equal(affected is null ? [] : [affected], verdicts.Where(v => v.Status == AffectedStatus.Affected).Select(v => v.AdvisoryId));
        Assert.All(verdicts.Where(v => v.AdvisoryId != affected), v => Assert.Equal(AffectedStatus.NotAffected, v.Status));
    }

    [Theory]
    [InlineData("v1.16")]
    [InlineData("v1.22")]
    public void A_release_line_with_affected_and_unaffected_releases_is_unknown_never_not_affected(string line)
    {
        Assert.Contains(Catalog.Evaluate("vpc-cni", line), v => v.Status == AffectedStatus.Unknown);
    }

    [Fact]
    public void Subnet_discovery_off_clears_eksa_2026_0001_with_the_reason_and_no_settings_names_what_would()
    {
        var settings = AwsNodeSettings.FromEnvironment([new("ENABLE_SUBNET_DISCOVERY", "false")], "aws-node.json");
        var cleared = Catalog.Evaluate("vpc-cni", "v1.22.1-eksbuild.2", "1.33", new AdvisoryEvaluationOptions(settings)).Single(v => v.AdvisoryId == "EKSA-2026-0001");
        Assert.Equal(AffectedStatus.NotAffected, cleared.Status);
        Assert.Null(cleared.Action);
        Assert.Contains("ENABLE_SUBNET_DISCOVERY=false in aws-node.json", cleared.Reason, StringComparison.Ordinal);

        var open = Catalog.Evaluate("vpc-cni", "v1.22.1-eksbuild.2", "1.33").Single(v => v.AdvisoryId == "EKSA-2026-0001");
        Assert.Equal(AffectedStatus.Affected, open.Status);
        Assert.Contains("ENABLE_SUBNET_DISCOVERY=false", open.Reason, StringComparison.Ordinal);
        Assert.Contains("ec2:DescribeSecurityGroups", open.Reason, StringComparison.Ordinal);
        Assert.All(open.Conditions, c => Assert.Equal(ConditionState.Unknown, c.State));

        var iamAllowed = new AdvisoryEvaluationOptions(facts: new Dictionary<string, bool> { ["iam-allows-describe-security-groups"] = true });
        Assert.Equal(AffectedStatus.NotAffected, Catalog.Evaluate("vpc-cni", "v1.22.1", null, iamAllowed).Single(v => v.AdvisoryId == "EKSA-2026-0001").Status);
    }

    [Fact]
    public void No_action_points_at_a_release_any_advisory_covers_and_every_plan_moves_one_minor_version_at_a_time()
    {
        var component = Catalog.Advisories[0].Component;
        foreach (var release in component.KnownReleases.Select(r => r.Version).Where(v => v >= ComponentVersion.Parse("v1.10.0")))
        {
            foreach (var kubernetes in KubernetesVersions)
            {
                var assessment = Catalog.Assess("vpc-cni", release.ToString(), kubernetes);
                foreach (var verdict in assessment.Verdicts.Where(v => v.Action is not null))
                {
                    var target = verdict.Action!.UpgradeTo;
                    Assert.True(Catalog.Evaluate("vpc-cni", target.ToString()).All(v => v.Status == AffectedStatus.NotAffected),
                        $"{release} on {kubernetes}: {verdict.AdvisoryId} sends to {target}, which an advisory covers");
                    if (verdict.Action.RecommendedAddonVersion is { } build)
                    {
                        Assert.True(Catalog.Evaluate("vpc-cni", build.ToString()).All(v => v.Status == AffectedStatus.NotAffected), $"{release} on {kubernetes}: build {build}");
                    }
                }

                var plan = assessment.Plan!;
                Assert.NotNull(plan.Target);
                Assert.True(Catalog.Evaluate("vpc-cni", plan.Target.ToString()).All(v => v.Status == AffectedStatus.NotAffected), $"{release} on {kubernetes}: target {plan.Target}");
                if (assessment.Floor is { } floor) Assert.True(plan.Target >= floor.OldestRecommended, $"{release} on {kubernetes}: {plan.Target} below {floor}");
                var from = release.Release;
                foreach (var hop in plan.Path)
                {
                    Assert.Equal(from, hop.From);
                    Assert.Equal(hop.From.Major, hop.To.Major);
                    Assert.InRange(hop.To.Minor!.Value - hop.From.Minor!.Value, 0, 1);
                    Assert.True(hop.To > hop.From);
                    Assert.Equal(hop.IsUnavoidable, Catalog.Evaluate("vpc-cni", hop.To.ToString()).Any(v => v.Status == AffectedStatus.Affected));
                    from = hop.To;
                }
            }
        }
    }

    [Theory]
    // EKSA-2023-0001's own fix is v1.12.5; on Kubernetes 1.30 the floor is v1.16.0 and the plan walks there, and on 1.31
    // (floor v1.16.4) it never lands on the livelocked v1.16.3.
    [InlineData("v1.12.2-eksbuild.1", "1.30", "v1.16.0", "v1.13.4 v1.14.1 v1.15.5 v1.16.0")]
    [InlineData("v1.16.2-eksbuild.1", "1.31", "v1.16.4", "v1.16.4")]
    [InlineData("v1.16.3-eksbuild.2", null, "v1.16.4", "v1.16.4")]
    [InlineData("v1.22.1-eksbuild.2", "1.33", "v1.22.2", "v1.22.2")]
    [InlineData("v1.14.1", "1.29", "v1.14.1", "")]
    public void Assess_gives_one_target_and_the_path(string version, string? kubernetes, string target, string path)
    {
        var assessment = Catalog.Assess("aws-node", version, kubernetes);
        Assert.Equal(target, assessment.Plan!.Target!.ToString());
        Assert.Equal(path, string.Join(' ', assessment.Plan.Path.Select(h => h.To.ToString())));
    }

    [Fact]
    public void Eksa_2023_0001_on_kubernetes_1_31_is_sent_past_the_livelock()
    {
        var verdict = Catalog.Get("EKSA-2023-0001").Evaluate("v1.12.2", "1.31");
        Assert.Equal("v1.16.4", verdict.Action!.UpgradeTo.ToString());
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v1.22")]
    public void A_version_that_names_no_release_gets_verdicts_and_no_plan(string version)
    {
        var assessment = Catalog.Assess("vpc-cni", version, "1.30");
        Assert.Null(assessment.Plan);
        Assert.Contains(version, assessment.NoPlanReason, StringComparison.Ordinal);
        Assert.Equal(4, assessment.Verdicts.Count);
    }

    [Fact]
    public void The_concrete_build_for_a_kubernetes_1_33_cluster_comes_from_its_describe_addon_versions_output()
    {
        var document = AddonVersionsDocument.ReadFile(RepositoryPaths.Combine("samples", "addon-versions", "vpc-cni-kubernetes-1.33.json"));
        var choice = Catalog.ChooseAddonBuild("vpc-cni", document, "1.33", "v1.22.1-eksbuild.2");

        Assert.Equal("v1.22.2-eksbuild.1", choice.LowestClear!.Version.ToString());
        Assert.Equal("v1.22.3-eksbuild.1", choice.Newest!.Version.ToString());
        Assert.True(choice.IsDefaultAffected);
        Assert.Equal(["EKSA-2026-0001"], choice.DefaultCoveredBy);
        Assert.Throws<ArgumentException>(() => Catalog.ChooseAddonBuild("coredns", document, "1.33"));
        Assert.Throws<ArgumentException>(() => Catalog.ChooseAddonBuild("vpc-cni", document, "one-thirty"));
    }
}
