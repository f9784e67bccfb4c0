using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// The reference IPAMD reconcile checker: compares a node's datastore, IMDS and EC2, runs the reference model of each IPAMD
/// behaviour from the current datastore and from a restart now, and turns the predictions for the node's behaviour into a
/// <see cref="ReconcileVerdict"/>. Deterministic: the same snapshot and options always give the same report.
/// </summary>
public static class IpamdReconcileChecker
{
    /// <summary>Checks a snapshot with the default options (10 minute horizon, the snapshot's CNI version).</summary>
    /// <param name="snapshot">The node snapshot.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static ReconcileReport Check(NodeSnapshot snapshot) => Check(snapshot, ReconcileCheckOptions.Default);

    /// <summary>Checks a snapshot.</summary>
    /// <param name="snapshot">The node snapshot.</param>
    /// <param name="options">The horizon, a CNI version override and the cluster's Kubernetes version.</param>
    /// <returns>The report; never throws for bad version text in the options (the version is then unknown, with the reason in the report).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="options"/> is null.</exception>
    public static ReconcileReport Check(NodeSnapshot snapshot, ReconcileCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var missingParts = snapshot.MissingParts.ToList();
        var assumptions = snapshot.Settings.Assumptions.ToList();

        var (version, versionSource, versionProblem) = options.CniVersionOverride is { } overrideText
            ? ComponentVersion.TryParse(overrideText, out var parsed, out var error)
                ? (parsed, "the options (CniVersionOverride)", null)
                : ((ComponentVersion?)null, (string?)null, $"the CNI version override '{overrideText}' is not a version: {error}")
            : (snapshot.CniVersion, snapshot.CniVersionSource, snapshot.CniVersionProblem);
        IpamdBehavior? behavior = null;
        string behaviorReason;
        if (version is null)
        {
            behaviorReason = "the CNI version is unknown" + (versionProblem is null ? string.Empty : " (" + versionProblem + ")") + ", so all three behaviours were modelled";
        }
        else
        {
            behavior = IpamdBehaviors.ForVersion(version, out behaviorReason);
            if (behavior is null) behaviorReason += ", so all three behaviours were modelled";
        }

        var advisory = version is null ? null : AdvisoryCatalog.Default.Get(NodeSnapshot.AdvisoryId).Evaluate(version.Original, options.KubernetesVersion);

        var findings = new List<ReconcileFinding>();
        foreach (var notice in snapshot.Notices)
        {
            findings.Add(new ReconcileFinding(FindingCodes.DuplicateInSnapshot, FindingSeverity.Info, notice.EniId, [],
                $"{notice.FileName} lists {notice.Subject} again at {notice.JsonPath} with the same contents; it is counted once."));
        }

        if (snapshot.IsIpv6)
        {
            return new ReconcileReport(ReconcileVerdict.NotApplicable,
                "This node runs IPAMD in IPv6 mode: the IPv4 warm pool, whose reconcile this advisory is about, is not used (StartNodeIPPoolManager returns at once, ipamd.go v1.12.2:640-644), so the failure cannot happen here.",
                version?.ToString(), versionSource, behavior, behaviorReason, advisory, snapshot.InstanceType, snapshot.Ipv4AddressesPerInterface,
                snapshot.MaximumNetworkInterfaces, snapshot.Settings, options.Horizon, findings, [], [], assumptions, missingParts);
        }

        var inSync = NodeComparison.Compare(snapshot, findings);
        var input = ModelInput.FromSnapshot(snapshot);
        if (input is not null) NodeComparison.CheckNextAllocation(snapshot, input, findings);
        foreach (var match in snapshot.LogMatches)
        {
            findings.Add(new ReconcileFinding(FindingCodes.LogSignatureSeen, FindingSeverity.Warning, null, [],
                string.Create(CultureInfo.InvariantCulture, $"ipamd.log: '{match.Text}' on {match.Count} line(s) (first at line {match.FirstLine}): {match.Meaning} Example: {match.Example}")));
        }

        if (advisory is { Status: AffectedStatus.Affected })
        {
            findings.Add(new ReconcileFinding(FindingCodes.AffectedVersion, FindingSeverity.Warning, null, [], advisory.Reason));
        }

        var outcomes = new List<BehaviorOutcome>();
        var restartOutcomes = new List<BehaviorOutcome>();
        if (input is not null)
        {
            foreach (var b in IpamdBehaviors.All)
            {
                outcomes.Add(IpamdModel.Run(input, b, SimulationStart.CurrentDatastore, options.Horizon));
                restartOutcomes.Add(IpamdModel.Run(input, b, SimulationStart.RestartFromImds, options.Horizon));
            }
        }

        var (verdict, summary) = Decide(inSync, behavior, outcomes, restartOutcomes, snapshot);
        var ordered = findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        return new ReconcileReport(verdict, summary, version?.ToString(), versionSource, behavior, behaviorReason, advisory,
            snapshot.InstanceType, snapshot.Ipv4AddressesPerInterface, snapshot.MaximumNetworkInterfaces, snapshot.Settings, options.Horizon,
            ordered, outcomes, restartOutcomes, assumptions, missingParts);
    }

