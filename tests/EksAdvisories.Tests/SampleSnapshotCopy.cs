namespace EksAdvisories.Tests;

/// <summary>A temporary copy of one of <c>samples/snapshots/</c>, so that a test can damage its files; deleted on dispose.</summary>
internal sealed class SampleSnapshotCopy : IDisposable
{
    public SampleSnapshotCopy(string sample)
    {
        Directory = Path.Combine(Path.GetTempPath(), $"eksadvisories-{sample}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.GetFiles(RepositoryPaths.Combine("samples", "snapshots", sample)))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
    }

    /// <summary>The folder holding the copy.</summary>
    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
