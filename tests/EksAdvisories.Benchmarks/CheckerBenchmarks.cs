using BenchmarkDotNet.Attributes;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// IpamdReconcileChecker.Check over a generated fleet (<see cref="SyntheticFleet"/>): the snapshots are read in GlobalSetup,
/// so only the comparison and the six model runs per node are measured. One invocation checks the whole fleet.
/// </summary>
[MemoryDiagnoser]
public class CheckerBenchmarks
{
    private NodeSnapshot[] _snapshots = [];

    /// <summary>The first value is what the quick run (and the CI smoke test) uses, so it stays small.</summary>
    [Params(1, 10, 100, 1_000, 10_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup() => _snapshots = Enumerable.Range(0, Nodes).Select(SyntheticFleet.Snapshot).ToArray();

    [Benchmark]
    public int Check_fleet()
    {
        var stuck = 0;
        foreach (var snapshot in _snapshots)
        {
            if (IpamdReconcileChecker.Check(snapshot).Verdict == ReconcileVerdict.Stuck) stuck++;
        }

        return stuck;
    }
}
