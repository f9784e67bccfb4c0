namespace EksAdvisories.Ipamd;

/// <summary>Why the checker reached its verdict: the fact the report layer words into the summary.</summary>
internal enum VerdictCause
{
    /// <summary>The three views agree.</summary>
    ViewsAgree,

    /// <summary>An IPv6 node: the IPv4 pool is not used.</summary>
    Ipv6Node,

    /// <summary>The views disagree and the instance type's limits are unknown.</summary>
    LimitsUnknown,

    /// <summary>The CNI version does not decide the behaviour, and the behaviours reach different verdicts.</summary>
    BehavioursDisagree,

    /// <summary>EC2 keeps refusing IPAMD's requests to the end of the horizon on an ENI that still misses addresses, for every ENI order.</summary>
    StuckNow,

    /// <summary>Stuck now if IPAMD keeps asking an ENI without room, not if it asks one with room: depends on Go's map order.</summary>
    StuckNowDependsOnEniChoice,

    /// <summary>Fine now; a restart now (datastore rebuilt from the stale IMDS) gets stuck.</summary>
    StuckAfterRestart,

    /// <summary>Addresses are missing that IPAMD has not needed yet; its next request on that ENI will be refused and swallowed.</summary>
    NextRequestSwallowed,

    /// <summary>The views disagree, but this IPAMD recovers, or leaves only gaps it never asks EC2 about.</summary>
    Recovers,
}
