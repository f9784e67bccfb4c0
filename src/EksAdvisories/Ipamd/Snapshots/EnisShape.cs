namespace EksAdvisories.Ipamd;

/// <summary>The two shapes upstream's <c>GET /v1/enis</c> has had (introspect.go <c>eniV1RequestHandler</c>).</summary>
public enum EnisShape
{
    /// <summary>v1.9 - v1.19: one object, <c>{"TotalIPs", "AssignedIPs", "ENIs"}</c>.</summary>
    Flat = 0,

    /// <summary>v1.20.0 - v1.23: an object keyed by network card index, each value the flat object of that card (<c>map[int]*ENIInfos</c>).</summary>
    ByNetworkCard = 1,
}
