namespace EksAdvisories.Ipamd;

/// <summary>One ENI as IMDS describes it: its primary IP (first of <c>local-ipv4s</c>), the secondaries after it, and its prefixes.</summary>
internal sealed record ImdsInterface(string Mac, string InterfaceId, int DeviceNumber, uint PrimaryIp, IReadOnlyList<Ipv4Cidr> SecondaryIps, IReadOnlyList<Ipv4Cidr> Prefixes);
