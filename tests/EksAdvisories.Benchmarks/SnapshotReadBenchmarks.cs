using BenchmarkDotNet.Attributes;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// Reading one generated node (4 ENIs × 30 addresses): NodeSnapshot.FromStreams on documents in memory, and NodeSnapshot.Load
/// on the same documents written to a temporary folder (file I/O included, page cache warm).
/// </summary>
[MemoryDiagnoser]
public class SnapshotReadBenchmarks
{
    private NodeDocuments _documents = null!;
    private string _directory = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        // Node 9 is a stuck one; every node of the fleet has documents of about the same size..
        _documents = SyntheticFleet.Documents(9);
        _directory = Path.Combine(Path.GetTempPath(), "eksadvisories-bench-" + Guid.NewGuid().ToString("N"));
        _documents.WriteTo(_directory);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark]
    public NodeSnapshot FromStreams() => _documents.ToSnapshot();

    [Benchmark]
    public NodeSnapshot Load() => NodeSnapshot.Load(_directory);
}
