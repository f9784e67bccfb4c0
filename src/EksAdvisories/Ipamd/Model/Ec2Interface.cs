namespace EksAdvisories.Ipamd;

/// <summary>One ENI as EC2 reports it (describe-network-interfaces): the truth the datastore and IMDS are compared with.</summary>
internal sealed record Ec2Interface(
    string Id, string Mac, string? InterfaceType, int? DeviceIndex, string? InstanceId, uint PrimaryIp,
    IReadOnlyList<Ipv4Cidr> SecondaryIps, IReadOnlyList<Ipv4Cidr> Prefixes);
