using System.Collections.ObjectModel;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Collection;

/// <summary>
/// What <see cref="NodeCollector"/> gathered from a live node: the snapshot files that could be collected (the same
/// names and shapes as the collectors write), the problems with the ones that could not, and the cluster's Kubernetes
/// version when the API server told it. This type is immutable.
/// </summary>
public sealed class CollectedSnapshot
{
    private readonly ReadOnlyDictionary<string, byte[]> files;

    internal CollectedSnapshot(IDictionary<string, byte[]> files, IList<CollectionProblem> problems, string? kubernetesVersion, string? kubernetesVersionSource)
    {
        this.files = new ReadOnlyDictionary<string, byte[]>(new Dictionary<string, byte[]>(files, StringComparer.Ordinal));
        Problems = new ReadOnlyCollection<CollectionProblem>(problems.ToList());
        KubernetesVersion = kubernetesVersion;
        KubernetesVersionSource = kubernetesVersionSource;
    }

    /// <summary>The names of the files collected (<c>enis.json</c>, …), in ordinal order.</summary>
    public IReadOnlyList<string> FileNames => files.Keys.Order(StringComparer.Ordinal).ToList().AsReadOnly();

    /// <summary>The parts that could not be collected, each with what it needed; empty when everything was.</summary>
    public IReadOnlyList<CollectionProblem> Problems { get; }

    /// <summary>True when the parts the checker cannot do without (enis.json, imds.json, ec2-network-interfaces.json) were collected.</summary>
    public bool HasRequiredParts => SnapshotFileNames.Required.All(files.ContainsKey);

    /// <summary>The cluster's Kubernetes version as the API server or the kubelet wrote it (<c>v1.29.3-eks-5e0fdde</c>), or null.</summary>
    public string? KubernetesVersion { get; }

    /// <summary>Where <see cref="KubernetesVersion"/> came from, or null.</summary>
    public string? KubernetesVersionSource { get; }

    /// <summary>The content of one collected file.</summary>
    /// <param name="fileName">A name from <see cref="SnapshotFileNames"/>.</param>
    /// <returns>A copy of the bytes, or null when the part was not collected.</returns>
    public byte[]? GetFile(string fileName) => files.TryGetValue(fileName, out var bytes) ? (byte[])bytes.Clone() : null;

    /// <summary>Writes every collected file into <paramref name="directory"/> (created when missing); nothing else is written.</summary>
    /// <param name="directory">The snapshot folder.</param>
    /// <exception cref="IOException">The folder or a file could not be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or a file may not be written.</exception>
    public void WriteTo(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    /// <summary>The snapshot the checker reads, built from the collected parts as <see cref="NodeSnapshot.FromStreams"/> reads streams.</summary>
    /// <returns>The node snapshot.</returns>
    /// <exception cref="InvalidOperationException">A required part was not collected (see <see cref="HasRequiredParts"/> and <see cref="Problems"/>).</exception>
    /// <exception cref="SnapshotException">A collected part holds data the checker refuses; the message names the file.</exception>
    public NodeSnapshot ToNodeSnapshot()
    {
        var missing = SnapshotFileNames.Required.Where(f => !files.ContainsKey(f)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("The node snapshot lacks required parts: " + string.Join(", ", missing) + ".");
        using var enis = Open(SnapshotFileNames.Enis)!;
        using var imds = Open(SnapshotFileNames.Imds)!;
        using var ec2 = Open(SnapshotFileNames.Ec2NetworkInterfaces)!;
        using var instanceType = Open(SnapshotFileNames.InstanceType);
        using var env = Open(SnapshotFileNames.IpamdEnvSettings);
        using var daemonSet = Open(SnapshotFileNames.AwsNodeDaemonSet);
        using var cniVersion = Open(SnapshotFileNames.CniVersion);
        using var log = Open(SnapshotFileNames.IpamdLog);
        return NodeSnapshot.FromStreams(enis, imds, ec2, instanceType, env, daemonSet, cniVersion, log);
    }

    private MemoryStream? Open(string name) => files.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null;
}
