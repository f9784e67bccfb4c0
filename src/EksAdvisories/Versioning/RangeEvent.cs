using Semver;

namespace EksAdvisories;

/// <summary>One event of an OSV-style affected range: a version where the affected state changes. This type is immutable.</summary>
public sealed class RangeEvent
{
    internal RangeEvent(RangeEventKind kind, SemVersion version)
    {
        Kind = kind;
        SemVersion = version;
    }

    /// <summary>What happens at <see cref="Version"/>.</summary>
    public RangeEventKind Kind { get; }

    /// <summary>The upstream version of the event, without <c>v</c>: <c>1.11.4-rc1</c>.</summary>
    public string Version => SemVersion.ToString();

    internal SemVersion SemVersion { get; }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        RangeEventKind.Introduced => "introduced " + Version,
        RangeEventKind.Fixed => "fixed " + Version,
        _ => "last affected " + Version,
    };
}
