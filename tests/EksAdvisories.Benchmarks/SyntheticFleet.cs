using System.Globalization;
using System.Text;
using System.Text.Json;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// A deterministic fleet of m5.4xlarge-like nodes (30 IPv4 addresses per ENI, 8 ENIs at most) with 4 ENIs of 30 addresses
/// each (the primary and 29 secondaries at EC2), in the documents' real formats, built in memory. Node <c>n</c> is always the
/// same node, so benchmark runs and tests see identical input.
/// </summary>
public static class SyntheticFleet
{
    public const int EnisPerNode = 4;

    public const int PerEniLimit = 30;

    public const int MaxEnis = 8;

    private const int Secondaries = PerEniLimit - 1;

    /// <summary>Half in sync, three in ten drifted, one in five stuck: stuck nodes cost the model most, so they are well represented.</summary>
    public static FleetNodeKind KindOf(int node) => (node % 10) switch
    {
        < 5 => FleetNodeKind.InSync,
        < 8 => FleetNodeKind.Drifted,
        _ => FleetNodeKind.Stuck,
    };

    /// <summary>Stuck nodes run the affected release (that is what makes them stuck); the others a mix of releases.</summary>
    public static string CniVersionOf(int node) => KindOf(node) == FleetNodeKind.Stuck
        ? "v1.12.2-eksbuild.1"
        : (node % 3) switch { 0 => "v1.12.2-eksbuild.1", 1 => "v1.12.6-eksbuild.2", _ => "v1.11.3" };

    /// <summary>Reads node <paramref name="node"/> through <see cref="NodeSnapshot.FromStreams"/>.</summary>
    public static NodeSnapshot Snapshot(int node) => Documents(node).ToSnapshot();

    /// <summary>The snapshot documents of node <paramref name="node"/>.</summary>
    public static NodeDocuments Documents(int node)
    {
        var kind = KindOf(node);
        var enis = new List<(string Id, int Device, string Mac, string Primary, string[] Ec2, string[] Imds, string[] Datastore)>(EnisPerNode);
        for (var device = 0; device < EnisPerNode; device++)
        {
            var ec2 = Enumerable.Range(1, Secondaries).Select(i => Address(node, device, i)).ToArray();
            var imds = ec2;
            var datastore = ec2;
            if (device == EnisPerNode - 1 && kind == FleetNodeKind.Drifted)
            {
                datastore = ec2[..^5];
            }
            else if (device == EnisPerNode - 1 && kind == FleetNodeKind.Stuck)
            {
                imds = ec2[..^9];
                datastore = imds;
            }

            enis.Add((EniId(node, device), device, Mac(node, device), Address(node, device, 0), ec2, imds, datastore));
        }

        // Stuck nodes use nearly every address the datastore knows, so the pool is too low and IPAMD asks EC2 for more;
        // the others leave a full ENI's worth free.
        var known = enis.SelectMany(e => e.Datastore).ToList();
        var used = kind == FleetNodeKind.Stuck ? known.Count - 4 : known.Count - Secondaries - 10;
        var assigned = known.Take(used).ToHashSet(StringComparer.Ordinal);
        var generated = enis.Select(e => new GeneratedEni(e.Id, e.Device, e.Mac, e.Primary, e.Ec2, e.Imds, e.Datastore, e.Datastore.Where(assigned.Contains).ToArray())).ToList();
        var instanceId = InstanceId(node);
        return new NodeDocuments(
            SnapshotDocuments.Enis(generated),
            SnapshotDocuments.Imds(generated, instanceId, InstanceTypeName),
            SnapshotDocuments.Ec2(generated, instanceId),
            Encoding.UTF8.GetBytes(SnapshotDocuments.InstanceType(InstanceTypeName, PerEniLimit, MaxEnis)),
            Encoding.UTF8.GetBytes(CniVersionOf(node) + "\n"));
    }

    private const string InstanceTypeName = "m5.4xlarge";

    private static string InstanceId(int node) => string.Create(CultureInfo.InvariantCulture, $"i-0{node:x16}");

    private static string EniId(int node, int device) => string.Create(CultureInfo.InvariantCulture, $"eni-0{node:x14}{device:x2}");

    private static string Mac(int node, int device) =>
        string.Create(CultureInfo.InvariantCulture, $"02:{(node >> 16) & 255:x2}:{(node >> 8) & 255:x2}:{node & 255:x2}:00:{device + 1:x2}");

    /// <summary>One /24 per node (10.a.b.0 from the node number), 32 addresses per ENI inside it; index 0 is the primary.</summary>
    private static string Address(int node, int device, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{(node >> 8) & 255}.{node & 255}.{(device * 32) + index + 1}");
}
