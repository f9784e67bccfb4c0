namespace EksAdvisories;

/// <summary>
/// Judges an advisory's conditions for one version and the caller's options. One place for the rule: a condition the
/// evidence shows not to hold clears the advisory; anything unsettled leaves it Affected and is named, never guessed.
/// </summary>
internal static class ConditionEvaluator
{
    public static List<ConditionOutcome> Evaluate(IReadOnlyList<AdvisoryCondition> conditions, ComponentVersion version, AdvisoryEvaluationOptions options)
    {
        var outcomes = new List<ConditionOutcome>(conditions.Count);
        foreach (var condition in conditions)
        {
            if (!condition.AppliesToVersion(version)) continue;
            outcomes.Add(Evaluate(condition, options));
        }

        return outcomes;
    }

    private static ConditionOutcome Evaluate(AdvisoryCondition condition, AdvisoryEvaluationOptions options)
    {
        if (condition.Setting is { } setting)
        {
            if (options.AwsNodeSettings is not { } settings)
            {
                return new ConditionOutcome(condition, ConditionState.Unknown, $"the aws-node settings were not given, so {setting} is unknown");
            }

            var value = settings.ReadBool(setting, condition.SettingDefault ?? false, out var explanation);
            return new ConditionOutcome(condition, value is null ? ConditionState.Unknown : value == condition.AffectedWhen ? ConditionState.Holds : ConditionState.DoesNotHold, explanation);
        }

        if (options.Facts.TryGetValue(condition.Id, out var fact))
        {
            return new ConditionOutcome(condition, fact == condition.AffectedWhen ? ConditionState.Holds : ConditionState.DoesNotHold,
                $"the caller states that {(fact ? string.Empty : "it is not so that ")}{condition.Fact}");
        }

        return new ConditionOutcome(condition, ConditionState.Unknown, $"whether {condition.Fact} was not stated");
    }

    /// <summary>
    /// A range verdict with the advisory's conditions judged: unchanged unless it is Affected for a full version of an
    /// advisory with conditions; NotAffected (no action) when a condition is shown not to hold; otherwise Affected with
    /// the reason naming what holds and what would clear it.
    /// </summary>
    public static AdvisoryVerdict Apply(Advisory advisory, AdvisoryVerdict verdict, AdvisoryEvaluationOptions options)
    {
        if (advisory.Conditions.Count == 0 || verdict.Status != AffectedStatus.Affected || verdict.Version is not { IsPartial: false } version) return verdict;
        var outcomes = Evaluate(advisory.Conditions, version, options);
        if (outcomes.Count == 0) return verdict;
        var text = Describe(outcomes, out var cleared);
        return cleared
            ? verdict.WithConditions(AffectedStatus.NotAffected, verdict.Reason + " " + text, null, outcomes)
            : verdict.WithConditions(AffectedStatus.Affected, text.Length == 0 ? verdict.Reason : verdict.Reason + " " + text, verdict.Action, outcomes);
    }

    /// <summary>The sentence a verdict adds for its conditions: what cleared it, or what would.</summary>
    public static string Describe(IReadOnlyList<ConditionOutcome> outcomes, out bool cleared)
    {
        var clearing = outcomes.Where(o => o.State == ConditionState.DoesNotHold).ToList();
        cleared = clearing.Count > 0;
        if (cleared)
        {
            return "This node is not affected: " + string.Join("; ", clearing.Select(o => $"{o.Explanation} ({o.Condition.Description})")) + ".";
        }

        var open = outcomes.Where(o => o.State == ConditionState.Unknown).ToList();
        var held = outcomes.Where(o => o.State == ConditionState.Holds).ToList();
        var text = held.Count == 0 ? string.Empty : "The node's settings meet the trigger: " + string.Join("; ", held.Select(o => o.Explanation)) + ".";
        if (open.Count > 0)
        {
            if (text.Length > 0) text += " ";
            text += "It is not affected if any of these holds: " + string.Join(" ", open.Select(o => o.Condition.ClearedBy));
        }

        return text;
    }
}
