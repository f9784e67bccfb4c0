namespace EksAdvisories.Ipamd;

/// <summary>The limits every snapshot file is held to (the file names are <see cref="SnapshotFileNames"/>).</summary>
internal static class SnapshotFiles
{
    /// <summary>
    /// The image repositories of the VPC CNI (<c>amazon-k8s-cni</c> and its init image): a snapshot is of a VPC CNI node,
    /// so a <c>cni-version.txt</c> naming another image is refused without asking any advisory.
    /// </summary>
    public static readonly string[] VpcCniImageRepositories = ["amazon-k8s-cni", "amazon-k8s-cni-init"];

    /// <summary>Real snapshot files are kilobytes (logs a few MB); anything larger is a wrong file, refused before it is read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The real formats nest fewer than 10 levels; deeper input is refused rather than risking deep recursion.</summary>
    public const int MaxJsonDepth = 64;
}
