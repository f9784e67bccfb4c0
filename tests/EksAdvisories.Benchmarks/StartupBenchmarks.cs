using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace EksAdvisories.Benchmarks;

/// <summary>
/// Start-up of the installed <c>eks-advisories</c> tool (the NativeAOT linux-x64 package, as <c>dotnet tool install</c>
/// puts it on PATH) answering one <c>check-version</c>, against a framework-dependent (JIT) hello-world console app,
/// both timed as whole processes: start, run, exit. The ratio is the figure in the README (target: at most 0.5).
/// The tool is the one named by <c>EKSADVISORIES_TOOL</c>, else one packed from this repository and installed once
/// into <see cref="WorkFolder"/> (about two minutes: the NativeAOT compile); the hello world is built there too.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 30)]
[BenchmarkCategory(Category)]
public class StartupBenchmarks
{
    /// <summary>The category of benchmarks that start processes and need the tool installed; the quick run skips them.</summary>
    public const string Category = "InstalledTool";

    private string _tool = string.Empty;
    private string _helloWorld = string.Empty;

    /// <summary>Where the packed tool and the hello world live between the benchmark's processes.</summary>
    public static string WorkFolder { get; } = Path.Combine(Path.GetTempPath(), "eksadvisories-startup-benchmark");

    [GlobalSetup]
    public void Setup()
    {
        _tool = Environment.GetEnvironmentVariable("EKSADVISORIES_TOOL") is { Length: > 0 } given ? given : InstallTool();
        _helloWorld = BuildHelloWorld();
    }

    [Benchmark(Baseline = true, Description = "hello world (framework-dependent, JIT)")]
    public int HelloWorld_jit() => Run(_helloWorld);

    [Benchmark(Description = "eks-advisories check-version (installed tool)")]
    public int Installed_tool_check_version() => Run(_tool, "check-version", "v1.12.2-eksbuild.1");

    private static int Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000)) throw new TimeoutException(fileName + " did not exit within 30 s");
        return process.ExitCode;
    }

    private static string InstallTool()
    {
        var command = Path.Combine(WorkFolder, "tool", "eks-advisories");
        if (File.Exists(command)) return command;
        var feed = Path.Combine(WorkFolder, "feed");
        var project = Path.Combine(RepositoryRoot(), "src", "EksAdvisories.Cli");
        Dotnet(WorkFolder, "pack", project, "-c", "Release", "-o", feed, "--artifacts-path", Path.Combine(WorkFolder, "artifacts"));
        Dotnet(WorkFolder, "pack", project, "-c", "Release", "-r", "linux-x64", "-o", feed, "--artifacts-path", Path.Combine(WorkFolder, "artifacts"));
        Dotnet(WorkFolder, "tool", "install", "--tool-path", Path.Combine(WorkFolder, "tool"), "--add-source", feed, "eks-advisories");
        return command;
    }

    private static string BuildHelloWorld()
    {
        var folder = Path.Combine(WorkFolder, "hello");
        var app = Path.Combine(folder, "out", "hello");
        if (File.Exists(app)) return app;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "hello.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine(\"Hello, World!\");\n");
        Dotnet(folder, "build", "-c", "Release", "-o", Path.Combine(folder, "out"));
        return app;
    }

    private static void Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Directory.CreateDirectory(workingDirectory);
        using var process = Process.Start(start)!;
        if (!process.WaitForExit(600_000) || process.ExitCode != 0) throw new InvalidOperationException("dotnet " + string.Join(' ', arguments) + " failed");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EksAdvisories.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("EksAdvisories.sln not found above " + AppContext.BaseDirectory + "; set EKSADVISORIES_TOOL to the installed tool");
    }
}
