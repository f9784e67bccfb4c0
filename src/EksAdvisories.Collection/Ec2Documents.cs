using System.Text.Json.Serialization;

namespace EksAdvisories.Collection;

// The JSON the AWS CLI prints for describe-network-interfaces and describe-instance-types (`--output json`): the EC2
// member names in PascalCase, absent members left out, timestamps as EC2 sends them. The readers in the core library
// read this shape; Ec2DocumentMapper fills it from the SDK's response objects.

internal sealed record NetworkInterfacesDocument(IReadOnlyList<NetworkInterfaceDocument> NetworkInterfaces);

internal sealed record NetworkInterfaceDocument
{
    public NetworkInterfaceAssociationDocument? Association { get; init; }

    public AttachmentDocument? Attachment { get; init; }

    public string? AvailabilityZone { get; init; }

    public string? AvailabilityZoneId { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<GroupDocument>? Groups { get; init; }

    public string? InterfaceType { get; init; }

    public IReadOnlyList<Ipv6AddressDocument>? Ipv6Addresses { get; init; }

    public string? MacAddress { get; init; }

    public string? NetworkInterfaceId { get; init; }

    public string? OutpostArn { get; init; }

    public string? OwnerId { get; init; }

    public string? PrivateDnsName { get; init; }

    public string? PublicDnsName { get; init; }

    public string? PrivateIpAddress { get; init; }

    public IReadOnlyList<PrivateIpAddressDocument>? PrivateIpAddresses { get; init; }

    public IReadOnlyList<Ipv4PrefixDocument>? Ipv4Prefixes { get; init; }

    public IReadOnlyList<Ipv6PrefixDocument>? Ipv6Prefixes { get; init; }

    public string? RequesterId { get; init; }

    public bool? RequesterManaged { get; init; }

    public bool? SourceDestCheck { get; init; }

    public string? Status { get; init; }

    public string? SubnetId { get; init; }

    public IReadOnlyList<TagDocument>? TagSet { get; init; }

    public string? VpcId { get; init; }

    public bool? DenyAllIgwTraffic { get; init; }

    public bool? Ipv6Native { get; init; }

    public string? Ipv6Address { get; init; }
}

internal sealed record AttachmentDocument
{
    public string? AttachTime { get; init; }

    public string? AttachmentId { get; init; }

    public bool? DeleteOnTermination { get; init; }

    public int? DeviceIndex { get; init; }

    public int? NetworkCardIndex { get; init; }

    public string? InstanceId { get; init; }

    public string? InstanceOwnerId { get; init; }

    public string? Status { get; init; }
}

internal sealed record NetworkInterfaceAssociationDocument
{
    public string? AllocationId { get; init; }

    public string? AssociationId { get; init; }

    public string? IpOwnerId { get; init; }

    public string? PublicDnsName { get; init; }

    public string? PublicIp { get; init; }

    public string? CustomerOwnedIp { get; init; }

    public string? CarrierIp { get; init; }
}

internal sealed record GroupDocument(string? GroupId, string? GroupName);

internal sealed record Ipv6AddressDocument(string? Ipv6Address, bool? IsPrimaryIpv6);

internal sealed record PrivateIpAddressDocument
{
    public NetworkInterfaceAssociationDocument? Association { get; init; }

    public bool? Primary { get; init; }

    public string? PrivateDnsName { get; init; }

    public string? PrivateIpAddress { get; init; }
}

internal sealed record Ipv4PrefixDocument(string? Ipv4Prefix);

internal sealed record Ipv6PrefixDocument(string? Ipv6Prefix);

internal sealed record TagDocument(string? Key, string? Value);

internal sealed record InstanceTypesDocument(IReadOnlyList<InstanceTypeDocument> InstanceTypes);

/// <summary>The instance type's name and its network facts, the part of describe-instance-types the checker reads.</summary>
internal sealed record InstanceTypeDocument
{
    public string? InstanceType { get; init; }

    public bool? CurrentGeneration { get; init; }

    public bool? BareMetal { get; init; }

    public string? Hypervisor { get; init; }

    public NetworkInfoDocument? NetworkInfo { get; init; }
}

internal sealed record NetworkInfoDocument
{
    public string? NetworkPerformance { get; init; }

    public int? MaximumNetworkInterfaces { get; init; }

    public int? MaximumNetworkCards { get; init; }

    public int? DefaultNetworkCardIndex { get; init; }

    public IReadOnlyList<NetworkCardDocument>? NetworkCards { get; init; }

    public int? Ipv4AddressesPerInterface { get; init; }

    public int? Ipv6AddressesPerInterface { get; init; }

    public bool? Ipv6Supported { get; init; }

    public string? EnaSupport { get; init; }

    public bool? EfaSupported { get; init; }

    public bool? EncryptionInTransitSupported { get; init; }

    public bool? EnaSrdSupported { get; init; }
}

internal sealed record NetworkCardDocument
{
    public int? NetworkCardIndex { get; init; }

    public string? NetworkPerformance { get; init; }

    public int? MaximumNetworkInterfaces { get; init; }

    public double? BaselineBandwidthInGbps { get; init; }

    public double? PeakBandwidthInGbps { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NetworkInterfacesDocument))]
[JsonSerializable(typeof(InstanceTypesDocument))]
internal sealed partial class Ec2JsonContext : JsonSerializerContext;
