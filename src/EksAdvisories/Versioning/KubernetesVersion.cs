using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EksAdvisories;

/// <summary>
/// A Kubernetes minor version such as <c>1.26</c>, read from <c>1.26</c>, <c>v1.26</c>, <c>1.26.3</c>,
/// <c>v1.29.0-eks-5e0fdde</c> or <c>1.26+</c>. Only major and minor matter for the advisory. This type is immutable.
/// </summary>
public sealed class KubernetesVersion : IEquatable<KubernetesVersion>, IComparable<KubernetesVersion>
{
    /// <summary>Creates a Kubernetes version from its numbers.</summary>
    /// <param name="major">The major version (1).</param>
    /// <param name="minor">The minor version (26).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative.</exception>
    public KubernetesVersion(int major, int minor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        Major = major;
        Minor = minor;
    }

    /// <summary>The major version.</summary>
    public int Major { get; }

    /// <summary>The minor version.</summary>
    public int Minor { get; }

    /// <summary>Parses a Kubernetes version.</summary>
    /// <param name="text">The version text.</param>
    /// <returns>The version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a Kubernetes version; the message quotes it.</exception>
    public static KubernetesVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version, out var error) ? version : throw new FormatException(error);
    }

    /// <summary>Tries to parse a Kubernetes version; never throws.</summary>
    /// <param name="text">The version text, or null.</param>
    /// <param name="version">The version, or null.</param>
    /// <param name="error">Why the text is not a Kubernetes version, or null on success.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out KubernetesVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        error = null;
        var s = (text ?? string.Empty).AsSpan().Trim();
        if (s.Length > 0 && s[0] is 'v' or 'V') s = s[1..];
        var dot = s.IndexOf('.');
        if (dot > 0 && int.TryParse(s[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            var rest = s[(dot + 1)..];
            var end = 0;
            while (end < rest.Length && char.IsAsciiDigit(rest[end])) end++;
            var tailOk = end == rest.Length || rest[end] is '.' or '-' or '+';
            if (end > 0 && end <= 9 && tailOk && int.TryParse(rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                version = new KubernetesVersion(major, minor);
                return true;
            }
        }

        error = $"'{text}' is not a Kubernetes version; expected major.minor such as '1.26' or 'v1.29.3-eks-5e0fdde'.";
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(KubernetesVersion? other) => other is not null && Major == other.Major && Minor == other.Minor;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as KubernetesVersion);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Major, Minor);

    /// <inheritdoc/>
    public int CompareTo(KubernetesVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    /// <summary>The version as <c>1.26</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    /// <summary>Equality as <see cref="Equals(KubernetesVersion?)"/>.</summary>
    public static bool operator ==(KubernetesVersion? left, KubernetesVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality as <see cref="Equals(KubernetesVersion?)"/>.</summary>
    public static bool operator !=(KubernetesVersion? left, KubernetesVersion? right) => !(left == right);

    /// <summary>Ordering as <see cref="CompareTo(KubernetesVersion?)"/>.</summary>
    public static bool operator <(KubernetesVersion? left, KubernetesVersion? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Ordering as <see cref="CompareTo(KubernetesVersion?)"/>.</summary>
    public static bool operator <=(KubernetesVersion? left, KubernetesVersion? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Ordering as <see cref="CompareTo(KubernetesVersion?)"/>.</summary>
    public static bool operator >(KubernetesVersion? left, KubernetesVersion? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Ordering as <see cref="CompareTo(KubernetesVersion?)"/>.</summary>
    public static bool operator >=(KubernetesVersion? left, KubernetesVersion? right) => left is null ? right is null : left.CompareTo(right) >= 0;
}
