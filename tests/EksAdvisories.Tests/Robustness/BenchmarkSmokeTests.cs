using EksAdvisories.Benchmarks;

namespace EksAdvisories.Tests.Robustness;

public class BenchmarkSmokeTests
{
    [Fact]
    public void Every_benchmark_runs_once()
    {
        var log = new StringWriter();
        var ran = QuickRunner.RunAll(log);
        Assert.Contains("EvaluateBenchmarks.EksAdvisories_Evaluate", ran);
        Assert.Contains("CatalogLoadBenchmarks.Load", ran);
        Assert.Contains("CheckerBenchmarks.Check_fleet", ran);
        Assert.Contains("SnapshotReadBenchmarks.FromStreams", ran);
        Assert.True(ran.Count >= 9, log.ToString());
    }
}
