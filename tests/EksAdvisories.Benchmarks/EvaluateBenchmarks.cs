using BenchmarkDotNet.Attributes;
using NuGet.Versioning;
using Semver;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// Advisory.Evaluate against what a tool author would hand-roll with NuGet.Versioning or Semver on the same strings.
/// Each invocation answers every string of the mix once; results are per string.
/// </summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private static readonly string[] Inputs = VersionInputs.Mix;
    private readonly VersionRange _nugetRange = VersionRange.Parse("[1.11.4-rc1, 1.12.5)");
    private readonly SemVersionRange _semverRange = SemVersionRange.Parse(">=1.11.4-rc1 <1.12.5", SemVersionRangeOptions.IncludeAllPrerelease);
    private Advisory _advisory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _advisory = AdvisoryCatalog.Default.Get("EKSA-2023-0001");
        foreach (var input in Inputs) _advisory.Evaluate(input);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 12)]
    public int NuGetVersioning_parse_and_satisfies()
    {
        var affected = 0;
        foreach (var input in Inputs)
        {
            if (NuGetVersion.TryParse(input, out var v) && _nugetRange.Satisfies(v)) affected++;
        }

        return affected;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int Semver_parse_and_contains()
    {
        var affected = 0;
        foreach (var input in Inputs)
        {
            if (SemVersion.TryParse(input, SemVersionStyles.Any, out var v) && _semverRange.Contains(v)) affected++;
        }

        return affected;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int EksAdvisories_Evaluate()
    {
        var affected = 0;
        foreach (var input in Inputs)
        {
            if (_advisory.Evaluate(input).Status == AffectedStatus.Affected) affected++;
        }

        return affected;
    }

    [Benchmark(OperationsPerInvoke = 12)]
    public int EksAdvisories_parse_and_evaluate_uncached()
    {
        var affected = 0;
        foreach (var input in Inputs)
        {
            if (ComponentVersion.TryParse(input, out var v) && _advisory.Evaluate(v).Status == AffectedStatus.Affected) affected++;
        }

        return affected;
    }
}
