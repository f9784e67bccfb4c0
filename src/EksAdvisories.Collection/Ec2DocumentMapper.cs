using System.Globalization;
using Amazon.EC2.Model;

namespace EksAdvisories.Collection;

/// <summary>
/// Turns the SDK's response objects into the AWS CLI's JSON shape (<see cref="NetworkInterfacesDocument"/>,
/// <see cref="InstanceTypesDocument"/>): a member the response left out stays out, an empty list stays an empty list,
/// enumerations are their wire text and timestamps are written as EC2 sends them (<c>2023-02-09T17:42:10.000Z</c>).
/// </summary>
/// <remarks>
/// The SDK hands an empty list and a missing one alike as null. EC2 always sends the groups, IPv6 addresses, private
/// addresses and tags of an ENI (the AWS CLI prints <c>[]</c> when they are empty), so those are written as empty
/// lists; the delegated prefixes are sent only when there are some, so they stay out.
/// </remarks>
internal static class Ec2DocumentMapper
{
    public static NetworkInterfacesDocument Map(IEnumerable<NetworkInterface> interfaces) =>
        new(interfaces.Select(Map).ToList());

    public static InstanceTypesDocument Map(IEnumerable<InstanceTypeInfo> types) =>
        new(types.Select(Map).ToList());

    private static NetworkInterfaceDocument Map(NetworkInterface eni) => new()
    {
        Association = Map(eni.Association),
        Attachment = eni.Attachment is { } a ? new AttachmentDocument
        {
            AttachTime = a.AttachTime is { } time ? Timestamp(time) : null,
            AttachmentId = a.AttachmentId,
            DeleteOnTermination = a.DeleteOnTermination,
            DeviceIndex = a.DeviceIndex,
            NetworkCardIndex = a.NetworkCardIndex,
            InstanceId = a.InstanceId,
            InstanceOwnerId = a.InstanceOwnerId,
            Status = a.Status?.Value,
        } : null,
        AvailabilityZone = eni.AvailabilityZone,
        AvailabilityZoneId = eni.AvailabilityZoneId,
        Description = eni.Description,
        Groups = (eni.Groups ?? []).Select(g => new GroupDocument(g.GroupId, g.GroupName)).ToList(),
        InterfaceType = eni.InterfaceType?.Value,
        Ipv6Addresses = (eni.Ipv6Addresses ?? []).Select(x => new Ipv6AddressDocument(x.Ipv6Address, x.IsPrimaryIpv6)).ToList(),
        MacAddress = eni.MacAddress,
        NetworkInterfaceId = eni.NetworkInterfaceId,
        OutpostArn = eni.OutpostArn,
        OwnerId = eni.OwnerId,
        PrivateDnsName = eni.PrivateDnsName,
        PublicDnsName = eni.PublicDnsName,
        PrivateIpAddress = eni.PrivateIpAddress,
        PrivateIpAddresses = (eni.PrivateIpAddresses ?? []).Select(p => new PrivateIpAddressDocument
        {
            Association = Map(p.Association),
            Primary = p.Primary,
            PrivateDnsName = p.PrivateDnsName,
            PrivateIpAddress = p.PrivateIpAddress,
        }).ToList(),
        Ipv4Prefixes = eni.Ipv4Prefixes?.Select(p => new Ipv4PrefixDocument(p.Ipv4Prefix)).ToList(),
        Ipv6Prefixes = eni.Ipv6Prefixes?.Select(p => new Ipv6PrefixDocument(p.Ipv6Prefix)).ToList(),
        RequesterId = eni.RequesterId,
        RequesterManaged = eni.RequesterManaged,
        SourceDestCheck = eni.SourceDestCheck,
        Status = eni.Status?.Value,
        SubnetId = eni.SubnetId,
        TagSet = (eni.TagSet ?? []).Select(t => new TagDocument(t.Key, t.Value)).ToList(),
        VpcId = eni.VpcId,
        DenyAllIgwTraffic = eni.DenyAllIgwTraffic,
        Ipv6Native = eni.Ipv6Native,
        Ipv6Address = eni.Ipv6Address,
    };

    private static NetworkInterfaceAssociationDocument? Map(NetworkInterfaceAssociation? association) => association is null ? null : new()
    {
        AllocationId = association.AllocationId,
        AssociationId = association.AssociationId,
        IpOwnerId = association.IpOwnerId,
        PublicDnsName = association.PublicDnsName,
        PublicIp = association.PublicIp,
        CustomerOwnedIp = association.CustomerOwnedIp,
        CarrierIp = association.CarrierIp,
    };

    private static InstanceTypeDocument Map(InstanceTypeInfo type) => new()
    {
        InstanceType = type.InstanceType?.Value,
        CurrentGeneration = type.CurrentGeneration,
        BareMetal = type.BareMetal,
        Hypervisor = type.Hypervisor?.Value,
        NetworkInfo = type.NetworkInfo is { } n ? new NetworkInfoDocument
        {
            NetworkPerformance = n.NetworkPerformance,
            MaximumNetworkInterfaces = n.MaximumNetworkInterfaces,
            MaximumNetworkCards = n.MaximumNetworkCards,
            DefaultNetworkCardIndex = n.DefaultNetworkCardIndex,
            NetworkCards = n.NetworkCards?.Select(c => new NetworkCardDocument
            {
                NetworkCardIndex = c.NetworkCardIndex,
                NetworkPerformance = c.NetworkPerformance,
                MaximumNetworkInterfaces = c.MaximumNetworkInterfaces,
                BaselineBandwidthInGbps = c.BaselineBandwidthInGbps,
                PeakBandwidthInGbps = c.PeakBandwidthInGbps,
            }).ToList(),
            Ipv4AddressesPerInterface = n.Ipv4AddressesPerInterface,
            Ipv6AddressesPerInterface = n.Ipv6AddressesPerInterface,
            Ipv6Supported = n.Ipv6Supported,
            EnaSupport = n.EnaSupport?.Value,
            EfaSupported = n.EfaSupported,
            EncryptionInTransitSupported = n.EncryptionInTransitSupported,
            EnaSrdSupported = n.EnaSrdSupported,
        } : null,
    };

    private static string Timestamp(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
