namespace EksAdvisories.Ipamd;

/// <summary>A secondary IP or prefix EC2 has on an ENI that the datastore lacks; printed as <c>eni-…:10.0.1.15</c>.</summary>
internal readonly record struct MissingUnit(string EniId, Ipv4Cidr Unit)
{
    public override string ToString() => EniId + ":" + Unit;
}
