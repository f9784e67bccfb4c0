using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// The reference IPAMD reconcile checker: compares a node's datastore, IMDS and EC2, runs the reference model of the node's
/// IPAMD behaviour (derived from the advisory's range data) from the current datastore and from a restart now, with the
/// best and the worst ENI choice Go's map order allows, and turns the predictions into a <see cref="ReconcileVerdict"/>.
/// Deterministic: the same snapshot and options always give the same report.
/// </summary>
public static class IpamdReconcileChecker
{
    /// <summary>Checks a snapshot with the default options (the embedded advisory, 10 minute horizon, the snapshot's CNI version).</summary>
    /// <param name="snapshot">The node snapshot.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static ReconcileReport Check(NodeSnapshot snapshot) => Check(snapshot, ReconcileCheckOptions.Default);

    /// <summary>Checks a snapshot.</summary>
    /// <param name="snapshot">The node snapshot.</param>
    /// <param name="options">The advisory, the horizon, a CNI version override and the cluster's Kubernetes version.</param>
    /// <returns>The report; never throws for bad version text in the options (the version is then unknown, with the reason in the report).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="options"/> is null.</exception>
    public static ReconcileReport Check(NodeSnapshot snapshot, ReconcileCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var advisory = options.Advisory;
        // The snapshot's missing parts are copied only if the check adds one (an unreadable log); most nodes add nothing.
        List<string>? missingParts = null;
        var assumptions = new List<string>(snapshot.Settings.Assumptions.Count + 3);
        assumptions.AddRange(snapshot.Settings.Assumptions);

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
            behavior = AdvisoryBehaviors.ForVersion(advisory, version, out behaviorReason);
            if (behavior is null) behaviorReason += "; so all three behaviours were modelled";
        }

        var advisoryVerdict = version is null ? null : advisory.Evaluate(version.Original, options.KubernetesVersion);
        var mechanics = UpstreamMechanics.For(version, assumptions);
        var findings = new List<ReconcileFinding>();
        foreach (var notice in snapshot.Notices)
        {
            findings.Add(new ReconcileFinding(FindingCodes.DuplicateInSnapshot, FindingSeverity.Info, notice.EniId, [],
                $"{notice.FileName} lists {notice.Subject} again at {notice.JsonPath} with the same contents; it is counted once."));
        }

        if (version is not null && !version.IsPartial && UpstreamMechanics.EnisByNetworkCard.In(version) != (snapshot.EnisShape == EnisShape.ByNetworkCard))
        {
            findings.Add(new ReconcileFinding(FindingCodes.VersionShapeMismatch, FindingSeverity.Warning, null, [],
                $"{SnapshotFileNames.Enis} has the {(snapshot.EnisShape == EnisShape.Flat ? "flat shape of v1.9 - v1.19" : "per-network-card shape of v1.20.0 and later")}, but the CNI version is v{version.UpstreamRelease} ({UpstreamMechanics.EnisByNetworkCard.Evidence}): the version given may not be the one running."));
        }

        IReadOnlyList<LogSignatureMatch> logMatches = [];
        if (snapshot.OpenLog is { } openLog)
        {
            try
            {
                using var log = openLog();
                logMatches = IpamdLogScanner.Scan(log, advisory.Detection.LogSignatures);
            }
            catch (SnapshotException e)
            {
                (missingParts ??= [.. snapshot.MissingParts]).Add($"{SnapshotFileNames.IpamdLog}: {e.Message}");
            }
        }
        foreach (var match in logMatches)
        {
            findings.Add(new ReconcileFinding(FindingCodes.LogSignatureSeen, FindingSeverity.Warning, null, [],
                string.Create(CultureInfo.InvariantCulture, $"ipamd.log: '{match.Text}' on {match.Count} line(s) (first at line {match.FirstLine}): {match.Meaning} Example: {match.Example}")));
        }

        if (advisoryVerdict is { Status: AffectedStatus.Affected })
        {
            findings.Add(new ReconcileFinding(FindingCodes.AffectedVersion, FindingSeverity.Warning, null, [], advisoryVerdict.Reason));
        }

