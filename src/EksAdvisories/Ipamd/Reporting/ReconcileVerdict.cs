namespace EksAdvisories.Ipamd;

/// <summary>The checker's answer for a node, defined by the reference model's predictions.</summary>
public enum ReconcileVerdict
{
    /// <summary>A part needed for the verdict is missing (the per-ENI limit, or the CNI version while the behaviours disagree); the report says which.</summary>
    Unknown = 0,

    /// <summary>The datastore, IMDS and EC2 agree on every ENI's addresses.</summary>
    InSync = 1,

    /// <summary>
    /// The views disagree, but the model predicts this node's IPAMD recovers, now and after a restart, or that nothing is
    /// lost: addresses it has not needed yet are picked up (from EC2) when it does.
    /// </summary>
    Drifted = 2,

    /// <summary>
    /// Not stuck now, but one event away: if aws-node restarted now (datastore rebuilt from the current, stale IMDS) the model
    /// predicts it would get stuck, or the datastore already misses addresses that an affected IPAMD has not needed yet and
    /// will be refused for at its next allocation on that ENI.
    /// </summary>
    AtRisk = 3,

    /// <summary>
    /// The model, run from the current datastore with this node's IPAMD behaviour, predicts addresses missing from the
    /// datastore with no recovery over the horizon while EC2 keeps refusing IPAMD's requests (PrivateIpAddressLimitExceeded).
    /// </summary>
    Stuck = 4,

    /// <summary>
    /// The regression cannot happen on this node: it runs IPAMD in IPv6 mode, where the IPv4 warm pool is not used at all
    /// (ipamd.go v1.12.2:640-644, <c>StartNodeIPPoolManager</c> returns at once). Nothing is wrong; the exit code is 0.
    /// </summary>
    NotApplicable = 5,
}
