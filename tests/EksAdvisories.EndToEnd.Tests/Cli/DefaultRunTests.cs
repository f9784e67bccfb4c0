namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary><c>eks-advisories</c> with no command, with <c>--help</c> and with a command it does not know.</summary>
public class DefaultRunTests
{
    [Fact]
    public async Task No_arguments_shows_the_advisory_and_the_verdict_of_each_bundled_example()
    {
        // From a folder other than the repository: the examples travel with the tool, not with the working directory.
        var run = await CliProcess.RunAsync([], workingDirectory: Path.GetTempPath());

        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = CliProcess.Lines(run.StandardOutput);
        Assert.StartsWith("EKSA-2023-0001 (revision ", lines[0], StringComparison.Ordinal);
        var verdicts = lines.SkipWhile(l => !l.StartsWith("The reference checker on the bundled example snapshots", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("Next:", StringComparison.Ordinal))
            .Select(l => l.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(w => w[0], w => w[1]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["at-risk"] = "AtRisk", ["in-sync"] = "InSync", ["prefix-delegation"] = "Stuck", ["stuck-affected"] = "Stuck", ["stuck-fixed"] = "Drifted",
            },
            verdicts);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_the_commands_and_exits_0(string flag)
    {
        var run = await CliProcess.RunAsync([flag]);

        Assert.True(run.ExitCode == 0, run.Describe());
        foreach (var command in new[] { "check-version", "check-node", "show" })
        {
            Assert.True(run.StandardOutput.Contains(command, StringComparison.Ordinal), run.Describe());
        }
    }

    [Fact]
    public async Task An_unknown_command_exits_3()
    {
        var run = await CliProcess.RunAsync(["check-everything"]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("check-everything", run.StandardError, StringComparison.Ordinal);
    }
}
