namespace EksAdvisories.Ipamd;

/// <summary>Whether, and how, this node's IPAMD code will ever read EC2 for an ENI whose addresses the datastore lacks.</summary>
internal enum GapKind
{
    /// <summary>EC2 has the ENI attached but IMDS does not list it: nodeInit and the reconcile read only IMDS (awsutils.go v1.12.2 GetAttachedENIs 596-616), so no version ever adds it.</summary>
    UnknownToImds,

    /// <summary>The primary ENI under custom networking: GetENINeedsIP skips it (data_store.go v1.12.2:1093), so no request is ever made for it; pods do not use it.</summary>
    PrimaryUnderCustomNetworking,

    /// <summary>The trunk ENI from v1.16.4: GetENINeedsIP skips it.</summary>
    TrunkSkipped,

    /// <summary>Prefix mode, WARM_PREFIX_TARGET=0 and no IP target, through v1.16.2: increaseDatastorePool returns before any request, so nothing is asked, refused or recovered.</summary>
    NoRequestInPrefixMode,

    /// <summary>The datastore counts the ENI full (it holds addresses EC2 no longer has), so GetENINeedsIP never picks it.</summary>
    FullInDatastore,

    /// <summary>IPAMD's next request on the ENI would be refused, and this code swallows the refusal: it will be stuck then.</summary>
    RefusalSwallowed,

    /// <summary>IPAMD's next request on the ENI would be refused, and this code reads the ENI from EC2 then: recovered at that moment.</summary>
    RefusalRecovered,

    /// <summary>IPAMD's next request on the ENI fits at EC2; the datastore's count then differs from IMDS's and the reconcile reads EC2.</summary>
    GrantThenReconcile,
}
