namespace EksAdvisories;

/// <summary>Whether a component version carries the defect an advisory describes.</summary>
public enum AffectedStatus
{
    /// <summary>The answer could not be given: the input names no single release, or could not be read. The verdict's reason says why.</summary>
    Unknown = 0,

    /// <summary>The version is inside the advisory's affected range.</summary>
    Affected = 1,

    /// <summary>The version is outside the advisory's affected range.</summary>
    NotAffected = 2,
}
