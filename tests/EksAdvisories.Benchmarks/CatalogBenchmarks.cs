using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace EksAdvisories.Benchmarks;

/// <summary>Reading the advisory data: AdvisoryCatalog.Load from a stream of the shipped file.</summary>
[MemoryDiagnoser]
public class CatalogLoadBenchmarks
{
    private byte[] _data = [];

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(AdvisoryCatalog).Assembly.GetManifestResourceStream("EksAdvisories.Data.EKSA-2023-0001.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _data = copy.ToArray();
    }

    [Benchmark]
    public AdvisoryCatalog Load() => AdvisoryCatalog.Load(new MemoryStream(_data, writable: false));
}

/// <summary>
/// The first access of AdvisoryCatalog.Default in a fresh process (cold: type initialization, resource read, JSON, JIT).
/// Each launch is a new process that measures one invocation.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class CatalogColdStartBenchmarks
{
    [Benchmark]
    public int Default_first_access() => AdvisoryCatalog.Default.Advisories.Count;
}
