using System.Collections.ObjectModel;
using Semver;

namespace EksAdvisories;

/// <summary>
/// An affected range over upstream SemVer, written as OSV events and evaluated with OSV's algorithm.
/// EKS add-on builds are evaluated as the upstream release they package. This type is immutable.
/// </summary>
public sealed class AffectedRange
{
    private readonly RangeEvent[] _sorted;

    /// <summary>The events as plain numbers, in the same order as <see cref="_sorted"/>: the comparison a verdict makes per event.</summary>
    private readonly EventPoint[] _points;

    /// <summary>The comparator text, built on first use: every verdict's reason quotes it, and it never changes.</summary>
    private string? _text;

    internal AffectedRange(IEnumerable<RangeEvent> events)
    {
        _sorted = events.OrderBy(e => e.SemVersion, SemVersion.PrecedenceComparer).ThenBy(e => e.Kind).ToArray();
        Events = new ReadOnlyCollection<RangeEvent>(_sorted);
        _points = Array.ConvertAll(_sorted, EventPoint.From);
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
        var points = _points;
        var key = component is null ? -1 : EventPoint.KeyOf(component.Major, component.Minor!.Value, component.Patch!.Value);
        for (var i = 0; i < points.Length; i++)
        {
            ref readonly var e = ref points[i];
            var c = component is null ? semVersion!.ComparePrecedenceTo(e.Event.SemVersion) : ComparePrecedence(component, key, e, releaseOnly);
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
        foreach (var e in _points)
        {
            if (ComparePrecedence(version, EventPoint.KeyOf(version.Major, version.Minor!.Value, version.Patch!.Value), e) == 0) return false;
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

    /// <summary>
    /// SemVer precedence of a full version's upstream release against an event, as SemVersion.ComparePrecedenceTo gives it;
    /// <paramref name="key"/> is the version's numbers packed by <see cref="EventPoint.KeyOf"/> (-1 when they do not fit).
    /// </summary>
    private static int ComparePrecedence(ComponentVersion version, long key, in EventPoint other, bool releaseOnly = false)
    {
        // An event or a version whose numbers do not fit the packed key, or an event whose pre-release has several
        // identifiers, goes to Semver.
        if (!other.IsSimple || key < 0) return (releaseOnly ? version.FinalRelease : version).Upstream!.ComparePrecedenceTo(other.Event.SemVersion);
        if (key != other.Key) return key < other.Key ? -1 : 1;

        // A release ranks above its pre-releases. The version contract admits one pre-release form, 'rcN': a single
        // alphanumeric identifier, which SemVer orders by ASCII (so rc10 < rc2, as SemVersion says).
        // releaseOnly: the release a pre-release leads up to (v1.12.5 for v1.12.5-rc1), without building it.
        return (version.IsPrerelease && !releaseOnly, other.Prerelease is not null) switch
        {
            (false, false) => 0,
            (false, true) => 1,
            (true, false) => -1,
            _ => Math.Sign(string.CompareOrdinal(version.Prerelease, other.Prerelease)),
        };
    }

    /// <summary>
    /// An event's version read once when the range is built: its kind, its numbers packed into one key (major, minor and
    /// patch in 21 bits each, so one comparison orders them) and its pre-release label. Simple when the numbers fit and
    /// the pre-release, if any, is one alphanumeric identifier (the only form versions are read in).
    /// </summary>
    private readonly record struct EventPoint(RangeEvent Event, RangeEventKind Kind, bool IsSimple, long Key, string? Prerelease)
    {
        private const int Bits = 21;

        /// <summary>The packed numbers, or -1 when one does not fit in <see cref="Bits"/> bits.</summary>
        public static long KeyOf(int major, int minor, int patch)
        {
            const int limit = 1 << Bits;
            return (uint)major < limit && (uint)minor < limit && (uint)patch < limit ? ((long)major << (2 * Bits)) | ((long)minor << Bits) | (uint)patch : -1;
        }

        public static EventPoint From(RangeEvent e)
        {
            var v = e.SemVersion;
            var key = v.Major <= int.MaxValue && v.Minor <= int.MaxValue && v.Patch <= int.MaxValue ? KeyOf((int)v.Major, (int)v.Minor, (int)v.Patch) : -1;
            var ids = v.PrereleaseIdentifiers;
            var simplePrerelease = ids.Count == 0 || (ids.Count == 1 && !ids[0].NumericValue.HasValue);
            return key >= 0 && simplePrerelease
                ? new EventPoint(e, e.Kind, true, key, ids.Count == 0 ? null : v.Prerelease)
                : new EventPoint(e, e.Kind, false, -1, null);
        }
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