        var outcomes = new List<BehaviorOutcome>();
        var restartOutcomes = new List<BehaviorOutcome>();
        VerdictBasis basis;
        if (snapshot.IsIpv6)
        {
            basis = new VerdictBasis(ReconcileVerdict.NotApplicable, VerdictCause.Ipv6Node, behavior, null, null, [], []);
        }
        else
        {
            var inSync = NodeComparison.Compare(snapshot, findings);

            // When the views agree, no request can be refused (the datastore's room is EC2's) and nothing is missing, so
            // the model has nothing to predict.
            var input = inSync ? null : ModelInput.FromSnapshot(snapshot, mechanics);
            if (input is not null) NodeComparison.CheckNextAllocation(snapshot, input, findings);
            if (!inSync) assumptions.Add("IMDS keeps the snapshot's view of the ENIs it lists for the whole horizon: it learns neither the addresses it lacks nor those IPAMD adds (upstream recovers either way once the reconcile sees IMDS and the datastore differ); an ENI IPAMD attaches appears in IMDS with its addresses.");
            if (!inSync) assumptions.Add("The running IPAMD's last pool action is taken as just before the snapshot (its 60 s reconcile first runs after 65 s); a restart reconciles on its first tick unless nodeInit's request succeeded.");
            if (inSync)
            {
                basis = new VerdictBasis(ReconcileVerdict.InSync, VerdictCause.ViewsAgree, behavior, null, null, [], []);
            }
            else if (input is null)
            {
                basis = new VerdictBasis(ReconcileVerdict.Unknown, VerdictCause.LimitsUnknown, behavior, null, null, [], []);
            }
            else
            {
                // Every behaviour is modelled, so the report also answers "would a fixed IPAMD recover?"; the verdict is the
                // node's own behaviour's, or, when its version does not decide it, the one all three agree on.
                // The affected behaviour is judged first: the others reuse its runs where they cannot differ (see RunBoth).
                var affectedRuns = new AffectedRuns();
                var affected = Judge(input, IpamdBehavior.Affected, options.Horizon, affectedRuns);
                var judgements = new List<VerdictBasis>();
                foreach (var each in AdvisoryBehaviors.All)
                {
                    var judgement = each == IpamdBehavior.Affected ? affected : Judge(input, each, options.Horizon, affectedRuns);
                    outcomes.Add(judgement.Current!);
                    restartOutcomes.Add(judgement.Restart!);
                    if (behavior is null || behavior == each) judgements.Add(judgement);
                }

                basis = judgements.Select(j => j.Verdict).Distinct().Count() > 1
                    ? new VerdictBasis(ReconcileVerdict.Unknown, VerdictCause.BehavioursDisagree, null, null, null, [], judgements.Select(j => (j.Behavior!.Value, j.Verdict)).ToList())
                    : judgements[0] with { Behavior = behavior };
            }
        }

