namespace EksAdvisories.Ipamd;

/// <summary>
/// The stable codes of the checker's findings, documented in one place. Codes are never reused for another meaning;
/// new findings get new codes.
/// </summary>
public static class FindingCodes
{
    /// <summary>IPAMD001: the datastore lacks secondary IPs (or prefixes) that EC2 has on the ENI; pods cannot get them.</summary>
    public const string DatastoreMissingAddresses = "IPAMD001";

    /// <summary>IPAMD002: IMDS is stale: its list of the ENI's addresses differs from EC2's; a restart rebuilds the datastore from it.</summary>
    public const string ImdsStale = "IPAMD002";

    /// <summary>IPAMD003: EC2 would refuse IPAMD's next allocation on the ENI with PrivateIpAddressLimitExceeded (1 + EC2's addresses + the request exceed the limit).</summary>
    public const string Ec2WouldRefuse = "IPAMD003";

    /// <summary>IPAMD004: one of the advisory's log signatures occurs in ipamd.log.</summary>
    public const string LogSignatureSeen = "IPAMD004";

    /// <summary>IPAMD005: the datastore holds addresses EC2 no longer has on the ENI; handing them to pods would break their networking.</summary>
    public const string DatastoreExtraAddresses = "IPAMD005";

    /// <summary>IPAMD006: the views disagree on which ENIs are attached (an ENI at EC2 missing from the datastore or IMDS, or the other way round).</summary>
    public const string EniMismatch = "IPAMD006";

    /// <summary>IPAMD007: the node's CNI version is inside the advisory's affected range.</summary>
    public const string AffectedVersion = "IPAMD007";

    /// <summary>IPAMD008: a snapshot file lists the same ENI or address twice with the same contents; it was counted once.</summary>
    public const string DuplicateInSnapshot = "IPAMD008";

    /// <summary>IPAMD009: an ENI IPAMD leaves alone (no_manage tag, another network card, efa-only); it is not compared.</summary>
    public const string UnmanagedEni = "IPAMD009";

    /// <summary>IPAMD010: the shape of enis.json does not match the CNI version (flat before v1.20.0, per network card from it): the version given may not be the one running.</summary>
    public const string VersionShapeMismatch = "IPAMD010";
}
