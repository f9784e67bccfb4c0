using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Semver;

namespace EksAdvisories;

/// <summary>
/// A VPC CNI version in any form a cluster shows it: <c>1.12.2</c>, <c>v1.12.2</c>, <c>V1.12.2</c>,
/// <c>v1.12.2-eksbuild.1</c>, <c>v1.12.1-rc1</c>, <c>1.12.2+build</c>, a partial <c>v1.12</c>, or an image reference
/// whose tag is one of those. Surrounding white space is ignored.
/// </summary>
/// <remarks>
/// <para>
/// Exactly two suffixes are read. <c>-eksbuild.N</c> (N a positive integer) marks an EKS build of the upstream release,
/// not a pre-release: <c>v1.12.2-eksbuild.1</c> is release 1.12.2. <c>-rcN</c> (N a positive integer) is an upstream
/// release candidate, a pre-release. Every other suffix (<c>-eksbuild</c>, <c>-EKSBUILD.1</c>, <c>-eksbuild.1.2</c>,
/// <c>-linux-amd64</c>, <c>-RC1</c>, …) is refused with a message that quotes the input and names the accepted forms:
/// ordering such a suffix as a SemVer pre-release would put an affected release outside its range.
/// </para>
/// <para>This type is immutable and thread-safe. Equality and ordering ignore build metadata and the original text.</para>
/// </remarks>
public sealed class ComponentVersion : IEquatable<ComponentVersion>, IComparable<ComponentVersion>
{
    private const string EksBuildPrefix = "eksbuild.";
    private const string ReleaseCandidatePrefix = "rc";

    /// <summary>The message for a suffix outside the contract: it quotes the suffix and the input and names the accepted forms.</summary>
    private static string UnknownSuffix(ReadOnlySpan<char> suffix, string original) =>
        $"The suffix '-{suffix}' in '{original}' is not a form this library reads, so the version is not guessed at. Accepted suffixes: " +
        "an EKS add-on build '-eksbuild.N' (N a positive integer, lower case, as in 'v1.12.2-eksbuild.1') and an upstream " +
        "release candidate '-rcN' (as in 'v1.12.1-rc1'); build metadata may follow after '+'.";
    // Minor, patch and EKS build are stored as ints with -1 for "none" (the public properties give them as int?): a
    // version is allocated on every parse, and this keeps it small.
    private readonly int _minor;
    private readonly int _patch;
    private readonly int _eksBuild;

    // Built on first use and kept: a verdict's reason names the version several times.
    private string? _upstreamRelease;
    private string? _text;
    private ComponentVersion? _release;

    private ComponentVersion(string original, int major, int? minor, int? patch, string prerelease, int? eksBuild, string metadata, ImageReference? image)
    {
        Original = original;
        Major = major;
        _minor = minor ?? -1;
        _patch = patch ?? -1;
        Prerelease = prerelease;
        _eksBuild = eksBuild ?? -1;
        Metadata = metadata;
        Image = image;
    }

    /// <summary>The text this version was parsed from, exactly as given.</summary>
    public string Original { get; }

    /// <summary>The major version number.</summary>
    public int Major { get; }

    /// <summary>The minor version number, or <see langword="null"/> for a major-only version such as <c>v1</c>.</summary>
    public int? Minor => _minor < 0 ? null : _minor;

    /// <summary>The patch version number, or <see langword="null"/> for a partial version such as <c>v1.12</c>.</summary>
    public int? Patch => _patch < 0 ? null : _patch;

    /// <summary>The upstream pre-release label (<c>rc1</c>), or an empty string for a release. Never contains an EKS build suffix.</summary>
    public string Prerelease { get; }

    /// <summary>The N of an <c>-eksbuild.N</c> suffix, or <see langword="null"/> when the version is not an EKS add-on build.</summary>
    public int? EksBuild => _eksBuild < 0 ? null : _eksBuild;

    /// <summary>Build metadata after <c>+</c>, or an empty string.</summary>
    public string Metadata { get; }

    /// <summary>The image reference the version was read from, or <see langword="null"/> when it was given as a bare version.</summary>
    public ImageReference? Image { get; }

    /// <summary>True when the version names a release line rather than one release (<c>v1.12</c>, <c>v1</c>).</summary>
    public bool IsPartial => _patch < 0;

    /// <summary>True when the version is an upstream pre-release such as <c>v1.12.1-rc1</c>. EKS builds are not pre-releases.</summary>
    public bool IsPrerelease => Prerelease.Length > 0;

    /// <summary>The upstream release this version is, or belongs to, without the <c>v</c>, EKS build suffix or metadata: <c>1.12.2</c>, <c>1.12.1-rc1</c>, <c>1.12</c>.</summary>
    public string UpstreamRelease => _upstreamRelease ??= FormatUpstreamRelease();

