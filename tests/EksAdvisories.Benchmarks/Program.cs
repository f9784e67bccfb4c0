using BenchmarkDotNet.Running;
using EksAdvisories.Benchmarks;

// dotnet run -c Release --project tests/EksAdvisories.Benchmarks -- --filter '*'   (BenchmarkDotNet switches)
// dotnet run -c Release --project tests/EksAdvisories.Benchmarks -- --quick        (each benchmark once, no measurement)
if (args.Contains("--quick"))
{
    var ran = QuickRunner.RunAll(Console.Out);
    Console.WriteLine($"quick: {ran.Count} benchmarks ran once");
    return ran.Count > 0 ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluateBenchmarks).Assembly).Run(args);
return 0;
