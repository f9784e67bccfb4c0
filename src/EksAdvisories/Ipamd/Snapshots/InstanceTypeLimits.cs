namespace EksAdvisories.Ipamd;

/// <summary>
/// The instance type's ENI limits: <see cref="Ipv4AddressesPerInterface"/> counts the primary IP;
/// <see cref="MaximumNetworkInterfaces"/> is EC2's total over every network card, <see cref="Card0MaximumNetworkInterfaces"/>
/// the limit of network card 0 from <c>NetworkInfo.NetworkCards</c> (null when the document has no per-card list).
/// </summary>
internal sealed record InstanceTypeLimits(string Name, int MaximumNetworkInterfaces, int Ipv4AddressesPerInterface, int? Card0MaximumNetworkInterfaces)
{
    /// <summary>
    /// The ENI limit closest to IPAMD's own (it uses a generated per-type table, vpc_ip_resource_limit.go, which follows
    /// network card 0: p4d.24xlarge 15 while EC2 reports 60 over 4 cards).
    /// </summary>
    public int IpamdEniLimit => Card0MaximumNetworkInterfaces ?? MaximumNetworkInterfaces;
}
