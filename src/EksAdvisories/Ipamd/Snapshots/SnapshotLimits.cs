namespace EksAdvisories.Ipamd;

/// <summary>
/// Values no EC2 instance type has, refused when a snapshot is read so that a wrong or hostile file cannot make the model
/// run away. The largest real values (EC2 User Guide, "Maximum IP addresses per network interface", as of 2026): 32 network cards, 80
/// network interfaces on one instance, 24 on one network card, 64 IPv4 addresses per interface. Each limit is twice that.
/// </summary>
internal static class SnapshotLimits
{
    /// <summary>Largest real: 64 IPv4 addresses per interface (primary included); refused above 128.</summary>
    public const int MaxIpv4AddressesPerInterface = 128;

    /// <summary>Largest real: 80 network interfaces on one instance; refused above 160.</summary>
    public const int MaxNetworkInterfaces = 160;

    /// <summary>Largest real: 24 network interfaces on one network card; refused above 48.</summary>
    public const int MaxNetworkInterfacesPerCard = 48;

    /// <summary>Largest real: 32 network cards (p5.48xlarge); refused above 64.</summary>
    public const int MaxNetworkCards = 64;

    public const string Source = "the largest real value is 80 ENIs per instance, 24 per network card and 64 IPv4 addresses per ENI (EC2 User Guide)";
}
