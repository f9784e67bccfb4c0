using System.Globalization;

namespace EksAdvisories.Data;

/// <summary>
/// Reading one data source: the source's name for messages, and the checks every field goes through (present, not
/// blank, a version, an https URL, a UTC time), each failing with an <see cref="AdvisoryDataException"/> that names the
/// source, the JSON path and the value.
/// </summary>
internal sealed class DataPath
{
    public DataPath(string source) => Source = source;

    public string Source { get; }

    public AdvisoryDataException Fail(string path, string message, Exception? inner = null) => new(Source, path, message, inner);

    public T Require<T>(T? value, string path)
        where T : class =>
        value ?? throw Fail(path, "the value is missing or null; it is required.");

    public T Require<T>(T? value, string path)
        where T : struct =>
        value ?? throw Fail(path, "the value is missing or null; it is required.");

    public string RequireText(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(path, value is null ? "the value is missing or null; a text is required." : "the text is empty; it is required.") : value;

    public DateTimeOffset RequireUtc(string? text, string path)
    {
        var value = RequireText(text, path);
        if (TryReadPlainUtc(value, out var time)) return time;
        if (!value.EndsWith('Z') || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time))
            throw Fail(path, $"'{value}' is not a UTC time; expected RFC 3339 ending in 'Z', such as '2026-12-01T00:00:00Z'.");
        return time;
    }

    /// <summary>
    /// Reads the plain form <c>yyyy-MM-ddTHH:mm:ssZ</c> by hand (every time the shipped data holds): the culture's date
    /// parser costs milliseconds on its first use in a process, which the catalog's first load would pay. Anything else
    /// (fractions, offsets, a leap second, other digits) returns false and goes to DateTimeOffset.TryParse, so the two
    /// readers never disagree (held by a property test).
    /// </summary>
    internal static bool TryReadPlainUtc(string text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return false;
        if (!TryReadPlainDate(text.AsSpan(0, 10), out var date)
            || !TryDigits(text.AsSpan(11, 2), out var hour) || !TryDigits(text.AsSpan(14, 2), out var minute) || !TryDigits(text.AsSpan(17, 2), out var second)) return false;
        if (hour > 23 || minute > 59 || second > 59) return false;
        time = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// Reads <c>yyyy-MM-dd</c> exactly (what DateOnly.TryParseExact with that format and the invariant culture accepts), by
    /// hand: the release list has a date per tag, and the culture machinery's first use costs start-up time.
    /// </summary>
    internal static bool TryReadPlainDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') return false;
        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public Uri RequireUrl(string? text, string path)
    {
        var value = RequireText(text, path);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw Fail(path, $"'{value}' is not an https URL.");
    }

    /// <summary>An upstream release as the data writes it: SemVer without 'v', only the suffixes the version contract reads.</summary>
    public ComponentVersion RequireRelease(string? text, string path)
    {
        var value = RequireText(text, path);
        if (value[0] is 'v' or 'V' || !ComponentVersion.TryParse(value, out var version, out var error) || version.IsPartial || version.EksBuild is not null
            || version.Image is not null || version.Metadata.Length > 0 || value != value.Trim())
        {
            throw Fail(path, $"'{value}' is not an upstream release; expected SemVer without 'v', such as '1.12.5' or '1.11.4-rc1'.");
        }

        return version;
    }

    /// <summary>An EKS add-on build as EKS writes it: <c>v1.12.5-eksbuild.1</c>.</summary>
    public ComponentVersion RequireAddonBuild(string? text, string path)
    {
        var value = RequireText(text, path);
        if (!value.StartsWith('v') || !ComponentVersion.TryParse(value, out var version, out _) || version.EksBuild is null || version.IsPrerelease
            || version.Image is not null || version.Metadata.Length > 0 || value != value.Trim())
        {
            throw Fail(path, $"'{value}' is not an EKS add-on build; expected 'v' + release + '-eksbuild.N', such as 'v1.12.5-eksbuild.1'.");
        }

        return version;
    }

    public KubernetesVersion RequireKubernetes(string? text, string path)
    {
        var value = RequireText(text, path);
        return KubernetesVersion.TryParse(value, out var version, out var error) && value == version.ToString()
            ? version
            : throw Fail(path, error ?? $"'{value}' is not a Kubernetes version as the data writes it; expected major.minor such as '1.26'.");
    }

    public List<TOut> Items<TIn, TOut>(List<TIn?>? items, string path, Func<TIn, string, TOut> build)
        where TIn : class
    {
        var list = Require(items, path);
        var result = new List<TOut>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            result.Add(build(Require(list[i], itemPath), itemPath));
        }

        return result;
    }

    /// <summary>An optional list: absent reads as empty.</summary>
    public List<TOut> OptionalItems<TIn, TOut>(List<TIn?>? items, string path, Func<TIn, string, TOut> build)
        where TIn : class =>
        items is null ? [] : Items(items, path, build);

    public List<string> Texts(List<string?>? items, string path, bool allowEmpty)
    {
        var list = Items(items, path, (t, tp) => RequireText(t, tp));
        if (!allowEmpty && list.Count == 0) throw Fail(path, "the list is empty; expected at least one entry.");
        return list;
    }

    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
