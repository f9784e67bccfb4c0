using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>Words the checker's verdict basis as the report's summary; the checker itself decides on facts only.</summary>
internal static class VerdictWording
{
    public static string Summarize(VerdictBasis basis, NodeSnapshot snapshot)
    {
        var who = basis.Behavior is { } known ? $"this node's IPAMD ({known})" : "every IPAMD behaviour";
        var current = basis.Current;
        var restart = basis.Restart;
        var choice = current?.DependsOnEniChoice == true || restart?.DependsOnEniChoice == true
            ? " Which ENI IPAMD asks is Go's map order: the verdict is the one for the worst order, and the report says where a better order ends otherwise."
            : string.Empty;
        return basis.Cause switch
        {
            VerdictCause.ViewsAgree => "The datastore, IMDS and EC2 agree on every managed ENI's addresses; a restart would rebuild the same datastore.",
            VerdictCause.Ipv6Node => "This node runs IPAMD in IPv6 mode: the IPv4 warm pool, whose reconcile this advisory is about, is not used (StartNodeIPPoolManager returns at once, ipamd.go v1.12.2:640-644), so the failure cannot happen here.",
            VerdictCause.LimitsUnknown =>
                $"The views disagree (see the findings), but the instance type's per-ENI IPv4 limit and ENI limit are unknown ({SnapshotFileNames.InstanceType} is missing{(snapshot.InstanceType is { } t ? " for " + t : string.Empty)}), so the model cannot predict whether EC2 refuses IPAMD's requests.",
            VerdictCause.BehavioursDisagree =>
                "The CNI version does not decide the IPAMD behaviour, and the behaviours disagree: "
                + string.Join(", ", basis.Disagreement.Select(v => $"{v.Behavior} → {v.Verdict}"))
                + ". Give the CNI version (cni-version.txt, the aws-node DaemonSet, or CniVersionOverride).",
            VerdictCause.StuckNow => $"The model predicts {who} stays stuck, whichever ENI it asks: {current!.Summary}",
            VerdictCause.StuckNowDependsOnEniChoice =>
                $"Not stuck for certain: {who} gets stuck if it keeps asking an ENI without room at EC2, but another ENI with room would satisfy the pool, and Go's map order decides which it asks. Worst order: {current!.Summary}",
            VerdictCause.StuckAfterRestart => $"Not stuck now, but the model predicts {who} gets stuck if aws-node restarts now (IMDS is stale): {restart!.Summary}{choice}",
            VerdictCause.NextRequestSwallowed =>
                $"Not stuck yet: {Count(basis.Gaps, GapKind.RefusalSwallowed)} address(es) EC2 has are missing from the datastore that IPAMD has not needed yet; the next time it does, {who} asks EC2 for more than the ENI has room for, is refused with PrivateIpAddressLimitExceeded and swallows the refusal. {GapText(basis.Gaps)}",
            _ => $"The views disagree, but nothing is lost to {who} through this regression: {(basis.Gaps.Count == 0 ? "it recovers" : GapText(basis.Gaps))} Now: {current?.Summary} After a restart: {restart?.Summary}{choice}",
        };
    }

    private static int Count(IReadOnlyList<Gap> gaps, GapKind kind) => gaps.Where(g => g.Kind == kind).Sum(g => g.Missing);

    private static string GapText(IReadOnlyList<Gap> gaps) =>
        string.Join(" ", gaps.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.EniId} ({g.Missing} missing): {Explain(g.Kind)}")));

    private static string Explain(GapKind kind) => kind switch
    {
        GapKind.UnknownToImds => "IMDS does not list this ENI, and nodeInit and the reconcile read only IMDS, so no version ever adds it; it is never picked up.",
        GapKind.PrimaryUnderCustomNetworking => "the primary ENI under custom networking: GetENINeedsIP skips it, so no request is ever made for it and pods do not use it.",
        GapKind.TrunkSkipped => "the trunk ENI: from v1.16.4 GetENINeedsIP skips it, so no request is ever made for it.",
        GapKind.NoRequestInPrefixMode => "prefix mode with WARM_PREFIX_TARGET=0 and no IP target: through v1.16.2 increaseDatastorePool returns before any request, so nothing is asked, refused or recovered.",
        GapKind.FullInDatastore => "the datastore counts this ENI full (it holds addresses EC2 no longer has), so IPAMD never asks EC2 about it.",
        GapKind.RefusalSwallowed => "the next request on it will be refused and swallowed.",
        GapKind.RefusalRecovered => "the next request on it will be refused, and this IPAMD then reads the ENI from EC2 and adds them.",
        _ => "the next request on it fits at EC2; the datastore's count then differs from IMDS's, and the reconcile reads EC2 and adds them.",
    };
}
