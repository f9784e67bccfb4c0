using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Versioning;

/// <summary>
/// The version contract: only '-eksbuild.N' (N a positive integer) is an EKS build and only upstream's '-rcN' is a
/// pre-release. Every other suffix is Unknown with a reason that quotes the input and names the accepted forms, in
/// ComponentVersion, in Evaluate and in the checker's behaviour mapping.
/// </summary>
public class VersionContractTests
{
    private const string Registry = "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:";

    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    /// <summary>The suffixes of the issue: each one was ordered as a SemVer pre-release before, moving v1.11.4 out of the range.</summary>
    public static TheoryData<string> UnreadSuffixes => new()
    {
        "-eksbuild", "-EKSBUILD", "-EKSBUILD.1", "-Eksbuild.1", "-eksbuild.1.2", "-eksbuild.x", "-eksbuild.0", "-eksbuild.01",
        "-eksbuild.1-linux-amd64", "-linux-amd64", "-amd64", "-arm64", "-minimal-eksbuild.1", "-eksbuild.1234567890",
        "-RC1", "-rc", "-rc0", "-rc.1", "-rc1.1", "-rc1-eksbuild.1", "-alpha", "-0", "-",
    };

    [Theory]
    [MemberData(nameof(UnreadSuffixes))]
    public void A_suffix_outside_the_contract_is_refused_quoting_the_input_and_naming_the_accepted_forms(string suffix)
    {
        foreach (var text in new[] { "v1.11.4" + suffix, Registry + "v1.11.4" + suffix })
        {
            Assert.False(ComponentVersion.TryParse(text, out var version, out var error));
            Assert.Null(version);
            Assert.Contains(text, error, StringComparison.Ordinal);
            Assert.Contains("-eksbuild.N", error, StringComparison.Ordinal);
            Assert.Contains("-rcN", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(UnreadSuffixes))]
    public void An_affected_release_with_an_unread_suffix_is_unknown_never_not_affected(string suffix)
    {
        foreach (var text in new[] { "v1.11.4" + suffix, Registry + "v1.11.4" + suffix, "1.12.2" + suffix })
        {
            var verdict = Advisory.Evaluate(text);
            Assert.Equal(AffectedStatus.Unknown, verdict.Status);
            Assert.Equal(AffectedStatus.Unknown, verdict.AsPublished);
            Assert.Null(verdict.Action);
            Assert.Contains(text.Trim(), verdict.Reason, StringComparison.Ordinal);
            Assert.Contains("-eksbuild.N", verdict.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(UnreadSuffixes))]
    public void A_fixed_release_with_an_unread_suffix_is_unknown_never_affected(string suffix)
    {
        foreach (var text in new[] { "v1.12.5" + suffix, Registry + "v1.12.5" + suffix })
        {
            Assert.Equal(AffectedStatus.Unknown, Advisory.Evaluate(text).Status);
        }
    }

    [Theory]
    [InlineData("v1.11.4-eksbuild.1", 1, "")]
    [InlineData("v1.11.4-eksbuild.123456789", 123456789, "")]
    [InlineData("v1.12.1-rc3", null, "rc3")]
    [InlineData("v1.12.2-eksbuild.1+meta.2", 1, "")]
    public void The_two_accepted_suffixes_are_read(string text, int? eksBuild, string prerelease)
    {
        var version = ComponentVersion.Parse(text);
        Assert.Equal(eksBuild, version.EksBuild);
        Assert.Equal(prerelease, version.Prerelease);
    }

    [Theory]
    [InlineData("v1.12.5-rc1")]
    [InlineData("v1.12.5-rc2-")]
    public void A_candidate_of_the_first_fixed_release_is_not_guessed_to_lack_the_fix(string text)
    {
        var verdict = Advisory.Evaluate(text);
        Assert.Equal(AffectedStatus.Unknown, verdict.Status);
        Assert.Contains(text, verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.11.4-eksbuild")]
    [InlineData("v1.11.4-linux-amd64")]
    [InlineData("v1.11.4-EKSBUILD.1")]
    public void The_checker_does_not_model_an_unread_suffix_as_one_behaviour(string cniVersion)
    {
        var snapshot = NodeSnapshot.Load(RepositoryPaths.Combine("samples", "snapshots", "stuck-affected"));
        var report = IpamdReconcileChecker.Check(snapshot, new ReconcileCheckOptions { CniVersionOverride = cniVersion });
        Assert.Null(report.Behavior);
        Assert.NotEqual(ReconcileVerdict.Drifted, report.Verdict);
        Assert.NotEqual(ReconcileVerdict.InSync, report.Verdict);
        Assert.Contains(cniVersion, report.BehaviorReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.12.5-rc1")]
    [InlineData("v1.12.3-rc1")]
    public void The_checker_maps_a_boundary_candidate_to_no_behaviour(string version)
    {
        var advisory = AdvisoryCatalog.Default.Get(ReconcileCheckOptions.ReconcileAdvisoryId);
        Assert.Null(AdvisoryBehaviors.ForVersion(advisory, ComponentVersion.Parse(version), out var reason));
        Assert.Contains("release candidate", reason, StringComparison.Ordinal);
    }
}
