namespace EksAdvisories.Tests.Evaluation;

/// <summary>
/// Remedies computed from the data: the upgrade target is at least the first fix and upstream's floor for the cluster's
/// Kubernetes version; the add-on build is one the data knows EKS offers there; the rollback to v1.11.3 is withheld
/// from v1.12.1-rc1 on (issue 2321) and on Kubernetes 1.25 and later.
/// </summary>
public class KubernetesAwareRemedyTests
{
    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    [Theory]
    // Kubernetes, upgrade target, floor (upstream README table), recommended add-on build ("" = none known).
    [InlineData("1.22", "v1.12.5", "v1.8.0", "")]
    [InlineData("1.23", "v1.12.5", "v1.8.0", "v1.12.6-eksbuild.2")]
    [InlineData("1.24", "v1.12.5", "v1.9.3", "v1.12.6-eksbuild.2")]
    [InlineData("1.25", "v1.12.5", "v1.11.4", "v1.12.6-eksbuild.2")]
    [InlineData("1.26", "v1.12.5", "v1.12.0", "v1.12.6-eksbuild.2")]
    [InlineData("1.27", "v1.12.5", "v1.12.5", "v1.12.6-eksbuild.2")]
    [InlineData("1.28", "v1.13.4", "v1.13.4", "")]
    [InlineData("1.29", "v1.14.1", "v1.14.1", "")]
    [InlineData("v1.30.2-eks-1234567", "v1.16.0", "v1.16.0", "")]
    [InlineData("1.31", "v1.16.4", "v1.16.4", "")]
    [InlineData("1.32", "v1.17.1", "v1.17.1", "")]
    [InlineData("1.33", "v1.17.1", "v1.17.1", "")]
    public void The_upgrade_target_is_at_least_the_fix_and_the_kubernetes_floor(string kubernetes, string upgradeTo, string floor, string addon)
    {
        var action = Advisory.Evaluate("v1.12.2-eksbuild.1", kubernetes).Action!;
        Assert.Equal(upgradeTo, action.UpgradeTo.ToString());
        Assert.Equal(floor, $"{action.KubernetesFloor?.OldestRecommended}");
        Assert.Equal(addon, $"{action.RecommendedAddonVersion}");
        if (addon.Length == 0)
        {
            var k = KubernetesVersion.Parse(kubernetes);
            Assert.Equal($"aws eks describe-addon-versions --addon-name vpc-cni --kubernetes-version {k}", action.AddonVersionsCommand);
            Assert.Contains(action.AddonVersionsCommand!, action.Summary, StringComparison.Ordinal);
        }

        Assert.Contains("latest release", action.Summary, StringComparison.Ordinal);
        Assert.True(action.UpgradeTo >= action.KubernetesFloor!.OldestRecommended);
        Assert.Equal(AffectedStatus.NotAffected, Advisory.Evaluate(action.UpgradeTo).Status);
    }

    [Fact]
    public void A_kubernetes_version_newer_than_the_table_gets_the_newest_floor_and_a_caveat()
    {
        var action = Advisory.Evaluate("v1.12.2", "1.35").Action!;
        Assert.Equal("v1.17.1", action.UpgradeTo.ToString());
        Assert.Equal(new KubernetesVersion(1, 33), action.KubernetesFloor!.Kubernetes);
        Assert.Contains(action.UpgradeCaveats, c => c.Contains("no oldest recommended version for Kubernetes 1.35", StringComparison.Ordinal));
        Assert.Null(action.Mitigation);
    }

    [Fact]
    public void V1_16_3_is_never_an_upgrade_target()
    {
        var release = Assert.Single(Advisory.Component.KnownReleases, r => r.Version.ToString() == "v1.16.3");
        Assert.False(release.IsUpgradeTarget);
        Assert.Contains("livelock", release.AvoidReason, StringComparison.Ordinal);
        Assert.Equal("v1.16.4", RemedyPlanner.LowestTarget(Advisory, ComponentVersion.Parse("1.16.3")).ToString());
        Assert.Equal("v1.16.2", RemedyPlanner.LowestTarget(Advisory, ComponentVersion.Parse("1.16.1")).ToString());

        foreach (var k in Enumerable.Range(18, 20))
        {
            Assert.NotEqual("v1.16.3", Advisory.Evaluate("v1.12.2", "1." + k).Action!.UpgradeTo.ToString());
        }
    }

