using BenchmarkDotNet.Attributes;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Benchmarks;

/// <summary>IpamdReconcileChecker.Check on one node of 1 to 160 ENIs (the refusal limit), read beforehand (<see cref="WideNode"/>).</summary>
[MemoryDiagnoser]
public class CheckerEniScalingBenchmarks
{
    private NodeSnapshot _snapshot = null!;

    /// <summary>The first value is what the quick run (and the CI smoke test) uses.</summary>
    [Params(1, 10, 40, 80, 160)]
    public int Enis { get; set; }

    [GlobalSetup]
    public void Setup() => _snapshot = WideNode.Snapshot(Enis);

    [Benchmark]
    public ReconcileVerdict Check_node() => IpamdReconcileChecker.Check(_snapshot).Verdict;
}
