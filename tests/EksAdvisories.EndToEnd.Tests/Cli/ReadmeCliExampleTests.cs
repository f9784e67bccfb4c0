using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.EndToEnd.Tests.Readme;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary>The README's "Console checker" section: its commands run, and its example output is what the tool prints.</summary>
public class ReadmeCliExampleTests
{
    private const string Section = "Console checker";
    private const string Prefix = "dotnet run --project src/EksAdvisories.Cli";

    [Fact]
    public async Task Every_command_in_the_section_runs_and_none_is_bad_input()
    {
        foreach (var command in ReadmeExamples.Commands(Section, Prefix))
        {
            var run = await CliProcess.RunAsync(ReadmeExamples.ArgumentsAfterDashDash(command));

            Assert.True(run.ExitCode is 0 or 1 && run.StandardOutput.Length > 0, command + "\n" + run.Describe());
        }
    }

    [Fact]
    public async Task The_example_output_is_what_the_first_command_prints()
    {
        var arguments = ReadmeExamples.ArgumentsAfterDashDash(ReadmeExamples.Commands(Section, Prefix)[0]);
        Assert.Equal(["check-version", "v1.12.2-eksbuild.1", "--k8s", "1.27"], arguments);
        Assert.Contains("`check-version v1.12.2-eksbuild.1 --k8s 1.27` exits 1", ReadmeExamples.Section(Section), StringComparison.Ordinal);

        var run = await CliProcess.RunAsync(arguments);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Equal(ReadmeExamples.CodeBlock(Section, "text").Split('\n'), run.StandardOutput.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task The_first_command_runs_as_documented_with_dotnet_run()
    {
        var command = ReadmeExamples.Commands(Section, Prefix)[0];
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var run = await ChildProcess.RunAsync(Tools.Dotnet, words[1..], RepositoryPaths.Root, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 1, command + "\n" + run.Describe());
        Assert.Contains("v1.12.2-eksbuild.1  EKSA-2023-0001  AFFECTED", run.StandardOutput, StringComparison.Ordinal);
    }
}
