using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.EndToEnd.Tests.Readme;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Scripts;

/// <summary>samples/scripts/check-vpc-cni-app.cs, run for real with <c>dotnet run</c> as a .NET 10 file-based app.</summary>
public class FileBasedAppTests
{
    private const string App = "samples/scripts/check-vpc-cni-app.cs";

    // --no-cache: the file-based app's own up-to-date check could otherwise run a build made before the library changed.
    private static Task<ProcessResult> DotnetRun(string[] args, string? stdin = null, bool asDocumented = false) =>
        ChildProcess.RunAsync(Tools.Dotnet, ["run", App, .. asDocumented ? Array.Empty<string>() : ["--no-cache"], "--", .. args],
            RepositoryPaths.Root, TimeSpan.FromMinutes(3), standardInput: stdin);

    private static string[] Lines(ProcessResult run) => run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Affected_version_exits_1_with_a_verdict_line_per_version()
    {
        var run = await DotnetRun(["v1.12.2-eksbuild.1", "v1.12.5"]);
        Assert.True(run.ExitCode == 1, run.Describe());
        var lines = Lines(run);
        Assert.Contains(lines, l => l.StartsWith("v1.12.2-eksbuild.1: Affected (as published: Affected) [EKSA-2023-0001]", StringComparison.Ordinal)
            && l.Contains("Action: Upgrade vpc-cni to v1.12.5 or later", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("v1.12.5: NotAffected (as published: NotAffected)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_affected_version_exits_0_and_stdin_and_k8s_are_honoured()
    {
        var run = await DotnetRun(["--k8s", "1.29"], "v1.12.5\nv1.11.3\n");
        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = Lines(run);
        Assert.Contains(lines, l => l.StartsWith("# EksAdvisories data ", StringComparison.Ordinal) && l.EndsWith(", Kubernetes 1.29", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("v1.11.3: NotAffected (as published: Affected)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_README_example_runs_as_documented()
    {
        var command = ReadmeExamples.Commands(".NET file-based app", "dotnet run " + App)[0];
        var run = await DotnetRun(ReadmeExamples.ArgumentsAfterDashDash(command), asDocumented: true);
        Assert.True(run.ExitCode == 1, command + "\n" + run.Describe());
        Assert.Contains(Lines(run), l => l.StartsWith("v1.12.2-eksbuild.1: Affected", StringComparison.Ordinal));
    }
}
