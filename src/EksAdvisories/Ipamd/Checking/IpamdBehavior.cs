namespace EksAdvisories.Ipamd;

/// <summary>The three ways IPAMD releases handle an <c>AssignPrivateIpAddresses</c> refusal, which decide whether a node recovers from a stale datastore.</summary>
public enum IpamdBehavior
{
    /// <summary>v1.11.3 and older: after every allocation IPAMD asks EC2 for the ENI's addresses and adds the ones it lacks.</summary>
    PreRegression = 0,

    /// <summary>
    /// v1.11.4-rc1 through v1.12.2, and v1.11.5: a <c>PrivateIpAddressLimitExceeded</c> refusal is swallowed and reported as
    /// "pool increased", so nothing is added, no ENI is attached, and the 60 s reconcile is postponed.
    /// </summary>
    Affected = 1,

    /// <summary>v1.12.5 and later: on the refusal IPAMD asks EC2 for the ENI's addresses and adds every one it lacks.</summary>
    Fixed = 2,
}
