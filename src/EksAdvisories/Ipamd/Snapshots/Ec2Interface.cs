namespace EksAdvisories.Ipamd;

/// <summary>
/// One ENI as EC2 reports it (describe-network-interfaces): the truth the datastore and IMDS are compared with.
/// <see cref="PrimaryIp"/> is null for an <c>efa-only</c> interface, which has no IPv4 address at all.
/// </summary>
internal sealed record Ec2Interface(
    string Id, string Mac, string? InterfaceType, int? DeviceIndex, int NetworkCardIndex, string? InstanceId, uint? PrimaryIp,
    IReadOnlyList<Ipv4Cidr> SecondaryIps, IReadOnlyList<Ipv4Cidr> Prefixes, string? NoManageTag, string? InstanceIdTag)
{
    /// <summary>ipamd.go v1.12.2 setUnmanagedENIs 267-296: only the exact text "true" marks an ENI unmanaged.</summary>
    public bool TaggedNoManage => NoManageTag == "true";

    public bool IsTrunk => InterfaceType == "trunk";

    /// <summary>awsutils.go v1.23.0:757-776: an efa-only interface has no IPv4 address; it is never IPAMD's to fill.</summary>
    public bool IsEfaOnly => InterfaceType == "efa-only";
}
