using System.Xml.Linq;
using EksAdvisories.EndToEnd.Tests.Readme;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Scripts;

/// <summary>samples/scripts/check-vpc-cni.csx, run through the Roslyn scripting API as dotnet-script would run it.</summary>
public class CsxScriptTests
{
    private static readonly string Script = RepositoryPaths.Combine("samples", "scripts", "check-vpc-cni.csx");

    private static async Task<CsxRun> Run(string[] args, string? stdin = null)
    {
        var run = await CsxScriptRunner.RunAsync(Script, args, stdin);
        Assert.True(run.ExitCode is not null, "the script did not compile:\n" + run.Describe());
        return run;
    }

    [Fact]
    public async Task Script_compiles_without_warnings_and_asks_for_the_current_package_version()
    {
        var run = await Run(["v1.12.5"]);
        Assert.True(run.Diagnostics.Count == 0, run.Describe());
        var props = XDocument.Load(RepositoryPaths.Combine("Directory.Build.props"));
        var versionPrefix = props.Descendants("VersionPrefix").Single().Value;
        Assert.Equal([("EksAdvisories", versionPrefix)], run.Packages);
    }

    [Fact]
    public async Task An_affected_version_makes_the_exit_code_1_and_every_version_gets_a_line()
    {
        var run = await Run(["v1.12.2-eksbuild.1", "v1.12.5"]);
        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains(run.Lines, l => l.StartsWith("v1.12.2-eksbuild.1: Affected (as published: Affected) [EKSA-2023-0001]", StringComparison.Ordinal)
            && l.Contains("Action: Upgrade vpc-cni to v1.12.5 or later", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("v1.12.5: NotAffected (as published: NotAffected) [EKSA-2023-0001]", StringComparison.Ordinal));
        Assert.StartsWith("# EksAdvisories data " + AdvisoryCatalog.Default.DataVersion, run.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_affected_version_exits_0_and_shows_where_the_published_range_was_wrong()
    {
        var run = await Run(["v1.12.5", "v1.11.3"]);
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains(run.Lines, l => l.StartsWith("v1.11.3: NotAffected (as published: Affected)", StringComparison.Ordinal)
            && l.Contains("wrongly lists it as affected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v1.12")]
    [InlineData("not a version")]
    public async Task A_version_that_cannot_be_judged_exits_2(string version)
    {
        var run = await Run([version, "v1.12.5"]);
        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains(run.Lines, l => l.StartsWith(version + ": Unknown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Versions_come_from_standard_input_when_no_argument_names_one()
    {
        var run = await Run(["--k8s", "1.25"], "# from kubectl\n\n  602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.11.5-eksbuild.1  \nv1.13.0\n");
        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains(run.Lines, l => l.StartsWith("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.11.5-eksbuild.1: Affected", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => l.StartsWith("v1.13.0: NotAffected", StringComparison.Ordinal));
        Assert.Equal(3, run.Lines.Length);
    }

    [Theory]
    [InlineData("1.27", "Do not roll back")]
    [InlineData("1.24", "rolling back to v1.11.3 avoids the defect")]
    public async Task The_mitigation_is_offered_only_where_the_Kubernetes_version_allows_it(string kubernetes, string expected)
    {
        var run = await Run(["v1.12.0-eksbuild.1", "--k8s", kubernetes]);
        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains(expected, run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--k8s")]
    [InlineData("--k8s=banana")]
    [InlineData("--unknown-option")]
    public async Task Bad_arguments_exit_2_with_a_message(string argument)
    {
        var run = await Run(["v1.12.2", argument]);
        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.False(string.IsNullOrWhiteSpace(run.StandardError), run.Describe());
    }

    [Fact]
    public async Task The_README_example_runs_as_documented()
    {
        var command = ReadmeExamples.Commands("dotnet-script", "dotnet script samples/scripts/check-vpc-cni.csx")[0];
        var run = await Run(ReadmeExamples.ArgumentsAfterDashDash(command));
        Assert.True(run.ExitCode == 1, command + "\n" + run.Describe());
        Assert.Contains(run.Lines, l => l.StartsWith("v1.12.2-eksbuild.1: Affected", StringComparison.Ordinal));
    }
}
