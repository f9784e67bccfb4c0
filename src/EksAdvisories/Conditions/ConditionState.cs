namespace EksAdvisories;

/// <summary>Whether a condition of an advisory holds on the node being judged.</summary>
public enum ConditionState
{
    /// <summary>Nothing given settles it: no settings, no fact, or a setting set from elsewhere.</summary>
    Unknown = 0,

    /// <summary>The setting or fact is as the advisory needs it to strike.</summary>
    Holds = 1,

    /// <summary>The setting or fact clears the advisory for this node.</summary>
    DoesNotHold = 2,
}
