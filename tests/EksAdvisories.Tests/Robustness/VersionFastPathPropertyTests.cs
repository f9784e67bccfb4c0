using CsCheck;
using Semver;

namespace EksAdvisories.Tests.Robustness;

/// <summary>
/// The hand-written fast paths the benchmark asked for, each held to the code it stands in for: the one-pass reader of
/// the common forms to the general reader, the ordering of parsed versions to Semver's precedence, and the range test on
/// plain numbers to the range test on SemVer values (also for events the fast comparison hands back to Semver).
/// </summary>
public class VersionFastPathPropertyTests
{
    /// <summary>Text built from the characters versions are made of, so that near misses of every form come up.</summary>
    private static readonly Gen<string> NearVersions = Gen.OneOf(
        Gen.Char["v0123456789.-+rcekbuildx"].Array[0, 24].Select(c => new string(c)),
        Gen.Select(Gen.OneOf("", "v", "V", "vv"), Gen.Int[0, 12], Gen.Int[0, 20], Gen.Int[0, 12],
                Gen.OneOf("", "-rc", "-eksbuild.", "-eksbuild", "-rc.", "-RC", "-EKSBUILD.", "-x"), Gen.OneOf("", "0", "1", "2", "10", "01", "1.2", "1a"))
            .Select((p, a, b, c, s, n) => $"{p}{a}.{b}.{c}{s}{n}"),
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Long[0, 99_999_999_999L]).Select((a, b, c) => $"{a}.{b}.{c}"));

    [Fact]
    public void The_one_pass_reader_builds_the_same_version_as_the_general_reader_or_leaves_the_text_to_it()
    {
        NearVersions.Sample(text =>
        {
            var span = text.AsSpan().Trim();
            var fast = ComponentVersion.ParseCommonForm(text, span, null);
            if (fast is null) return;
            var general = ComponentVersion.ParseVersionText(text, span, null, out var error, describe: true);
            Assert.True(general is not null, $"'{text}': the one-pass reader accepted what the general reader refuses ({error})");
            Assert.Equal((general.Major, general.Minor, general.Patch, general.Prerelease, general.EksBuild, general.Metadata, general.ToString()),
                (fast.Major, fast.Minor, fast.Patch, fast.Prerelease, fast.EksBuild, fast.Metadata, fast.ToString()));
        }, iter: 50_000);
    }

    [Fact]
    public void The_one_pass_reader_takes_the_common_forms()
    {
        // Without this the property above would hold for a reader that never answers.
        foreach (var text in new[] { "v1.12.2", "1.12.2", "V1.12.2", "v1.12.2-eksbuild.1", "v1.12.1-rc1", "v10.0.0-eksbuild.12" })
        {
            Assert.NotNull(ComponentVersion.ParseCommonForm(text, text, null));
        }

        foreach (var text in new[] { "v1.12", "v1.12.2+meta", "v1.12.2-eksbuild", "v1.12.2-eksbuild.0", "v01.12.2", "v1.12.2-linux-amd64" })
        {
            Assert.Null(ComponentVersion.ParseCommonForm(text, text, null));
        }
    }

    [Fact]
    public void Parsed_versions_are_ordered_as_semver_orders_their_upstream_releases()
    {
        var release = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 13], Gen.Int[0, 12], Gen.OneOf("", "-rc1", "-rc2", "-rc10", "-rc9"))
            .Select((a, b, c, p) => ComponentVersion.Parse($"v{a}.{b}.{c}{p}"));
        Gen.Select(release, release).Sample((x, y) =>
        {
            Assert.Equal(Math.Sign(x.Upstream!.ComparePrecedenceTo(y.Upstream)), Math.Sign(x.CompareTo(y)));
        }, iter: 20_000);
    }

    [Fact]
    public void The_range_test_on_numbers_agrees_with_semver_also_for_events_it_hands_back_to_semver()
    {
        // Events with several pre-release identifiers, or numbers past int, are not compared as plain numbers.
        var ranges = new[]
        {
            Range(("introduced", "1.11.4-rc.1"), ("fixed", "1.12.5")),
            Range(("introduced", "1.11.4-rc1"), ("fixed", "1.12.5-rc.2")),
            Range(("introduced", "1.11.4"), ("last_affected", "1.12.2-rc1.x")),
            Range(("introduced", "0.0.0-0"), ("fixed", "99999999999.0.0")),
        };
        var versions = Gen.Select(Gen.Int[1, 1], Gen.Int[10, 13], Gen.Int[0, 6], Gen.OneOf("", "-rc1", "-rc2", "-eksbuild.1"))
            .Select((a, b, c, p) => ComponentVersion.Parse($"v{a}.{b}.{c}{p}"));
        versions.Sample(version =>
        {
            foreach (var range in ranges)
            {
                Assert.Equal(range.Contains(version.Upstream!), range.Contains(version));
            }
        }, iter: 20_000);
    }

    private static AffectedRange Range(params (string Kind, string Version)[] events) => new(events.Select(e => new RangeEvent(
        e.Kind switch { "introduced" => RangeEventKind.Introduced, "fixed" => RangeEventKind.Fixed, _ => RangeEventKind.LastAffected },
        SemVersion.Parse(e.Version, SemVersionStyles.Strict))));
}
