using System.Collections.ObjectModel;
using System.Text;

namespace EksAdvisories.Ipamd;

/// <summary>
/// Everything the checker knows about one node: IPAMD's datastore (<c>/v1/enis</c>), IMDS and EC2's view of the node's
/// ENIs, and optionally the instance type's limits, IPAMD's settings, the CNI version and the ipamd log. Read it from a
/// snapshot folder with <see cref="Load"/>, or from streams with <see cref="FromStreams"/>. This type is immutable and thread-safe.
/// </summary>
/// <remarks>
/// The folder layout: <c>enis.json</c>, <c>imds.json</c> and <c>ec2-network-interfaces.json</c> are required;
/// <c>instance-type.json</c>, <c>ipamd-env-settings.json</c>, <c>aws-node-daemonset.json</c>, <c>cni-version.txt</c>
/// (which wins over the DaemonSet's image) and <c>ipamd.log</c> are optional.
/// </remarks>
public sealed class NodeSnapshot
{
    private NodeSnapshot(
        string source, DatastoreDocument datastore, ImdsDocument imds, IReadOnlyList<Ec2Interface> ec2, InstanceTypeLimits? limits,
        IpamdSettings settings, ComponentVersion? cniVersion, string? cniVersionSource, string? cniVersionProblem,
        Func<Stream>? openLog, IList<string> missingParts, IReadOnlyList<SnapshotNotice> notices)
    {
        Notices = notices;
        Source = source;
        Datastore = datastore;
        Imds = imds;
        Ec2 = ec2;
        Limits = limits;
        Settings = settings;
        CniVersion = cniVersion;
        CniVersionSource = cniVersionSource;
        CniVersionProblem = cniVersionProblem;
        OpenLog = openLog;
        MissingParts = new ReadOnlyCollection<string>(missingParts);
    }

    /// <summary>Where the snapshot came from: the folder path, or <c>streams</c>.</summary>
    public string Source { get; }

    /// <summary>The VPC CNI version (from <c>cni-version.txt</c>, else the aws-node image), or null when neither gives one.</summary>
    public ComponentVersion? CniVersion { get; }

    /// <summary>Where <see cref="CniVersion"/> was read (<c>cni-version.txt</c>, or the DaemonSet's image path), or null.</summary>
    public string? CniVersionSource { get; }

    /// <summary>Why a version source could not be used (quoting the text), or null when there was no problem.</summary>
    public string? CniVersionProblem { get; }

    /// <summary>The instance type, from <c>instance-type.json</c> or else IMDS; null when neither says.</summary>
    public string? InstanceType => Limits?.Name ?? Imds.InstanceType;

    /// <summary>The instance type's IPv4 addresses per ENI, counting the primary (L); null without <c>instance-type.json</c>.</summary>
    public int? Ipv4AddressesPerInterface => Limits?.Ipv4AddressesPerInterface;

    /// <summary>The instance type's maximum number of ENIs; null without <c>instance-type.json</c>.</summary>
    public int? MaximumNetworkInterfaces => Limits?.MaximumNetworkInterfaces;

    /// <summary>The IPAMD settings the model uses, with the assumptions made where the snapshot did not say.</summary>
    public IpamdSettings Settings { get; }

    /// <summary>True when the snapshot included an ipamd log.</summary>
    public bool HasLog => OpenLog is not null;

    /// <summary>
    /// Opens the ipamd log for the checker, which scans it for the signatures of the advisory it is given: the file of a
    /// folder snapshot is read again, streamed in bounded memory; a log given as a stream was read (at most 64 MiB) when
    /// the snapshot was made. The opener throws <see cref="SnapshotException"/> when the file can no longer be read.
    /// </summary>
    internal Func<Stream>? OpenLog { get; }

    /// <summary>The optional parts the snapshot lacks, each with what it would have told.</summary>
    public IReadOnlyList<string> MissingParts { get; }

    /// <summary>The number of ENIs EC2 reports attached to the node.</summary>
    public int NetworkInterfaceCount => Ec2.Count;