    private static (ReconcileVerdict Verdict, string Summary) Decide(
        bool inSync, IpamdBehavior? behavior, List<BehaviorOutcome> outcomes, List<BehaviorOutcome> restartOutcomes, NodeSnapshot snapshot)
    {
        if (inSync) return (ReconcileVerdict.InSync, "The datastore, IMDS and EC2 agree on every ENI's addresses; a restart would rebuild the same datastore.");
        if (outcomes.Count == 0)
        {
            return (ReconcileVerdict.Unknown,
                $"The views disagree (see the findings), but the instance type's per-ENI IPv4 limit and ENI limit are unknown ({SnapshotFiles.InstanceType} is missing{(snapshot.InstanceType is { } t ? " for " + t : string.Empty)}), so the model cannot predict whether EC2 refuses IPAMD's requests.");
        }

        var judged = behavior is { } b ? [b] : IpamdBehaviors.All;
        var verdicts = judged.Select(x => (Behavior: x, Judgement: Judge(x, outcomes.Single(o => o.Behavior == x), restartOutcomes.Single(o => o.Behavior == x)))).ToList();
        if (verdicts.Select(v => v.Judgement.Verdict).Distinct().Count() > 1)
        {
            return (ReconcileVerdict.Unknown,
                "The CNI version does not decide the IPAMD behaviour, and the behaviours disagree: "
                + string.Join(", ", verdicts.Select(v => $"{v.Behavior} → {v.Judgement.Verdict}"))
                + ". Give the CNI version (cni-version.txt, the aws-node DaemonSet, or CniVersionOverride).");
        }

        var (verdict, latent) = verdicts[0].Judgement;
        var who = behavior is { } known ? $"this node's IPAMD ({known})" : "every IPAMD behaviour";
        var outcome = outcomes.First(o => o.Behavior == verdicts[0].Behavior);
        var restart = restartOutcomes.First(o => o.Behavior == verdicts[0].Behavior);
        var gap = outcome.Recovers ? restart : outcome;
        return verdict switch
        {
            ReconcileVerdict.Stuck => (verdict, $"The model predicts {who} stays stuck: {outcome.Summary}"),
            ReconcileVerdict.AtRisk when latent => (verdict,
                $"Not stuck yet: {gap.MissingAtEnd.Count} address(es) EC2 has stay missing from the datastore{(outcome.Recovers ? " after an aws-node restart now" : string.Empty)}, but IPAMD has not needed more addresses over the horizon; the next time it does, {who} asks EC2 for addresses the ENI has no room for, is refused with PrivateIpAddressLimitExceeded and swallows the refusal: {gap.Summary}"),
            ReconcileVerdict.AtRisk => (verdict, $"Not stuck now, but the model predicts {who} gets stuck if aws-node restarts now (IMDS is stale): {restart.Summary}"),
            _ when latent => (verdict,
                $"The views disagree and {gap.MissingAtEnd.Count} address(es) EC2 has stay unused while IPAMD needs no more, but {who} reads the ENI from EC2 when an allocation is refused (or after each one), so it recovers them when it needs them. Now: {outcome.Summary} After a restart: {restart.Summary}"),
            _ => (verdict, $"The views disagree, but the model predicts {who} recovers. Now: {outcome.Summary} After a restart: {restart.Summary}"),
        };
    }

    /// <summary>
    /// Stuck beats at-risk beats drifted: what happens now matters more than what a restart would do. Stuck needs EC2 to
    /// refuse IPAMD: addresses missing while the pool is never low (IPAMD asks EC2 for nothing over the horizon) block no
    /// pod yet, and what happens when IPAMD next needs addresses depends on the behaviour (<see cref="LatentGap"/>).
    /// </summary>
    private static (ReconcileVerdict Verdict, bool Latent) Judge(IpamdBehavior behavior, BehaviorOutcome current, BehaviorOutcome restart)
    {
        if (!current.Recovers) return current.AssignPrivateIpAddressesRefused > 0 ? (ReconcileVerdict.Stuck, false) : (LatentGap(behavior), true);
        if (!restart.Recovers) return restart.AssignPrivateIpAddressesRefused > 0 ? (ReconcileVerdict.AtRisk, false) : (LatentGap(behavior), true);
        return (ReconcileVerdict.Drifted, false);
    }

    // ipamd.go tryAssignIPs / tryAssignPrefixes: the affected code swallows the PrivateIpAddressLimitExceeded of its next
    // allocation on that ENI and gets stuck; the fixed code (DescribeNetworkInterfaces on the refusal) and the
    // pre-regression code (GetIPv4sFromEC2 after each allocation) pick the missing addresses up at that moment.
    private static ReconcileVerdict LatentGap(IpamdBehavior behavior) =>
        behavior == IpamdBehavior.Affected ? ReconcileVerdict.AtRisk : ReconcileVerdict.Drifted;
}
