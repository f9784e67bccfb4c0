namespace EksAdvisories;

/// <summary>One upstream release of a component: its tag and the date git records for it. This type is immutable.</summary>
public sealed class ComponentRelease
{
    internal ComponentRelease(ComponentVersion version, DateOnly tagDate, string? avoidReason, Uri? avoidReference)
    {
        Version = version;
        TagDate = tagDate;
        AvoidReason = avoidReason;
        AvoidReference = avoidReference;
    }

    /// <summary>The release (<c>v1.12.5</c>).</summary>
    public ComponentVersion Version { get; }

    /// <summary>
    /// The date git records for the tag (the tagger date of an annotated tag, else the tagged commit's date). The date a
    /// release page shows can differ and is not known to the data.
    /// </summary>
    public DateOnly TagDate { get; }

    /// <summary>Why this release must never be an upgrade target (v1.16.3: a separate livelock), or null.</summary>
    public string? AvoidReason { get; }

    /// <summary>The evidence for <see cref="AvoidReason"/>, or null.</summary>
    public Uri? AvoidReference { get; }

    /// <summary>True when the release may be proposed as an upgrade target: a final release nobody warns against.</summary>
    public bool IsUpgradeTarget => AvoidReason is null && !Version.IsPrerelease;

    /// <inheritdoc/>
    public override string ToString() => $"{Version} ({TagDate:yyyy-MM-dd})";
}
