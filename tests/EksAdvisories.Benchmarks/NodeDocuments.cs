using EksAdvisories.Ipamd;

namespace EksAdvisories.Benchmarks;

/// <summary>The UTF-8 documents of one generated node, as the files of a snapshot folder would hold them.</summary>
public sealed record NodeDocuments(byte[] Enis, byte[] Imds, byte[] Ec2NetworkInterfaces, byte[] InstanceType, byte[] CniVersion)
{
    /// <summary>Reads the documents through <see cref="NodeSnapshot.FromStreams"/>, as a tool holding them in memory would.</summary>
    public NodeSnapshot ToSnapshot() => NodeSnapshot.FromStreams(
        Open(Enis), Open(Imds), Open(Ec2NetworkInterfaces), instanceType: Open(InstanceType), cniVersion: Open(CniVersion));

    /// <summary>Writes the documents as a snapshot folder, under the file names <see cref="NodeSnapshot.Load"/> expects.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "enis.json"), Enis);
        File.WriteAllBytes(Path.Combine(directory, "imds.json"), Imds);
        File.WriteAllBytes(Path.Combine(directory, "ec2-network-interfaces.json"), Ec2NetworkInterfaces);
        File.WriteAllBytes(Path.Combine(directory, "instance-type.json"), InstanceType);
        File.WriteAllBytes(Path.Combine(directory, "cni-version.txt"), CniVersion);
    }

    private static MemoryStream Open(byte[] bytes) => new(bytes, writable: false);
}
