namespace EksAdvisories.Ipamd;

/// <summary>The facts behind a verdict, for the report layer to word.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Cause">Why.</param>
/// <param name="Behavior">The node's behaviour, or null when its version does not decide it (every behaviour was judged).</param>
/// <param name="Current">The outcome from the current datastore, or null when the model did not run.</param>
/// <param name="Restart">The outcome after a restart now, or null.</param>
/// <param name="Gaps">Gaps left at the end and what this IPAMD does about each.</param>
/// <param name="Disagreement">Each behaviour's verdict when they disagree; empty otherwise.</param>
internal sealed record VerdictBasis(
    ReconcileVerdict Verdict, VerdictCause Cause, IpamdBehavior? Behavior, BehaviorOutcome? Current, BehaviorOutcome? Restart,
    IReadOnlyList<Gap> Gaps, IReadOnlyList<(IpamdBehavior Behavior, ReconcileVerdict Verdict)> Disagreement);
