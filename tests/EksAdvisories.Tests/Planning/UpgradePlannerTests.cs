using Semver;

namespace EksAdvisories.Tests.Planning;

/// <summary>
/// The planning rule on its own, with the upstream tags v1.11.0 - v1.23.0 (git tag on aws/amazon-vpc-cni-k8s) and the
/// ranges of the catalog's advisories, so that it is checked apart from the data files.
/// </summary>
public class UpgradePlannerTests
{
    private static readonly string[] Tags =
    [
        "v1.11.0", "v1.11.2", "v1.11.3", "v1.11.4-rc1", "v1.11.4", "v1.11.5", "v1.12.0", "v1.12.1-rc1", "v1.12.1-rc2", "v1.12.1-rc3", "v1.12.1",
        "v1.12.2", "v1.12.5", "v1.12.6", "v1.13.0", "v1.13.2", "v1.13.3", "v1.13.4", "v1.14.0", "v1.14.1", "v1.15.0", "v1.15.1", "v1.15.3", "v1.15.4",
        "v1.15.5", "v1.16.0", "v1.16.2", "v1.16.3", "v1.16.4", "v1.17.1", "v1.18.0", "v1.18.1", "v1.18.2", "v1.18.3", "v1.18.4", "v1.18.5", "v1.18.6",
        "v1.19.0", "v1.19.2", "v1.19.3-rc1", "v1.19.3", "v1.19.4", "v1.19.5", "v1.19.6", "v1.20.0", "v1.20.1", "v1.20.2", "v1.20.3", "v1.20.4",
        "v1.20.5", "v1.21.0", "v1.21.1", "v1.21.2", "v1.22.0", "v1.22.1", "v1.22.2", "v1.22.3", "v1.22.4", "v1.23.0",
    ];

    private static readonly ComponentVersion[] Releases = Tags.Select(ComponentVersion.Parse).ToArray();

    private static readonly (string Id, AffectedRange Range)[] Catalog =
    [
        ("EKSA-2023-0001", Range("1.11.4-rc1", "1.12.5")),
        ("EKSA-2023-0002", Range("1.15.0", "1.15.1")),
        ("EKSA-2024-0001", Range("1.16.3", "1.16.4")),
        ("EKSA-2026-0001", Range("1.22.0", "1.22.2")),
    ];

    /// <summary>Upstream's oldest recommended VPC CNI for Kubernetes 1.22 - 1.33 (README "Recommended Version" table).</summary>
    private static readonly string[] Floors = ["v1.8.0", "v1.9.3", "v1.11.4", "v1.12.0", "v1.12.5", "v1.13.4", "v1.14.1", "v1.16.0", "v1.16.4", "v1.17.1"];

    internal static AffectedRange Range(string introduced, string? fix) =>
        new(fix is null
            ? [new RangeEvent(RangeEventKind.Introduced, SemVersion.Parse(introduced))]
            : [new RangeEvent(RangeEventKind.Introduced, SemVersion.Parse(introduced)), new RangeEvent(RangeEventKind.Fixed, SemVersion.Parse(fix))]);

    private static UpgradePlan Plan(string current, string? floor, params (string, AffectedRange)[] advisories) =>
        UpgradePlanner.Plan(advisories.Length == 0 ? Catalog : advisories, Releases, ComponentVersion.Parse(current), floor is null ? null : ComponentVersion.Parse(floor));

    [Fact]
    public void From_v1_12_2_on_kubernetes_1_30_the_target_is_v1_16_0_reached_one_minor_version_at_a_time()
    {
        var plan = Plan("v1.12.2-eksbuild.1", "v1.16.0");

        Assert.Equal("v1.16.0", plan.Target!.ToString());
        Assert.Equal(["v1.13.4", "v1.14.1", "v1.15.5", "v1.16.0"], plan.Path.Select(h => h.To.ToString()));
        Assert.Equal("v1.12.2", plan.Path[0].From.ToString());
        Assert.All(plan.Path, h => Assert.False(h.IsUnavoidable));
    }

