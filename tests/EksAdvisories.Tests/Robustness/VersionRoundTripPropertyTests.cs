using CsCheck;

namespace EksAdvisories.Tests.Robustness;

/// <summary>Round trips of parsed versions, and the range test on parsed numbers agreeing with SemVer's own precedence.</summary>
public class VersionRoundTripPropertyTests
{
    private static readonly Advisory Advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    private static readonly Gen<string> Prerelease = Gen.OneOf(
        Gen.Const(string.Empty),
        Gen.Select(Gen.OneOf("rc", "alpha", "beta", "eksbuild", "0", "1", "rc.", "x-y"), Gen.Int[0, 12], Gen.OneOf("", ".1", ".rc2", ".0"))
            .Select((label, n, tail) => "-" + label + n + tail));

    private static readonly Gen<string> Versions = Gen.Select(
        Gen.OneOf("", "v", "V", " v", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v", "amazon-k8s-cni-init:", "nginx:"),
        Gen.Int[0, 2], Gen.Int[9, 14], Gen.Int[0, 7], Prerelease, Gen.OneOf("", "+meta", "+b.1"))
        .Select((prefix, major, minor, patch, prerelease, metadata) => $"{prefix}{major}.{minor}.{patch}{prerelease}{metadata}");

    [Fact]
    public void A_parsed_version_prints_to_text_that_parses_back_to_it_with_the_same_verdict()
    {
        Versions.Sample(text =>
        {
            if (!ComponentVersion.TryParse(text, out var version)) return;
            var printed = version.ToString();
            var reparsed = ComponentVersion.Parse(printed);
            Assert.Equal(version, reparsed);
            Assert.Equal(printed, reparsed.ToString());
            Assert.Equal(version, ComponentVersion.Parse(printed.TrimStart('v')));
            Assert.Equal(version.UpstreamRelease, reparsed.UpstreamRelease);

            // An image of another repository is Unknown by design; otherwise the form of the text must not change the answer.
            var verdict = Advisory.Evaluate(text);
            if (verdict.Status != AffectedStatus.Unknown || version.Image is null)
            {
                Assert.Equal(verdict.Status, Advisory.Evaluate(printed).Status);
                Assert.Equal(verdict.AsPublished, Advisory.Evaluate(printed).AsPublished);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void The_range_test_on_parsed_numbers_agrees_with_semver_precedence()
    {
        Versions.Sample(text =>
        {
            if (!ComponentVersion.TryParse(text, out var version) || version.IsPartial) return;
            foreach (var range in new[] { Advisory.Affected.Range, Advisory.AsPublished!.Range })
            {
                Assert.Equal(range.Contains(version.Upstream!), range.Contains(version));
            }
        }, iter: 20_000);
    }

    [Fact]
    public void The_cached_and_the_uncached_evaluation_agree()
    {
        Versions.Sample(text =>
        {
            var cached = Advisory.Evaluate(text);
            if (!ComponentVersion.TryParse(text, out var version)) return;
            var uncached = Advisory.Evaluate(version);
            Assert.Equal(cached.Status, uncached.Status);
            Assert.Equal(cached.Reason, uncached.Reason);
            Assert.Equal(cached.Action?.Summary, uncached.Action?.Summary);
        }, iter: 20_000);
    }

    [Fact]
    public void The_hand_written_parser_agrees_with_semver_on_every_version_it_accepts()
    {
        // The fast path in ComponentVersion reads numbers and the two contract suffixes by hand; Semver must read the
        // same upstream release from the same text (without the 'v', the image and the EKS build) and order it the same.
        Versions.Sample(text =>
        {
            if (!ComponentVersion.TryParse(text, out var version) || version.IsPartial) return;
            var semver = Semver.SemVersion.Parse(version.UpstreamRelease, Semver.SemVersionStyles.Strict);
            Assert.Equal(0, semver.ComparePrecedenceTo(version.Upstream));
            var other = Semver.SemVersion.Parse("1.12.1-rc2", Semver.SemVersionStyles.Strict);
            Assert.Equal(Math.Sign(semver.ComparePrecedenceTo(other)), Math.Sign(version.Release.CompareTo(ComponentVersion.Parse("1.12.1-rc2"))));
        }, iter: 20_000);
    }
}
