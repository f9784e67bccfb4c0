using System.Collections.ObjectModel;
using System.Numerics;
using Semver;

namespace EksAdvisories;

/// <summary>
/// An affected range over upstream SemVer, written as OSV events and evaluated with OSV's algorithm.
/// EKS add-on builds are evaluated as the upstream release they package. This type is immutable.
/// </summary>
public sealed class AffectedRange
{
    private readonly RangeEvent[] _sorted;

    /// <summary>The comparator text, built on first use: every verdict's reason quotes it, and it never changes.</summary>
    private string? _text;

    internal AffectedRange(IEnumerable<RangeEvent> events)
    {
        _sorted = events.OrderBy(e => e.SemVersion, SemVersion.PrecedenceComparer).ThenBy(e => e.Kind).ToArray();
        Events = new ReadOnlyCollection<RangeEvent>(_sorted);
    }

    /// <summary>The events, in version order.</summary>
    public IReadOnlyList<RangeEvent> Events { get; }

    /// <summary>The first version where the range closes (<c>fixed</c>), or null when it has none.</summary>
    public string? FixedVersion => _sorted.LastOrDefault(e => e.Kind == RangeEventKind.Fixed)?.Version;

    /// <summary>True when <paramref name="version"/> (a full version) lies in the range.</summary>
    internal bool Contains(SemVersion version) => Contains(null, version);

    /// <summary>
    /// True when the upstream release of <paramref name="version"/> (a full version) lies in the range. Answers without
    /// building the version's <see cref="SemVersion"/> unless both it and an event are pre-releases of the same
    /// major.minor.patch, the only case that needs SemVer's identifier rules.
    /// </summary>
    internal bool Contains(ComponentVersion version) => Contains(version, null);

    /// <summary>The range walk for either form of version (exactly one is given).</summary>
    private bool Contains(ComponentVersion? component, SemVersion? semVersion, bool releaseOnly = false)
    {
        // OSV evaluation: walk the sorted events and let each one that the version has reached decide.
        var affected = false;
        foreach (var e in _sorted)
        {
            var c = component is null ? semVersion!.ComparePrecedenceTo(e.SemVersion) : ComparePrecedence(component, e.SemVersion, releaseOnly);
            switch (e.Kind)
            {
                case RangeEventKind.Introduced when c >= 0:
                    affected = true;
                    break;
                case RangeEventKind.Fixed when c >= 0:
                case RangeEventKind.LastAffected when c > 0:
                    affected = false;
                    break;
            }
        }

        return affected;
    }

    /// <summary>
    /// True when <paramref name="version"/> is a release candidate that the range orders on the other side of an event
    /// from its own release, and that is no event of the range itself (such as <c>1.12.5-rc1</c> against <c>fixed 1.12.5</c>).
    /// SemVer puts the candidate before the fix, but whether its code carries the fix is not something the order can tell.
    /// </summary>
    internal bool IsUndecidedCandidate(ComponentVersion version)
    {
        if (!version.IsPrerelease || version.IsPartial) return false;
        foreach (var e in _sorted)
        {
            if (ComparePrecedence(version, e.SemVersion) == 0) return false;
        }

        return Contains(version) != Contains(version, null, releaseOnly: true);
    }

    /// <summary>
    /// The status of every release in [<paramref name="low"/>, <paramref name="high"/>) when they all share one,
    /// else null (the line straddles an event) together with the event that splits it.
    /// </summary>
    internal bool? ContainsAll(SemVersion low, SemVersion high, out RangeEvent? splitter)
    {
        splitter = null;
        foreach (var e in _sorted)
        {
            var afterLow = e.SemVersion.ComparePrecedenceTo(low);
            var beforeHigh = e.SemVersion.ComparePrecedenceTo(high) < 0;
            // Introduced/fixed change the state at the event; last_affected just after it.
            var splits = e.Kind == RangeEventKind.LastAffected ? afterLow >= 0 && beforeHigh : afterLow > 0 && beforeHigh;
            if (splits)
            {
                splitter = e;
                return null;
            }
        }

        return Contains(low);
    }

    /// <summary>SemVer precedence of a full version's upstream release against an event version, as SemVersion.ComparePrecedenceTo gives it.</summary>
    private static int ComparePrecedence(ComponentVersion version, SemVersion other, bool releaseOnly = false)
    {
        var c = ((BigInteger)version.Major).CompareTo(other.Major);
        if (c == 0) c = ((BigInteger)version.Minor!.Value).CompareTo(other.Minor);
        if (c == 0) c = ((BigInteger)version.Patch!.Value).CompareTo(other.Patch);
        if (c != 0) return Math.Sign(c);

        // A release ranks above its pre-releases; two pre-releases compare identifier by identifier.
        // releaseOnly: the release a pre-release leads up to (v1.12.5 for v1.12.5-rc1), without building it.
        return (version.IsPrerelease && !releaseOnly, other.IsPrerelease) switch
        {
            (false, false) => 0,
            (false, true) => 1,
            (true, false) => -1,
            // The version contract admits one pre-release form, 'rcN': a single alphanumeric identifier, which SemVer
            // orders by ASCII (so rc10 < rc2, as SemVersion says). An event with several identifiers goes to Semver.
            _ when other.PrereleaseIdentifiers.Count == 1 && !other.PrereleaseIdentifiers[0].NumericValue.HasValue =>
                Math.Sign(string.CompareOrdinal(version.Prerelease, other.Prerelease)),
            _ => version.Upstream!.ComparePrecedenceTo(other),
        };
    }

    /// <summary>The range in comparator notation, such as <c>&gt;=1.11.4-rc1 &lt;1.12.5</c>.</summary>
    public override string ToString() => _text ??= Format();

    private string Format()
    {
        var parts = new List<string>();
        foreach (var e in _sorted)
        {
            parts.Add(e.Kind switch
            {
                RangeEventKind.Introduced => ">=" + e.Version,
                RangeEventKind.Fixed => "<" + e.Version,
                _ => "<=" + e.Version,
            });
        }

        return string.Join(' ', parts);
    }
}
