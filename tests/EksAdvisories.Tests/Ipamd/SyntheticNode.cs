using System.Globalization;
using System.Text;
using EksAdvisories.Benchmarks;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

/// <summary>One ENI of a synthetic node: what EC2, IMDS and the datastore each hold (IPs as "10.0.2.21", prefixes as "10.0.16.0/28").</summary>
internal sealed record SyntheticEni(string Id, int Device, string Primary, string[] Ec2, string[] Imds, string[] Datastore, string[]? Assigned = null)
{
    public string Mac => string.Create(CultureInfo.InvariantCulture, $"02:4f:7a:10:00:{Device + 1:x2}");
}

/// <summary>Writes the snapshot documents of a synthetic node in the real formats, so model and property tests can state a node in a few lines.</summary>
internal static class SyntheticNode
{
    public const string InstanceId = "i-0f1e2d3c4b5a69788";

    public static NodeSnapshot Snapshot(IReadOnlyList<SyntheticEni> enis, int limit = 10, int maxEnis = 3, string? cniVersion = null, string? daemonSetEnv = null, string? envSettings = null)
    {
        static MemoryStream S(string text) => new(Encoding.UTF8.GetBytes(text));
        return NodeSnapshot.FromStreams(S(Enis(enis)), S(Imds(enis)), S(Ec2(enis)), S(InstanceType(limit, maxEnis)),
            envSettings is null ? null : S(envSettings),
            daemonSetEnv is null ? null : S(DaemonSet("v1.12.2-eksbuild.1", daemonSetEnv)),
            cniVersion is null ? null : S(cniVersion));
    }

    public static string Enis(IReadOnlyList<SyntheticEni> enis) => Encoding.UTF8.GetString(SnapshotDocuments.Enis(Generated(enis)));

    public static string Imds(IReadOnlyList<SyntheticEni> enis) => Encoding.UTF8.GetString(SnapshotDocuments.Imds(Generated(enis), InstanceId, "m5.large"));

    public static string Ec2(IReadOnlyList<SyntheticEni> enis) => Encoding.UTF8.GetString(SnapshotDocuments.Ec2(Generated(enis), InstanceId));

    public static string InstanceType(int limit, int maxEnis) => SnapshotDocuments.InstanceType("m5.large", limit, maxEnis);

    public static string DaemonSet(string version, string envJson) =>
        $$$$$"""{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"aws-node","namespace":"kube-system"},"spec":{"template":{"spec":{"containers":[{"name":"aws-node","image":"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:{{{{{version}}}}}","env":{{{{{envJson}}}}}}]}}}}""";

    /// <summary>Secondary IPs 10.0.{device+1}.{11+i}: readable, and never clashing across ENIs.</summary>
    public static string[] Ips(int device, int from, int count) =>
        Enumerable.Range(from, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"10.0.{device + 1}.{11 + i}")).ToArray();

    private static List<GeneratedEni> Generated(IReadOnlyList<SyntheticEni> enis) =>
        enis.Select(e => new GeneratedEni(e.Id, e.Device, e.Mac, e.Primary, e.Ec2, e.Imds, e.Datastore, e.Assigned ?? [])).ToList();
}