        SortFindings(findings);
        return new ReconcileReport(basis.Verdict, () => VerdictWording.Summarize(basis, snapshot), version?.ToString(), versionSource, behavior, behaviorReason, advisoryVerdict,
            snapshot.InstanceType, snapshot.Ipv4AddressesPerInterface, snapshot.MaximumNetworkInterfaces, snapshot.Settings, options.Horizon,
            findings, outcomes, restartOutcomes, assumptions, missingParts ?? (IList<string>)snapshot.MissingParts, logMatches, basis.Current?.DependsOnEniChoice == true || basis.Restart?.DependsOnEniChoice == true || basis.Cause == VerdictCause.StuckNowDependsOnEniChoice);
    }

    /// <summary>
    /// Most severe first, then by code, keeping the order of equal findings (a stable insertion sort: a node has a handful
    /// of findings, and this allocates nothing).
    /// </summary>
    private static void SortFindings(List<ReconcileFinding> findings)
    {
        if (findings.Count > 32)
        {
            // A node with many ENIs can have many findings: a stable sort that stays O(n log n).
            var sorted = findings.OrderBy(f => f, Comparer<ReconcileFinding>.Create(Compare)).ToList();
            findings.Clear();
            findings.AddRange(sorted);
            return;
        }

        for (var i = 1; i < findings.Count; i++)
        {
            var item = findings[i];
            var j = i - 1;
            while (j >= 0 && Compare(findings[j], item) > 0)
            {
                findings[j + 1] = findings[j];
                j--;
            }

            findings[j + 1] = item;
        }

        static int Compare(ReconcileFinding a, ReconcileFinding b)
        {
            var c = b.Severity.CompareTo(a.Severity);
            return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
        }
    }

    /// <summary>
    /// The verdict for one behaviour. Stuck needs EC2 refusing to the end of the horizon on an ENI that still misses
    /// addresses, whichever ENI IPAMD picks; if only the worst choice is stuck, the node is at risk and the report says it
    /// depends on the ENI choice. A restart now that gets stuck makes the node at risk. Otherwise each gap left is judged by
    /// what this code does about it (<see cref="GapClassifier"/>): a next request that will be refused and swallowed makes
    /// the node at risk; anything else is drift.
    /// </summary>
    private static VerdictBasis Judge(ModelInput input, IpamdBehavior behavior, TimeSpan horizon, AffectedRuns affectedRuns)
    {
        var (current, currentBest) = RunBoth(input, behavior, SimulationStart.CurrentDatastore, horizon, affectedRuns);
        var (restart, restartBest) = RunBoth(input, behavior, SimulationStart.RestartFromImds, horizon, affectedRuns);
        var currentOutcome = new BehaviorOutcome(current, currentBest, () => OutcomeWording.Summarize(current, currentBest));
        var restartOutcome = new BehaviorOutcome(restart, restartBest, () => OutcomeWording.Summarize(restart, restartBest));
        VerdictBasis Basis(ReconcileVerdict verdict, VerdictCause cause, IReadOnlyList<Gap> gaps) =>
            new(verdict, cause, behavior, currentOutcome, restartOutcome, gaps, []);

        if (current.RefusedToTheEnd.Count > 0)
        {
            return (currentBest ?? current).RefusedToTheEnd.Count > 0
                ? Basis(ReconcileVerdict.Stuck, VerdictCause.StuckNow, [])
                : Basis(ReconcileVerdict.AtRisk, VerdictCause.StuckNowDependsOnEniChoice, []);
        }

        if (restart.RefusedToTheEnd.Count > 0) return Basis(ReconcileVerdict.AtRisk, VerdictCause.StuckAfterRestart, []);
        var gaps = GapClassifier.Classify(current, input, behavior, SimulationStart.CurrentDatastore);
        if (gaps.Count == 0) gaps = GapClassifier.Classify(restart, input, behavior, SimulationStart.RestartFromImds);
        return gaps.Exists(g => g.Kind == GapKind.RefusalSwallowed)
            ? Basis(ReconcileVerdict.AtRisk, VerdictCause.NextRequestSwallowed, gaps)
            : Basis(ReconcileVerdict.Drifted, VerdictCause.Recovers, gaps);
    }

    /// <summary>
    /// The worst-choice run, and the best-choice run only when the choice made a difference at some request. The model
    /// consults the behaviour only at an AssignPrivateIpAddresses call: the fixed code differs from the affected code
    /// only once EC2 refuses one (ipamd.go v1.12.2 tryAssignIPs 944-947 against v1.12.5 955-963), and the pre-regression
    /// code also after a grant (its GetIPv4sFromEC2 after the allocation, ipamd.go v1.11.3:946). So an affected run without
    /// a refusal is the fixed run as well, an affected run without any call is every behaviour's run, and neither is run
    /// again. A worst-choice run without a refusal never had a choice that mattered, so it has no best-choice run either.
    /// </summary>
    private static (ModelRun Worst, ModelRun? Best) RunBoth(ModelInput input, IpamdBehavior behavior, SimulationStart start, TimeSpan horizon, AffectedRuns affectedRuns)
    {
        if (affectedRuns.SameFor(behavior, start) is { } same) return (same with { Behavior = behavior }, null);
        var worst = IpamdModel.Run(input, behavior, start, horizon, EniChoice.Worst);
        if (behavior == IpamdBehavior.Affected) affectedRuns.Keep(start, worst);
        return (worst, worst.ChoiceMattered ? IpamdModel.Run(input, behavior, start, horizon, EniChoice.Best) : null);
    }

    /// <summary>The affected behaviour's worst-choice run per start, kept for the fixed behaviour's (see <see cref="RunBoth"/>).</summary>
    private sealed class AffectedRuns
    {
        private ModelRun? _current;
        private ModelRun? _restart;

        /// <summary>The affected run of <paramref name="start"/> when <paramref name="behavior"/>'s run cannot differ from it, else null.</summary>
        public ModelRun? SameFor(IpamdBehavior behavior, SimulationStart start)
        {
            var affected = start == SimulationStart.CurrentDatastore ? _current : _restart;
            if (affected is null || affected.ChoiceMattered) return null;
            return behavior switch
            {
                IpamdBehavior.Fixed when affected.AssignRefused == 0 => affected,
                IpamdBehavior.PreRegression when affected.AssignCalls == 0 => affected,
                _ => null,
            };
        }

        public void Keep(SimulationStart start, ModelRun run)
        {
            if (start == SimulationStart.CurrentDatastore) _current = run;
            else _restart = run;
        }
    }
}
