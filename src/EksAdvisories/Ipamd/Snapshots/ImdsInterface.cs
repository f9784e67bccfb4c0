namespace EksAdvisories.Ipamd;

/// <summary>
/// One ENI as IMDS describes it: its primary IP (first of <c>local-ipv4s</c>), the secondaries after it, and its prefixes.
/// <see cref="PrimaryIp"/> is null when IMDS has no <c>local-ipv4s</c> for it (an <c>efa-only</c> interface: IMDS answers
/// 404, awsutils.go v1.23.0:757-776).
/// </summary>
internal sealed record ImdsInterface(
    string Mac, string InterfaceId, int DeviceNumber, int? NetworkCard, uint? PrimaryIp, IReadOnlyList<Ipv4Cidr> SecondaryIps, IReadOnlyList<Ipv4Cidr> Prefixes);
