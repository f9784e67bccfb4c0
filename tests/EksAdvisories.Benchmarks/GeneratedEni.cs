namespace EksAdvisories.Benchmarks;

/// <summary>
/// One ENI of a generated node: what EC2, IMDS and the IPAMD datastore each hold, and which datastore addresses pods use.
/// Addresses are written as <c>10.0.2.21</c>, prefixes as <c>10.0.16.0/28</c>.
/// </summary>
public sealed record GeneratedEni(
    string Id,
    int Device,
    string Mac,
    string Primary,
    IReadOnlyList<string> Ec2,
    IReadOnlyList<string> Imds,
    IReadOnlyList<string> Datastore,
    IReadOnlyList<string> Assigned);
