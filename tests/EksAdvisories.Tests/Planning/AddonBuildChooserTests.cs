namespace EksAdvisories.Tests.Planning;

public class AddonBuildChooserTests
{
    private static readonly (string Id, AffectedRange Range)[] Catalog =
    [
        ("EKSA-2023-0001", UpgradePlannerTests.Range("1.11.4-rc1", "1.12.5")),
        ("EKSA-2023-0002", UpgradePlannerTests.Range("1.15.0", "1.15.1")),
        ("EKSA-2024-0001", UpgradePlannerTests.Range("1.16.3", "1.16.4")),
        ("EKSA-2026-0001", UpgradePlannerTests.Range("1.22.0", "1.22.2")),
    ];

    private static AddonVersionsDocument Sample(string name) => AddonVersionsDocument.ReadFile(RepositoryPaths.Combine("samples", "addon-versions", name));

    private static AddonBuildChoice Choose(string sample, string? kubernetes, string? floor = null, string? current = null) =>
        AddonBuildChooser.Choose(Catalog, Sample(sample), kubernetes is null ? null : KubernetesVersion.Parse(kubernetes),
            floor is null ? null : ComponentVersion.Parse(floor), current is null ? null : ComponentVersion.Parse(current));

    [Fact]
    public void On_kubernetes_1_33_the_affected_default_is_flagged_and_the_lowest_clear_build_is_chosen()
    {
        var choice = Choose("vpc-cni-kubernetes-1.33.json", "1.33", floor: "v1.17.1");

        Assert.Equal("v1.19.6-eksbuild.1", choice.LowestClear!.Version.ToString());
        Assert.Equal("v1.22.3-eksbuild.1", choice.Newest!.Version.ToString());
        Assert.Empty(choice.NewestCoveredBy);
        Assert.Equal("v1.22.1-eksbuild.2", choice.Default!.Version.ToString());
        Assert.True(choice.IsDefaultAffected);
        Assert.Equal(["EKSA-2026-0001"], choice.DefaultCoveredBy);
        Assert.Contains("Do not rely on the default: v1.22.1-eksbuild.2", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void From_the_affected_default_the_lowest_clear_build_does_not_go_down()
    {
        var choice = Choose("vpc-cni-kubernetes-1.33.json", "1.33", floor: "v1.17.1", current: "v1.22.1-eksbuild.2");
        Assert.Equal("v1.22.2-eksbuild.1", choice.LowestClear!.Version.ToString());
    }

    [Fact]
    public void On_kubernetes_1_29_the_livelocked_default_is_flagged()
    {
        var choice = Choose("vpc-cni-kubernetes-1.29-default-affected.json", "1.29", floor: "v1.14.1", current: "v1.16.3-eksbuild.2");
        Assert.Equal(["EKSA-2024-0001"], choice.DefaultCoveredBy);
        Assert.Equal("v1.16.4-eksbuild.2", choice.LowestClear!.Version.ToString());
    }

    [Theory]
    // Kubernetes 1.26 (floor v1.12.0): the first fixed EKSA-2023-0001 release, and the newest EKS build of it.
    [InlineData("v1.12.0", null, "v1.12.5-eksbuild.2")]
    [InlineData("v1.12.0", "v1.12.6-eksbuild.1", "v1.12.6-eksbuild.2")]
    // From v1.15.0 (EKSA-2023-0002) the next clear build is v1.15.1.
    [InlineData("v1.12.0", "v1.15.0-eksbuild.2", "v1.15.1-eksbuild.1")]
    [InlineData("v1.12.0", "v1.16.3-eksbuild.2", "v1.16.4-eksbuild.2")]
    public void The_lowest_clear_build_is_the_newest_eks_build_of_the_lowest_clear_release(string floor, string? current, string expected)
    {
        Assert.Equal(expected, Choose("vpc-cni-kubernetes-1.26.json", "1.26", floor, current).LowestClear!.Version.ToString());
    }

    [Fact]
    public void When_no_offered_build_clears_everything_it_says_so()
    {
        var choice = Choose("vpc-cni-kubernetes-1.26.json", "1.26", floor: "v1.19.0");
        Assert.Null(choice.LowestClear);
        Assert.Contains("None of the 21 builds offered for Kubernetes 1.26 clears every advisory at or above v1.19.0", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kubernetes_version_the_document_does_not_offer_builds_for_gets_the_command_to_run()
    {
        var choice = Choose("vpc-cni-all-kubernetes-versions.json", "1.25");
        Assert.Equal(0, choice.OfferedCount);
        Assert.Null(choice.LowestClear);
        Assert.Null(choice.Newest);
        Assert.Contains("--kubernetes-version 1.25", choice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_chosen_build_of_every_sample_and_kubernetes_version_is_outside_every_range()
    {
        foreach (var sample in Directory.GetFiles(RepositoryPaths.Combine("samples", "addon-versions"), "*.json"))
        {
            var document = AddonVersionsDocument.ReadFile(sample);
            foreach (var kubernetes in new[] { "1.26", "1.28", "1.29", "1.30", "1.31", "1.33" })
            {
                var choice = AddonBuildChooser.Choose(Catalog, document, KubernetesVersion.Parse(kubernetes), null, null);
                if (choice.LowestClear is { } build) Assert.Empty(UpgradePlanner.Covering(Catalog, build.Version));
                Assert.Equal(choice.Default is not null && UpgradePlanner.Covering(Catalog, choice.Default.Version).Count > 0, choice.IsDefaultAffected);
            }
        }
    }
}
