using CsCheck;

namespace EksAdvisories.Tests.Versioning;

/// <summary>
/// Any suffix on a release: an affected release is never called NotAffected, a fixed release never Affected. The suffix
/// starts with a character that cannot continue the patch number (otherwise '1.11.4' + '5' would be another release).
/// </summary>
public class VersionContractPropertyTests
{
    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    // The upstream tags in the corrected range and the fixed tags after it (git tag, aws/amazon-vpc-cni-k8s).
    private static readonly string[] AffectedReleases = ["1.11.4", "1.11.5", "1.12.0", "1.12.1", "1.12.2"];
    private static readonly string[] AffectedCandidates = ["1.11.4-rc1", "1.12.1-rc1", "1.12.1-rc2", "1.12.1-rc3"];
    private static readonly string[] FixedReleases = ["1.12.5", "1.12.6", "1.13.0", "1.13.4", "1.16.4", "1.18.3", "1.19.3-rc1", "1.20.0"];

    private static readonly Gen<string> Prefix = Gen.OneOf("", "v", "V", " v", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v", "amazon-k8s-cni-init:v");

    /// <summary>Arbitrary text after a separator: the known forms, near misses, and random characters.</summary>
    private static readonly Gen<string> Suffix = Gen.Select(
        Gen.OneOf(Gen.Const("-"), Gen.Const("+"), Gen.Const("."), Gen.Const("_"), Gen.Const(" "), Gen.Const("@"), Gen.Char['a', 'z'].Select(c => c.ToString())),
        Gen.OneOf(
            Gen.Const(string.Empty),
            Gen.OneOf("eksbuild.1", "eksbuild", "EKSBUILD", "eksbuild.1.2", "eksbuild.x", "eksbuild.1-linux-amd64", "linux-amd64", "amd64",
                "arm64", "minimal-eksbuild.1", "eksbuild.1234567890", "RC1", "rc1", "rc0", "meta", "sha256:0123456789abcdef"),
            Gen.String[Gen.Char.AlphaNumeric, 0, 12],
            Gen.String[0, 12]),
        Gen.OneOf(Gen.Const(string.Empty), Gen.String[0, 6]))
        .Select((separator, body, tail) => separator + body + tail);

    [Fact]
    public void An_affected_release_with_any_suffix_is_never_not_affected()
    {
        Gen.Select(Gen.OneOf(AffectedReleases), Prefix, Suffix).Sample((release, prefix, suffix) =>
        {
            var verdict = Advisory.Evaluate(prefix + release + suffix);
            Assert.True(verdict.Status != AffectedStatus.NotAffected, $"'{verdict.Input}': {verdict.Reason}");
        }, iter: 20_000);
    }

    [Fact]
    public void An_affected_release_candidate_with_any_suffix_is_never_not_affected()
    {
        Gen.Select(Gen.OneOf(AffectedCandidates), Prefix, Suffix).Sample((release, prefix, suffix) =>
        {
            var verdict = Advisory.Evaluate(prefix + release + suffix);
            Assert.True(verdict.Status != AffectedStatus.NotAffected, $"'{verdict.Input}': {verdict.Reason}");
        }, iter: 20_000);
    }

    [Fact]
    public void A_fixed_release_with_any_suffix_is_never_affected()
    {
        Gen.Select(Gen.OneOf(FixedReleases), Prefix, Suffix).Sample((release, prefix, suffix) =>
        {
            var verdict = Advisory.Evaluate(prefix + release + suffix);
            Assert.True(verdict.Status != AffectedStatus.Affected, $"'{verdict.Input}': {verdict.Reason}");
        }, iter: 20_000);
    }

    [Fact]
    public void A_version_that_parses_has_no_suffix_but_an_eks_build_a_release_candidate_or_metadata()
    {
        Gen.Select(Gen.OneOf([.. AffectedReleases, .. FixedReleases]), Prefix, Suffix).Sample((release, prefix, suffix) =>
        {
            if (!ComponentVersion.TryParse(prefix + release + suffix, out var version)) return;
            Assert.True(version.Prerelease.Length == 0 || (version.Prerelease.StartsWith("rc", StringComparison.Ordinal) && int.Parse(version.Prerelease[2..]) > 0),
                version.Original);
            Assert.True(version.EksBuild is null or > 0, version.Original);
        }, iter: 20_000);
    }
}
