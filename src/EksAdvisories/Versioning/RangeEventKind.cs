namespace EksAdvisories;

/// <summary>The kind of an OSV-style range event.</summary>
public enum RangeEventKind
{
    /// <summary>Versions from this one on are affected (OSV <c>introduced</c>).</summary>
    Introduced,

    /// <summary>Versions from this one on are no longer affected (OSV <c>fixed</c>).</summary>
    Fixed,

    /// <summary>This is the last affected version; later ones are not (OSV <c>last_affected</c>).</summary>
    LastAffected,
}