    private string FormatUpstreamRelease()
    {
        var core = Minor is null ? Major.ToString(CultureInfo.InvariantCulture)
            : Patch is null ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}")
            : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        return IsPrerelease ? core + "-" + Prerelease : core;
    }

    /// <summary>
    /// The upstream release this version is or packages, as a version of its own: <c>v1.12.2</c> for
    /// <c>602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1+meta</c>.
    /// </summary>
    public ComponentVersion Release => _release ??= CreateRelease();

    /// <summary>The release a pre-release leads up to (<c>v1.12.5</c> for <c>v1.12.5-rc1</c>); for a release, <see cref="Release"/>.</summary>
    internal ComponentVersion FinalRelease => IsPrerelease
        ? new ComponentVersion(string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}"), Major, Minor, Patch, string.Empty, null, string.Empty, null)
        : Release;

    private ComponentVersion CreateRelease()
    {
        var release = new ComponentVersion("v" + UpstreamRelease, Major, Minor, Patch, Prerelease, null, string.Empty, null);
        release._text = release.Original;
        return release;
    }

    /// <summary>The upstream release as a SemVer value (EKS build suffix and metadata dropped); null for partial versions.</summary>
    internal SemVersion? Upstream => IsPartial ? null : new SemVersion(
        Major, _minor, _patch,
        IsPrerelease ? (PrereleaseIdentifier[])[new PrereleaseIdentifier(Prerelease)] : null,
        null);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">A version in one of the forms listed on <see cref="ComponentVersion"/>.</param>
    /// <returns>The parsed version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a version; the message quotes it and says what was expected.</exception>
    public static ComponentVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseCore(text, out var error) ?? throw new FormatException(error);
    }

    /// <summary>Tries to parse <paramref name="text"/>; never throws.</summary>
    /// <param name="text">A version in one of the forms listed on <see cref="ComponentVersion"/>, or null.</param>
    /// <param name="version">The parsed version, or null.</param>
    /// <returns>True when the text is a version.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ComponentVersion? version)
    {
        // Nobody reads the message here, so none is built: a failed parse allocates nothing.
        version = text is null ? null : ParseCore(text, out _, describe: false);
        return version is not null;
    }

    /// <summary>Tries to parse <paramref name="text"/>; never throws, and says why when it fails.</summary>
    /// <param name="text">A version in one of the forms listed on <see cref="ComponentVersion"/>, or null.</param>
    /// <param name="version">The parsed version, or null.</param>
    /// <param name="error">Why the text is not a version (quoting it), or null on success.</param>
    /// <returns>True when the text is a version.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ComponentVersion? version, [NotNullWhen(false)] out string? error)
    {
        if (text is null)
        {
            version = null;
            error = "No version was given (null).";
            return false;
        }

        version = ParseCore(text, out error);
        return version is not null;
    }

    /// <summary>The one parser behind Parse and TryParse: returns the error message instead of throwing it.</summary>
    internal static ComponentVersion? ParseCore(string text, out string? error, bool describe = true)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            error = !describe ? null : text.Length == 0 ? "The version is empty." : $"The version '{text}' is only white space.";
            return null;
        }

        if (!ImageReference.LooksLikeImage(trimmed))
        {
            error = null;
            return ParseCommonForm(text, trimmed, null) ?? ParseVersionText(text, trimmed, null, out error, describe);
        }

        var image = ImageReference.TryParseCore(trimmed.Length == text.Length ? text : trimmed.ToString(), out error);
        if (image is null) return null;
        if (!image.HasTag)
        {
            error = !describe ? null : image.Digest is null
                ? $"Image reference '{text}' has no tag, so it names no version; expected a tag such as ':v1.12.2-eksbuild.1'."
                : $"Image reference '{text}' is pinned by digest only; a digest does not say which version it is. Give the tag as well (for example 'amazon-k8s-cni:v1.12.5-eksbuild.1@{image.Digest}').";
            return null;
        }

        var version = ParseCommonForm(text, image.TagSpan, image) ?? ParseVersionText(text, image.TagSpan, image, out error, describe);
        if (version is null) error = !describe ? null : $"Image reference '{text}': " + error;
        return version;
    }

    /// <summary>
    /// The forms clusters show nearly always, read in one pass: <c>[v]MAJOR.MINOR.PATCH</c> with an optional
    /// <c>-eksbuild.N</c> or <c>-rcN</c> and nothing else. Null for anything else, which <see cref="ParseVersionText"/>
    /// then reads (or refuses, saying why). It accepts a subset of what that reads and builds the same version; a
    /// property test holds the two to each other.
    /// </summary>
    internal static ComponentVersion? ParseCommonForm(string original, ReadOnlySpan<char> s, ImageReference? image)
    {
        var i = s.Length > 0 && s[0] is 'v' or 'V' ? 1 : 0;
        if (!ReadNumber(s, ref i, out var major) || !Expect(s, ref i, '.')
            || !ReadNumber(s, ref i, out var minor) || !Expect(s, ref i, '.')
            || !ReadNumber(s, ref i, out var patch))
        {
            return null;
        }

        if (i == s.Length) return new ComponentVersion(original, major, minor, patch, string.Empty, null, string.Empty, image);
        if (!Expect(s, ref i, '-')) return null;
        var suffix = s[i..];
        if (suffix.StartsWith(EksBuildPrefix, StringComparison.Ordinal))
        {
            i += EksBuildPrefix.Length;
            return ReadNumber(s, ref i, out var build) && build > 0 && i == s.Length
                ? new ComponentVersion(original, major, minor, patch, string.Empty, build, string.Empty, image)
                : null;
        }

        if (suffix.StartsWith(ReleaseCandidatePrefix, StringComparison.Ordinal))
        {
            i += ReleaseCandidatePrefix.Length;
            return ReadNumber(s, ref i, out var candidate) && candidate > 0 && i == s.Length
                ? new ComponentVersion(original, major, minor, patch, suffix.ToString(), null, string.Empty, image)
                : null;
        }

        return null;

        static bool Expect(ReadOnlySpan<char> s, ref int i, char c)
        {
            if (i >= s.Length || s[i] != c) return false;
            i++;
            return true;
        }

        // Digits from i, without a leading zero, at most 9 of them (as TryReadNumber reads a number).
        static bool ReadNumber(ReadOnlySpan<char> s, ref int i, out int value)
        {
            value = 0;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                value = (value * 10) + (s[i] - '0');
                i++;
                if (i - start > 9) return false;
            }

            return i > start && (i - start == 1 || s[start] != '0');
        }
    }

    internal static ComponentVersion? ParseVersionText(string original, ReadOnlySpan<char> s, ImageReference? image, out string? error, bool describe)
    {
        error = null;
        if (s.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            error = !describe ? null : image is null
                ? $"'{original}' names no fixed version; give the version itself, such as 'v1.12.5-eksbuild.1'."
                : $"The tag 'latest' in '{original}' names no fixed version; give the version the image was built from.";
            return null;
        }

        if (s[0] is 'v' or 'V') s = s[1..];

        var plus = s.IndexOf('+');
        var metadata = ReadOnlySpan<char>.Empty;
        if (plus >= 0)
        {
            metadata = s[(plus + 1)..];
            s = s[..plus];
            if (!IsValidIdentifiers(metadata))
            {
                error = !describe ? null : $"The build metadata '{metadata}' in '{original}' is malformed; expected dot-separated letters, digits and hyphens.";
                return null;
            }
        }

        var dash = s.IndexOf('-');
        var suffix = ReadOnlySpan<char>.Empty;
        if (dash >= 0)
        {
            suffix = s[(dash + 1)..];
            s = s[..dash];
        }

        Span<int> numbers = stackalloc int[3];
        var count = 0;
        while (true)
        {
            var dot = s.IndexOf('.');
            var part = dot < 0 ? s : s[..dot];
            if (count == 3)
            {
                error = !describe ? null : $"'{original}' has a fourth version number; expected major.minor.patch such as '1.12.2'.";
                return null;
            }

            if (!TryReadNumber(part, out numbers[count]))
            {
                error = !describe ? null : part.IsEmpty
                    ? $"'{original}' has an empty version number; expected major.minor.patch such as 'v1.12.2'."
                    : $"'{original}' is not a version: '{part}' is not a version number; expected major.minor.patch such as 'v1.12.2' or 'v1.12.2-eksbuild.1'.";
                return null;
            }

            count++;
            if (dot < 0) break;
            s = s[(dot + 1)..];
        }

        if (count < 3 && (dash >= 0 || !metadata.IsEmpty))
        {
            error = !describe ? null : $"'{original}' has a suffix but only {count} version number(s); a suffix needs major.minor.patch.";
            return null;
        }

        // The version contract: exactly two suffixes mean something. Any other suffix is refused rather than ordered as a
        // SemVer pre-release, which would sort 'v1.11.4-eksbuild' below 1.11.4-rc1 and so outside the affected range.
        int? eksBuild = null;
        var upstreamPrerelease = ReadOnlySpan<char>.Empty;
        if (dash >= 0)
        {
            if (suffix.StartsWith(EksBuildPrefix, StringComparison.Ordinal) && TryReadPositiveNumber(suffix[EksBuildPrefix.Length..], out var build))
            {
                eksBuild = build;
            }
            else if (suffix.StartsWith(ReleaseCandidatePrefix, StringComparison.Ordinal) && TryReadPositiveNumber(suffix[ReleaseCandidatePrefix.Length..], out _))
            {
                upstreamPrerelease = suffix;
            }
            else
            {
                error = !describe ? null : UnknownSuffix(suffix, original);
                return null;
            }
        }

        return new ComponentVersion(
            original,
            numbers[0],
            count > 1 ? numbers[1] : null,
            count > 2 ? numbers[2] : null,
            upstreamPrerelease.IsEmpty ? string.Empty : upstreamPrerelease.ToString(),
            eksBuild,
            metadata.IsEmpty ? string.Empty : metadata.ToString(),
            image);
    }

    private static bool TryReadNumber(ReadOnlySpan<char> part, out int value)
    {
        value = 0;
        if (part.IsEmpty || part.Length > 9) return false;
        // SemVer forbids leading zeros; reading "012" as 12 would be a guess.
        if (part.Length > 1 && part[0] == '0') return false;
        foreach (var c in part)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>A positive integer without leading zeros or sign, at most 9 digits (an EKS build or release-candidate number).</summary>
    private static bool TryReadPositiveNumber(ReadOnlySpan<char> part, out int value) => TryReadNumber(part, out value) && value > 0;

    private static bool IsValidIdentifiers(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        var identifierLength = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (identifierLength == 0) return false;
                identifierLength = 0;
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
            identifierLength++;
        }

        return identifierLength > 0;
    }

    /// <summary>
    /// The one display form of a version, as upstream tags and EKS add-on versions are written: a <c>v</c>, no white
    /// space, no image, metadata kept: <c>v1.12.2-eksbuild.1</c>, <c>v1.12.1-rc1</c>, <c>v1.12</c>.
    /// </summary>
    public override string ToString() => _text ??= "v" + SemVerText;

    /// <summary>The version as upstream SemVer text without the <c>v</c> (<c>1.12.2-eksbuild.1</c>), as the data format and OSV write it.</summary>
    internal string SemVerText
    {
        get
        {
            var text = UpstreamRelease;
            if (EksBuild is { } build) text += string.Create(CultureInfo.InvariantCulture, $"-eksbuild.{build}");
            if (Metadata.Length > 0) text += "+" + Metadata;
            return text;
        }
    }

    /// <inheritdoc/>
    public bool Equals(ComponentVersion? other) =>
        other is not null && Major == other.Major && _minor == other._minor && _patch == other._patch
        && string.Equals(Prerelease, other.Prerelease, StringComparison.Ordinal) && _eksBuild == other._eksBuild;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ComponentVersion);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Major, _minor, _patch, Prerelease, _eksBuild);

    /// <summary>
    /// Orders by upstream precedence (a pre-release before its release), then by EKS build, a plain release before its EKS builds.
    /// A partial version sorts before every release of its line.
    /// </summary>
    /// <param name="other">The version to compare with.</param>
    /// <returns>Negative, zero or positive, as for <see cref="IComparable{T}"/>.</returns>
    public int CompareTo(ComponentVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c != 0) return c;
        // -1 ("none") sorts first, as a partial version sorts before every release of its line.
        c = _minor.CompareTo(other._minor);
        if (c != 0) return c;
        c = _patch.CompareTo(other._patch);
        if (c != 0) return c;
        if (!IsPartial)
        {
            // The version contract admits one pre-release form, 'rcN': a single alphanumeric identifier, which SemVer
            // ranks below its release and orders by ASCII among its kind (rc10 < rc2). A property test holds this to Semver.
            c = (IsPrerelease, other.IsPrerelease) switch
            {
                (false, false) => 0,
                (false, true) => 1,
                (true, false) => -1,
                _ => Math.Sign(string.CompareOrdinal(Prerelease, other.Prerelease)),
            };
            if (c != 0) return c;
        }

        return _eksBuild.CompareTo(other._eksBuild);
    }

    /// <summary>Equality as <see cref="Equals(ComponentVersion?)"/>.</summary>
    public static bool operator ==(ComponentVersion? left, ComponentVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality as <see cref="Equals(ComponentVersion?)"/>.</summary>
    public static bool operator !=(ComponentVersion? left, ComponentVersion? right) => !(left == right);

    /// <summary>Ordering as <see cref="CompareTo(ComponentVersion?)"/>.</summary>
    public static bool operator <(ComponentVersion? left, ComponentVersion? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Ordering as <see cref="CompareTo(ComponentVersion?)"/>.</summary>
    public static bool operator <=(ComponentVersion? left, ComponentVersion? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Ordering as <see cref="CompareTo(ComponentVersion?)"/>.</summary>
    public static bool operator >(ComponentVersion? left, ComponentVersion? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Ordering as <see cref="CompareTo(ComponentVersion?)"/>.</summary>
    public static bool operator >=(ComponentVersion? left, ComponentVersion? right) => left is null ? right is null : left.CompareTo(right) >= 0;
}
