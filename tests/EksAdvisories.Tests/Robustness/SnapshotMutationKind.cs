namespace EksAdvisories.Tests.Robustness;

/// <summary>The kinds of damage the snapshot fuzz test does to a file.</summary>
internal enum SnapshotMutationKind
{
    FlipByte,
    Truncate,
    DeleteToken,
    DuplicateToken,
    SwapType,
    NestDeeply,
    HugeNumber,
    InvalidUtf8,
    RemoveFile,
    Replace,
}
