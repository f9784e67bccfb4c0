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
    internal bool Contains(SemVersion version)
    {
        // OSV evaluation: walk the sorted events and let each one that the version has reached decide.
        var affected = false;
        foreach (var e in _sorted)
        {
            var c = version.ComparePrecedenceTo(e.SemVersion);
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

    /// <summary>The range in comparator notation, such as <c>&gt;=1.11.4-rc1 &lt;1.12.5</c>.</summary>
    public override string ToString()
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
