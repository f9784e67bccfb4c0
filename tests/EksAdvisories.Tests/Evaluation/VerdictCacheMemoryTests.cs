namespace EksAdvisories.Tests.Evaluation;

/// <summary>Measures, with the garbage collector, what the verdict cache keeps alive; alone, so other tests' allocations do not blur it.</summary>
[Collection(nameof(MemoryMeasurement))]
public class VerdictCacheMemoryTests
{
    [Fact]
    public void The_cache_retains_under_1_MB_whatever_the_inputs()
    {
        var advisory = AdvisoryCatalog.Load(File.OpenRead(Path.Combine(RepositoryPaths.Advisories, "EKSA-2023-0001.json"))).Advisories[0];
        var cache = AdvisoryEvaluator.For(advisory).Cache;
        // Warm every path first (its one-time allocations are not the cache's), then empty the cache.
        Fill(advisory, 3);
        cache.Clear();
        var before = Retained();

        // Large inputs (Unknown reasons quote them), inputs just under the length the cache keeps, and many distinct
        // real-looking versions, with and without Kubernetes versions.
        Fill(advisory, 2_000);

        var retained = Retained() - before;
        GC.KeepAlive(advisory);
        Assert.True(retained < 1024 * 1024, $"the cache retains {retained:N0} bytes");
        Assert.True(cache.EstimatedBytes <= VerdictCache.ByteBudget, $"estimate {cache.EstimatedBytes:N0}");
    }

    private static void Fill(Advisory advisory, int count)
    {
        for (var i = 0; i < Math.Min(count, 600); i++) _ = advisory.Evaluate(new string('x', 64 * 1024) + i, "1.27");
        for (var i = 0; i < count; i++) _ = advisory.Evaluate(new string('9', VerdictCache.MaxCachedInputLength - 6) + i.ToString("D6"), null);
        for (var i = 0; i < count; i++) _ = advisory.Evaluate($"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.{i}-eksbuild.{i + 1}", "1.2" + (i % 10));
        for (var i = 0; i < count; i++) _ = advisory.Evaluate($"v1.11.{i}-eksbuild.{i + 1}", $"v1.{i}.0-eks-{i:x8}");
    }

    private static long Retained()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;