    [Theory]
    // Current version, Kubernetes version, rollback offered.
    [InlineData("v1.11.4-rc1", "1.22", true)]
    [InlineData("v1.11.4-eksbuild.1", "1.23", true)]
    [InlineData("v1.11.5-eksbuild.1", "1.24", true)]
    [InlineData("v1.12.0-eksbuild.2", "1.24", true)]
    [InlineData("v1.12.0", "1.21", true)]
    [InlineData("v1.12.0", "1.25", false)]
    [InlineData("v1.12.0", "1.26", false)]
    [InlineData("v1.11.4", "1.33", false)]
    [InlineData("v1.12.1-rc1", "1.22", false)]
    [InlineData("v1.12.1-rc3", "1.24", false)]
    [InlineData("v1.12.1-eksbuild.2", "1.23", false)]
    [InlineData("v1.12.2-eksbuild.1", "1.22", false)]
    [InlineData("v1.12.2-eksbuild.1", "1.21", false)]
    public void The_rollback_to_v1_11_3_is_offered_only_where_it_is_safe(string version, string kubernetes, bool offered)
    {
        var action = Advisory.Evaluate(version, kubernetes).Action!;
        Assert.Equal(offered, action.Mitigation is not null);
        Assert.Equal(offered, action.MitigationWithheldReason is null);
        if (offered)
        {
            Assert.Contains("rolling back to v1.11.3", action.Summary, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Do not roll back to v1.11.3", action.Summary, StringComparison.Ordinal);
            Assert.Contains("only remedy", action.MitigationWithheldReason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("v1.12.1-rc1")]
    [InlineData("v1.12.2-eksbuild.1")]
    public void From_v1_12_1_rc1_on_the_rollback_is_withheld_because_of_issue_2321_on_any_cluster(string version)
    {
        foreach (var kubernetes in new string?[] { null, "1.22", "1.24" })
        {
            var action = Advisory.Evaluate(version, kubernetes).Action!;
            Assert.Null(action.Mitigation);
            Assert.Contains("2321", action.MitigationWithheldReason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1.25", "v1.11.4")]
    [InlineData("1.26", "cannot run")]
    public void On_kubernetes_1_25_and_later_the_rollback_is_withheld_with_the_reason(string kubernetes, string expected)
    {
        var action = Advisory.Evaluate("v1.12.0-eksbuild.1", kubernetes).Action!;
        Assert.Null(action.Mitigation);
        Assert.Contains(expected, action.MitigationWithheldReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Older_than_the_table_the_rollback_is_offered_with_a_caveat()
    {
        var action = Advisory.Evaluate("v1.11.5", "1.21").Action!;
        Assert.NotNull(action.Mitigation);
        Assert.Contains(action.MitigationCaveats, c => c.Contains("no oldest recommended version for Kubernetes 1.21", StringComparison.Ordinal));
        Assert.Equal("v1.12.5", action.UpgradeTo.ToString());
        Assert.Null(action.KubernetesFloor);
    }

    [Fact]
    public void Without_a_kubernetes_version_the_action_names_the_versions_on_which_it_changes()
    {
        var action = Advisory.Evaluate("v1.12.0-eksbuild.1").Action!;
        Assert.Equal("v1.12.5", action.UpgradeTo.ToString());
        Assert.Contains("1.28: v1.13.4", action.Summary, StringComparison.Ordinal);
        Assert.Contains("1.33: v1.17.1", action.Summary, StringComparison.Ordinal);
        Assert.NotNull(action.Mitigation);
        Assert.Contains(action.MitigationCaveats, c => c.Contains("older than 1.25", StringComparison.Ordinal) && c.Contains("1.26", StringComparison.Ordinal));
        Assert.Contains("v1.12.6-eksbuild.2 is known to be offered on Kubernetes 1.23 - 1.27", action.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void On_kubernetes_1_24_to_1_33_targets_are_at_or_above_the_floor_and_never_inside_the_range()
    {
        foreach (var minor in Enumerable.Range(24, 10))
        {
            var kubernetes = new KubernetesVersion(1, minor);
            var floor = Advisory.Component.FloorFor(kubernetes)!;
            foreach (var version in Advisory.Affected.KnownAffectedReleases)
            {
                var action = Advisory.Evaluate(version, kubernetes).Action!;
                Assert.True(action.UpgradeTo >= floor.OldestRecommended, $"{version} on {kubernetes}: {action.UpgradeTo}");
                Assert.False(Advisory.Affected.Range.Contains(action.UpgradeTo));
                if (action.RecommendedAddonVersion is { } addon) Assert.True(addon.Release >= floor.OldestRecommended);
                if (minor >= 25) Assert.Null(action.Mitigation);
            }
        }
    }
}