    [Theory]
    // The livelock release is never a target: on 1.31 the floor is v1.16.4, below it v1.16.3 would be next.
    [InlineData("v1.16.3-eksbuild.2", "v1.16.4", "v1.16.4")]
    [InlineData("v1.16.3-eksbuild.2", null, "v1.16.4")]
    [InlineData("v1.16.2", "v1.16.4", "v1.16.4")]
    // v1.22.1 on 1.33: the fix on its own line, not a later minor version.
    [InlineData("v1.22.1-eksbuild.2", "v1.17.1", "v1.22.2")]
    [InlineData("v1.22.0", null, "v1.22.2")]
    [InlineData("v1.15.0-eksbuild.2", "v1.14.1", "v1.15.1")]
    // The first EKSA-2023-0001 fix is not enough on Kubernetes 1.29 (floor v1.14.1).
    [InlineData("v1.12.2", "v1.14.1", "v1.14.1")]
    [InlineData("v1.12.2", null, "v1.12.5")]
    public void The_target_is_the_lowest_clear_release_at_or_above_the_floor(string current, string? floor, string target)
    {
        var plan = Plan(current, floor);
        Assert.Equal(target, plan.Target?.ToString());
        Assert.NotEmpty(plan.Path);
        Assert.Equal(target, plan.Path[^1].To.ToString());
    }

    [Theory]
    [InlineData("v1.21.2-eksbuild.2", "v1.17.1")]
    [InlineData("v1.22.2-eksbuild.1", "v1.17.1")]
    [InlineData("v1.14.1", "v1.14.1")]
    [InlineData("v1.24.0", "v1.17.1")]
    public void A_clear_version_at_or_above_the_floor_needs_nothing(string current, string floor)
    {
        var plan = Plan(current, floor);
        Assert.True(plan.IsCurrent);
        Assert.Empty(plan.Path);
        Assert.Contains("nothing to do", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clear_version_below_the_floor_is_moved_up_to_it()
    {
        var plan = Plan("v1.14.1", "v1.16.0");
        Assert.Equal("v1.16.0", plan.Target!.ToString());
        Assert.Equal(["v1.15.5", "v1.16.0"], plan.Path.Select(h => h.To.ToString()));
    }

    [Fact]
    public void A_line_that_every_advisory_release_covers_is_an_unavoidable_hop_naming_the_advisory()
    {
        var plan = Plan("v1.21.2", "1.23.0", ("EKSA-9999-0001", Range("1.22.0", "1.23.0")));

        Assert.Equal(["v1.22.4", "v1.23.0"], plan.Path.Select(h => h.To.ToString()));
        Assert.True(plan.Path[0].IsUnavoidable);
        Assert.Equal(["EKSA-9999-0001"], plan.Path[0].CrossedAdvisoryIds);
        Assert.Contains("EKSA-9999-0001", plan.Path[0].Reason, StringComparison.Ordinal);
        Assert.False(plan.Path[1].IsUnavoidable);
    }

    [Fact]
    public void Without_a_clear_release_there_is_no_target_and_the_reason_says_so()
    {
        var plan = Plan("v1.22.1", "1.17.1", ("EKSA-9999-0002", Range("1.22.0", null)));
        Assert.Null(plan.Target);
        Assert.Empty(plan.Path);
        Assert.Contains("newest known release is v1.23.0", plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void From_every_tag_on_every_floor_the_target_is_clear_and_every_hop_moves_one_minor_version()
    {
        foreach (var current in Tags)
        {
            foreach (var floor in Floors.Append(null))
            {
                var plan = Plan(current, floor);
                Assert.NotNull(plan.Target);
                Assert.Empty(UpgradePlanner.Covering(Catalog, plan.Target));
                if (floor is not null) Assert.True(plan.Target >= ComponentVersion.Parse(floor), $"{current} on floor {floor}: v{plan.Target} is below the floor");
                var from = ComponentVersion.Parse(current).Release;
                foreach (var hop in plan.Path)
                {
                    Assert.Equal(from, hop.From);
                    Assert.True(hop.To > hop.From, $"{current} on floor {floor}: {hop} does not move up");
                    Assert.Equal(hop.From.Major, hop.To.Major);
                    Assert.InRange(hop.To.Minor!.Value - hop.From.Minor!.Value, 0, 1);
                    Assert.False(hop.IsUnavoidable, $"{current} on floor {floor}: {hop}");
                    Assert.Empty(UpgradePlanner.Covering(Catalog, hop.To));
                    from = hop.To;
                }
            }
        }
    }
}
