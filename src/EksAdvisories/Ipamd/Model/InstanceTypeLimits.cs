namespace EksAdvisories.Ipamd;

/// <summary>The instance type's ENI limits; <see cref="Ipv4AddressesPerInterface"/> counts the primary IP.</summary>
internal sealed record InstanceTypeLimits(string Name, int MaximumNetworkInterfaces, int Ipv4AddressesPerInterface);
