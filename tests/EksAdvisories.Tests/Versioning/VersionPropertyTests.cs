using CsCheck;

namespace EksAdvisories.Tests.Versioning;

public class VersionPropertyTests
{
    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    private static readonly string[] AffectedReleases =
        ["1.11.4-rc1", "1.11.4", "1.11.5", "1.12.0", "1.12.1-rc1", "1.12.1-rc2", "1.12.1-rc3", "1.12.1", "1.12.2"];

    private static readonly Gen<string> VersionLike = Gen.Select(
        Gen.OneOf("", " ", "v", "V", "vv", "\t"),
        Gen.Int[0, 3], Gen.Int[0, 20], Gen.Int[0, 12],
        Gen.OneOf("", "-eksbuild.1", "-eksbuild.12", "-rc1", "-rc.2", "-", "-eksbuild.", "+meta", "-eksbuild.1+x", ".4", "..", "-01"),
        Gen.OneOf("", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:", "amazon-k8s-cni-init:", "nginx:", "a/b@sha256:", ":"))
        .Select((pre, major, minor, patch, suffix, image) => image + pre + $"{major}.{minor}.{patch}" + suffix);

    [Fact]
    public void Random_strings_never_throw_and_unknown_always_has_a_reason()
    {
        Gen.String.Sample(s =>
        {
            var verdict = Advisory.Evaluate(s);
            Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
            Assert.Equal(verdict.Status == AffectedStatus.Affected, verdict.Action is not null);
            _ = ComponentVersion.TryParse(s, out _, out _);
        }, iter: 50_000);
    }

    [Fact]
    public void Version_like_strings_never_throw_and_round_trip()
    {
        VersionLike.Sample(s =>
        {
            var verdict = Advisory.Evaluate(s);
            if (ComponentVersion.TryParse(s, out var v))
            {
                Assert.Equal(v, ComponentVersion.Parse(v.ToString()));
            }
            else
            {
                Assert.Equal(AffectedStatus.Unknown, verdict.Status);
            }
        }, iter: 50_000);
    }

    [Fact]
    public void No_form_of_an_affected_release_is_called_not_affected()
    {
        var gen = Gen.Select(
            Gen.OneOf(AffectedReleases),
            Gen.OneOf("", "v", "V", " v", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v", "amazon-k8s-cni-init:v"),
            Gen.OneOf("", "-eksbuild.1", "-eksbuild.3", "+meta", "-eksbuild.2+abc"),
            Gen.OneOf("", " ", "\n", "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
        gen.Sample((release, prefix, suffix, tail) =>
        {
            // A suffix on a pre-release would be a different version; keep the eks suffix for releases only.
            var text = prefix + release + (release.Contains('-', StringComparison.Ordinal) ? string.Empty : suffix) + (prefix.Contains(':', StringComparison.Ordinal) || tail.Trim().Length == 0 ? tail : string.Empty);
            Assert.NotEqual(AffectedStatus.NotAffected, Advisory.Evaluate(text).Status);
            Assert.Equal(AffectedStatus.Affected, Advisory.Evaluate(text).Status);
        }, iter: 5_000);
    }
}
