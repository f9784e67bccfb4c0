using System.Globalization;
using CsCheck;
using EksAdvisories.Data;
using Semver;

namespace EksAdvisories.Tests.Data;

/// <summary>
/// The two readers the catalog's first load uses instead of Semver's parser and the culture's date parser (their first
/// use in a process is what costs start-up time), each held to the reader it stands in for.
/// </summary>
public class StartupFastPathPropertyTests
{
    private static readonly Gen<string> FormatVersions = Gen.OneOf(
        Gen.Char["0123456789.-+abrc"].Array[0, 12].Select(c => new string(c)),
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 12], Gen.Int[0, 12], Gen.OneOf("", "-rc.1", "+build", "-0", ".1", "."))
            .Select((a, b, c, tail) => $"{a}.{b}.{c}{tail}"),
        Gen.OneOf("01.0.0", "1.00.0", "1.0.00", "1.0", "1", "", " 1.0.0", "1.0.0 ", "1234567890.0.0", "v1.0.0"));

    [Fact]
    public void The_format_version_reader_answers_as_semver_strict_does()
    {
        FormatVersions.Sample(text =>
        {
            var expected = SemVersion.TryParse(text, SemVersionStyles.Strict, out var version);
            var actual = AdvisoryValidator.TryReadFormatMajor(text, out var major);
            Assert.Equal(expected, actual);
            if (expected) Assert.Equal(version!.Major, major);
        }, iter: 50_000);
    }

    private static readonly Gen<string> Dates = Gen.OneOf(
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 13], Gen.Int[0, 32]).Select((y, m, d) => $"{y:D4}-{m:D2}-{d:D2}"),
        Gen.Char["0123456789-/ T"].Array[8, 12].Select(c => new string(c)),
        Gen.OneOf("2023-02-29", "2024-02-29", "2023-2-21", "2023-02-21T00:00:00Z", "٢٠٢٣-٠٢-٢١", "0000-01-01", "9999-12-31"));

    [Fact]
    public void The_date_reader_accepts_exactly_what_the_exact_invariant_parse_accepts()
    {
        Dates.Sample(text =>
        {
            var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            var actual = DataPath.TryReadPlainDate(text, out var read);
            Assert.Equal(expected, actual);
            if (expected) Assert.Equal(date, read);
        }, iter: 50_000);
    }

    private static readonly Gen<string> Times = Gen.OneOf(
        Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 25], Gen.Int[0, 61], Gen.Int[0, 61])
            .Select((y, mo, d, h, mi, s) => $"{y:D4}-{mo:D2}-{d:D2}T{h:D2}:{mi:D2}:{s:D2}Z"),
        Gen.Char["0123456789-:TZ+. "].Array[18, 22].Select(c => new string(c)),
        Gen.OneOf("2026-12-01T00:00:00Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "2026-12-01T00:00:60Z",
            "2026-12-01t00:00:00z", "2026-12-01T00:00:00.5Z", "2026-12-01T00:00:00+00:00", "2026-12-01 00:00:00Z",
            "٢٠٢٦-12-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"));

    [Fact]
    public void The_plain_utc_reader_accepts_only_what_the_general_parse_reads_the_same()
    {
        Times.Sample(text =>
        {
            if (!DataPath.TryReadPlainUtc(text, out var read)) return;
            Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expected), text);
            Assert.Equal(expected, read);
            Assert.Equal(TimeSpan.Zero, read.Offset);
        }, iter: 50_000);
    }

    [Theory]
    [InlineData("2026-12-01T00:00:00Z")]
    [InlineData("2023-11-21T00:00:00Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    public void The_plain_utc_reader_reads_the_form_the_shipped_data_uses(string text)
    {
        Assert.True(DataPath.TryReadPlainUtc(text, out var read));
        Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), read);
    }
}