    /// <summary>The shape of <c>enis.json</c>: flat (v1.9 - v1.19) or keyed by network card (v1.20+).</summary>
    public EnisShape EnisShape => Datastore.Shape;

    /// <summary>True on an IPv6 node (ENABLE_IPv6, or IPv6 prefixes in the datastore): IPAMD does not use the IPv4 warm pool there.</summary>
    public bool IsIpv6 => Settings.Ipv6;

    /// <summary>Identical duplicates the readers dropped, each counted once.</summary>
    internal IReadOnlyList<SnapshotNotice> Notices { get; }

    internal DatastoreDocument Datastore { get; }

    internal ImdsDocument Imds { get; }

    /// <summary>The ENIs attached to this node, in device order.</summary>
    internal IReadOnlyList<Ec2Interface> Ec2 { get; }

    internal InstanceTypeLimits? Limits { get; }

    /// <summary>Reads a snapshot folder.</summary>
    /// <param name="directory">The folder holding the snapshot files.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="SnapshotException">
    /// The folder does not exist, is a file or cannot be listed, a required file is missing, a file is a directory or
    /// cannot be read, is over 64 MiB, is not valid JSON, names an image other than the VPC CNI (cni-version.txt),
    /// nests deeper than 64 levels or holds a value of the wrong type or form; the message names the file, the JSON path
    /// and the value, and says what was expected.
    /// </exception>
    public static NodeSnapshot Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        RequireReadableDirectory(directory);

        byte[] Required(string name)
        {
            var path = Path.Combine(directory, name);
            return IsFile(directory, name)
                ? SnapshotInput.ReadFile(path, name)
                : throw new SnapshotException(name, null, $"the required file is missing from '{directory}'; expected {Describe(name)}.");
        }

        byte[]? Optional(string name)
        {
            var path = Path.Combine(directory, name);
            return IsFile(directory, name) ? SnapshotInput.ReadFile(path, name) : null;
        }

