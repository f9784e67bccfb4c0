namespace EksAdvisories;

/// <summary>How one <see cref="AdvisoryCondition"/> came out for a node, and on what evidence. This type is immutable.</summary>
public sealed class ConditionOutcome
{
    internal ConditionOutcome(AdvisoryCondition condition, ConditionState state, string explanation)
    {
        Condition = condition;
        State = state;
        Explanation = explanation;
    }

    /// <summary>The condition.</summary>
    public AdvisoryCondition Condition { get; }

    /// <summary>Whether it holds.</summary>
    public ConditionState State { get; }

    /// <summary>The evidence, as a clause: <c>ENABLE_SUBNET_DISCOVERY=false in aws-node.json</c>.</summary>
    public string Explanation { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Condition.Id} {State}: {Explanation}";
}
