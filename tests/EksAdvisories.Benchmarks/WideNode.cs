using System.Globalization;
using System.Text;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// One node with <c>enis</c> ENIs of 30 addresses each (the primary and 29 secondaries at EC2), up to the 160 ENIs the
/// snapshot readers accept (twice the largest real instance): the last ENI's IMDS and datastore lack 9 of its addresses and
/// the pool is low, so an affected IPAMD is stuck on it. Shows that checking grows linearly with the ENI count.
/// </summary>
public static class WideNode
{
    public const int PerEniLimit = 30;

    public static NodeDocuments Documents(int enis)
    {
        var generated = new List<GeneratedEni>(enis);
        var known = 0;
        for (var device = 0; device < enis; device++)
        {
            var ec2 = Enumerable.Range(1, PerEniLimit - 1).Select(i => Address(device, i)).ToArray();
            var view = device == enis - 1 ? ec2[..^9] : ec2;
            known += view.Length;
            generated.Add(new GeneratedEni(
                string.Create(CultureInfo.InvariantCulture, $"eni-0{device:x16}"), device,
                string.Create(CultureInfo.InvariantCulture, $"02:7e:00:00:{device >> 8:x2}:{device & 255:x2}"),
                Address(device, 0), ec2, view, view, []));
        }

        // Every address the datastore knows is used but 4: the pool is too low.
        var used = known - 4;
        var assigned = generated.Select(e =>
        {
            var take = Math.Clamp(used, 0, e.Datastore.Count);
            used -= take;
            return e with { Assigned = e.Datastore.Take(take).ToArray() };
        }).ToList();
        const string InstanceId = "i-0a000000000000001";
        return new NodeDocuments(
            SnapshotDocuments.Enis(assigned),
            SnapshotDocuments.Imds(assigned, InstanceId, "x9.wide"),
            SnapshotDocuments.Ec2(assigned, InstanceId),
            Encoding.UTF8.GetBytes(SnapshotDocuments.InstanceType("x9.wide", PerEniLimit, enis)),
            Encoding.UTF8.GetBytes("v1.12.2-eksbuild.1\n"));
    }

    public static NodeSnapshot Snapshot(int enis) => Documents(enis).ToSnapshot();

    /// <summary>10.(100 + device / 256).(device % 256).(index + 1): one /24 per ENI.</summary>
    private static string Address(int device, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{100 + (device >> 8)}.{device & 255}.{index + 1}");
}