        return Build(directory, Required(SnapshotFileNames.Enis), Required(SnapshotFileNames.Imds), Required(SnapshotFileNames.Ec2NetworkInterfaces),
            Optional(SnapshotFileNames.InstanceType), Optional(SnapshotFileNames.IpamdEnvSettings), Optional(SnapshotFileNames.AwsNodeDaemonSet),
            Optional(SnapshotFileNames.CniVersion), LogOpener(Path.Combine(directory, SnapshotFileNames.IpamdLog)));
    }

    /// <summary>
    /// Says what is really wrong with a folder that cannot be read as a snapshot: it does not exist, it is a file, or it
    /// cannot be listed (permissions). Without this, each of these would surface as "enis.json is missing".
    /// </summary>
    private static void RequireReadableDirectory(string directory)
    {
        if (File.Exists(directory))
        {
            throw new SnapshotException(directory, null, "this is a file, not a directory; expected a folder holding enis.json, imds.json and ec2-network-interfaces.json.");
        }

        if (!Directory.Exists(directory))
        {
            throw new SnapshotException(directory, null, "the snapshot directory does not exist; expected a folder holding enis.json, imds.json and ec2-network-interfaces.json.");
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(directory).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SnapshotException(directory, null, $"the snapshot directory cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Whether a snapshot file is there; a directory in its place is an error of its own, not a missing file.</summary>
    private static bool IsFile(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (Directory.Exists(path))
        {
            throw new SnapshotException(name, null, $"'{path}' is a directory, not a file; expected {(name == SnapshotFileNames.IpamdLog ? "the IPAMD log" : "a file")} of that name.");
        }

        return File.Exists(path);
    }

    /// <summary>Reads a snapshot from streams holding the same documents as the folder's files. The streams are read to the end and not disposed.</summary>
    /// <param name="enis">The content of <c>enis.json</c>.</param>
    /// <param name="imds">The content of <c>imds.json</c>.</param>
    /// <param name="ec2NetworkInterfaces">The content of <c>ec2-network-interfaces.json</c>.</param>
    /// <param name="instanceType">The content of <c>instance-type.json</c>, or null.</param>
    /// <param name="ipamdEnvSettings">The content of <c>ipamd-env-settings.json</c>, or null.</param>
    /// <param name="awsNodeDaemonSet">The content of <c>aws-node-daemonset.json</c>, or null.</param>
    /// <param name="cniVersion">The content of <c>cni-version.txt</c>, or null.</param>
    /// <param name="ipamdLog">The content of <c>ipamd.log</c>, or null; the checker scans it for the advisory's signatures.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException">A required stream is null.</exception>
    /// <exception cref="SnapshotException">A stream cannot be read or holds bad data; the message names the file it stands for, the JSON path and the value.</exception>
    public static NodeSnapshot FromStreams(
        Stream enis, Stream imds, Stream ec2NetworkInterfaces, Stream? instanceType = null, Stream? ipamdEnvSettings = null,
        Stream? awsNodeDaemonSet = null, Stream? cniVersion = null, Stream? ipamdLog = null)
    {
        ArgumentNullException.ThrowIfNull(enis);
        ArgumentNullException.ThrowIfNull(imds);
        ArgumentNullException.ThrowIfNull(ec2NetworkInterfaces);
        byte[]? Optional(Stream? s, string name) => s is null ? null : SnapshotInput.ReadStream(s, name);
        return Build("streams",
            SnapshotInput.ReadStream(enis, SnapshotFileNames.Enis), SnapshotInput.ReadStream(imds, SnapshotFileNames.Imds),
            SnapshotInput.ReadStream(ec2NetworkInterfaces, SnapshotFileNames.Ec2NetworkInterfaces),
            Optional(instanceType, SnapshotFileNames.InstanceType), Optional(ipamdEnvSettings, SnapshotFileNames.IpamdEnvSettings),
            Optional(awsNodeDaemonSet, SnapshotFileNames.AwsNodeDaemonSet), Optional(cniVersion, SnapshotFileNames.CniVersion),
            Optional(ipamdLog, SnapshotFileNames.IpamdLog) is { } logBytes ? () => new MemoryStream(logBytes, false) : null);
    }

    private static NodeSnapshot Build(
        string source, byte[] enisBytes, byte[] imdsBytes, byte[] ec2Bytes, byte[]? instanceTypeBytes, byte[]? envBytes,
        byte[]? daemonSetBytes, byte[]? cniVersionBytes, Func<Stream>? log)
    {
        var notices = new List<SnapshotNotice>();
        var datastore = EnisReader.Read(enisBytes, notices);
        var imds = ImdsReader.Read(imdsBytes, notices);
        var ec2 = Ec2NetworkInterfacesReader.Read(ec2Bytes, notices).Where(e => IsOnNode(e, imds)).ToArray();
        if (ec2.Length > SnapshotLimits.MaxNetworkInterfaces)
        {
            throw new SnapshotException(SnapshotFileNames.Ec2NetworkInterfaces, "$.NetworkInterfaces",
                $"{ec2.Length} ENIs are attached to this node; no instance type has more than {SnapshotLimits.MaxNetworkInterfaces / 2} ({SnapshotLimits.Source}), and the reader refuses more than {SnapshotLimits.MaxNetworkInterfaces}.");
        }

        var limits = instanceTypeBytes is null ? null : InstanceTypesReader.Read(instanceTypeBytes, imds.InstanceType);
        var env = envBytes is null ? null : EnvSettingsReader.Read(envBytes);
        var daemonSet = daemonSetBytes is null ? null : DaemonSetReader.Read(daemonSetBytes);

        var missing = new List<string>();
        if (limits is null) missing.Add($"{SnapshotFileNames.InstanceType}: the per-ENI IPv4 limit and the ENI limit of the instance type{(imds.InstanceType is { } t ? " (" + t + ")" : string.Empty)}");
        if (env is null) missing.Add($"{SnapshotFileNames.IpamdEnvSettings}: WARM_IP_TARGET, WARM_ENI_TARGET and the custom-networking flag as IPAMD runs them");
        if (daemonSet is null) missing.Add($"{SnapshotFileNames.AwsNodeDaemonSet}: the aws-node image (CNI version) and ENABLE_PREFIX_DELEGATION, WARM_PREFIX_TARGET, MINIMUM_IP_TARGET");
        if (log is null) missing.Add($"{SnapshotFileNames.IpamdLog}: log lines that show the condition");

        var (version, versionSource, versionProblem) = ResolveVersion(cniVersionBytes, daemonSet);
        if (version is null && cniVersionBytes is null && daemonSet is null) missing.Add($"{SnapshotFileNames.CniVersion}: the VPC CNI version (the aws-node DaemonSet would give it too)");
        var settings = SettingsResolver.Resolve(env, daemonSet?.Env, datastore, ec2);
        return new NodeSnapshot(source, datastore, imds, ec2, limits, settings, version, versionSource, versionProblem, log, missing, notices.AsReadOnly());
    }

    /// <summary>The log file is not read now: the checker streams it when it scans it, so a long log costs no memory here.</summary>
    private static Func<Stream>? LogOpener(string path)
    {
        if (Directory.Exists(path))
        {
            throw new SnapshotException(SnapshotFileNames.IpamdLog, null, $"'{path}' is a directory, not a file; expected the IPAMD log of that name.");
        }

        if (!File.Exists(path)) return null;
        var length = new FileInfo(path).Length;
        if (length > SnapshotFiles.MaxFileBytes) throw SnapshotInput.TooLarge(SnapshotFileNames.IpamdLog, length);
        return () =>
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SnapshotException(SnapshotFileNames.IpamdLog, null, $"the file '{path}' could not be read: {e.Message}", e);
            }
        };
    }

    /// <summary>describe-network-interfaces may list ENIs of other instances or detached ones; only this node's count.</summary>
    private static bool IsOnNode(Ec2Interface eni, ImdsDocument imds)
    {
        if (eni.DeviceIndex is null) return false;
        return imds.InstanceId is null || eni.InstanceId is null || string.Equals(eni.InstanceId, imds.InstanceId, StringComparison.Ordinal);
    }

    private static (ComponentVersion? Version, string? Source, string? Problem) ResolveVersion(byte[]? cniVersionBytes, DaemonSetDocument? daemonSet)
    {
        string? problem = null;
        if (cniVersionBytes is not null)
        {
            var text = Encoding.UTF8.GetString(cniVersionBytes).Trim().TrimStart('\uFEFF');
            var firstLine = text.Split('\n', 2)[0].Trim();
            if (ComponentVersion.TryParse(firstLine, out var version, out var error))
            {
                // An image reference's tag is only this component's version when the image is the component's own.
                var repositories = SnapshotFiles.VpcCniImageRepositories;
                if (version.Image is { } image && !repositories.Contains(image.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new SnapshotException(SnapshotFileNames.CniVersion, null,
                        $"the file names the image '{firstLine}' (repository '{image.Name}'), which is not the VPC CNI; expected a VPC CNI version or an image of {string.Join(" or ", repositories)}.");
                }

                return (version, SnapshotFileNames.CniVersion, null);
            }

            problem = $"{SnapshotFileNames.CniVersion} holds '{firstLine}', which is not a version: {error}";
        }

        if (daemonSet is not null)
        {
            if (ComponentVersion.TryParse(daemonSet.Image, out var version, out var error))
            {
                return (version, $"{SnapshotFileNames.AwsNodeDaemonSet} {daemonSet.ImagePath}", problem);
            }

            problem = (problem is null ? string.Empty : problem + " ") + $"{SnapshotFileNames.AwsNodeDaemonSet} {daemonSet.ImagePath}: {error}";
        }

        return (null, null, problem);
    }

    private static string Describe(string name) => name switch
    {
        SnapshotFileNames.Enis => "the output of GET http://127.0.0.1:61679/v1/enis on the node",
        SnapshotFileNames.Imds => "a JSON object mapping keys under /latest/meta-data/ (network/interfaces/macs, …) to IMDS's raw text",
        _ => "the output of aws ec2 describe-network-interfaces --output json for the node's ENIs",
    };

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Source}: {InstanceType ?? "unknown instance type"}, {Ec2.Count} ENI(s), CNI {(CniVersion?.ToString() ?? "unknown")}";
}
