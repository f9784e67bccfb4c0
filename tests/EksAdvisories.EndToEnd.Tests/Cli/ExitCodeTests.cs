using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary>
/// The documented exit codes: 0 nothing found, 1 a finding, 2 Unknown, 3 usage error or unreadable input; the order
/// 3 &gt; 1 &gt; 2 &gt; 0 over several inputs; <c>--fail-on</c>. 0/1/2 is the node-problem-detector custom-plugin
/// convention (OK / NonOK / Unknown), which these tests pin for check-node.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("cli-exit");

    private static string Example(string name) => RepositoryPaths.Combine("samples", "snapshots", name);

    /// <summary>The stuck-affected snapshot without cni-version.txt: the behaviours disagree and nothing says which runs, so Unknown.</summary>
    private string UnknownSnapshot()
    {
        var folder = _temp.Combine("no-version");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Example("stuck-affected")).Where(f => Path.GetFileName(f) != "cni-version.txt"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("in-sync", 0, "OK")]
    [InlineData("stuck-fixed", 0, "OK")]
    [InlineData("stuck-affected", 1, "NonOK")]
    [InlineData("at-risk", 1, "NonOK")]
    public async Task Check_node_exit_codes_are_the_node_problem_detector_plugin_status(string example, int exitCode, string pluginStatus)
    {
        var run = await CliProcess.RunAsync(["check-node", Example(example)]);

        Assert.True(run.ExitCode == exitCode, $"{example} should be {pluginStatus}: {run.Describe()}");
    }

    [Fact]
    public async Task An_unknown_node_exits_2_which_node_problem_detector_reads_as_Unknown()
    {
        var run = await CliProcess.RunAsync(["check-node", UnknownSnapshot()]);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("IPAMD reconcile check: Unknown", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_input_outranks_a_finding()
    {
        var run = await CliProcess.RunAsync(["check-node", Example("stuck-affected"), _temp.Combine("not-collected")]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("IPAMD reconcile check: Stuck", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finding_outranks_an_unknown_node()
    {
        var run = await CliProcess.RunAsync(["check-node", UnknownSnapshot(), Example("stuck-affected")]);

        Assert.True(run.ExitCode == 1, run.Describe());
    }

    [Fact]
    public async Task An_unknown_node_outranks_one_in_sync()
    {
        var run = await CliProcess.RunAsync(["check-node", Example("in-sync"), UnknownSnapshot()]);

        Assert.True(run.ExitCode == 2, run.Describe());
    }

    [Theory]
    [InlineData("drifted", "stuck-fixed", 1)]
    [InlineData("stuck", "at-risk", 0)]
    [InlineData("at-risk", "at-risk", 1)]
    [InlineData("none", "stuck-affected", 0)]
    [InlineData("Stuck, AT-RISK", "stuck-affected", 1)]
    public async Task Fail_on_says_which_node_verdicts_are_findings(string failOn, string example, int exitCode)
    {
        var run = await CliProcess.RunAsync(["check-node", "--fail-on", failOn, Example(example)]);

        Assert.True(run.ExitCode == exitCode, run.Describe());
    }

    [Fact]
    public async Task Unknown_stays_2_whatever_fail_on_says()
    {
        var node = await CliProcess.RunAsync(["check-node", "--fail-on", "none", UnknownSnapshot()]);
        var version = await CliProcess.RunAsync(["check-version", "--fail-on", "none", "latest"]);

        Assert.True(node.ExitCode == 2, node.Describe());
        Assert.True(version.ExitCode == 2, version.Describe());
    }

    [Theory]
    [InlineData("affected", 1)]
    [InlineData("stuck,at-risk", 0)]
    [InlineData("none", 0)]
    public async Task Fail_on_says_whether_an_affected_version_is_a_finding(string failOn, int exitCode)
    {
        var run = await CliProcess.RunAsync(["check-version", "--fail-on", failOn, "v1.12.2-eksbuild.1"]);

        Assert.True(run.ExitCode == exitCode, run.Describe());
        Assert.Contains("AFFECTED", run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check-version", "v1.12.2")]
    [InlineData("check-node", "samples/snapshots/in-sync")]
    public async Task A_fail_on_value_that_is_no_verdict_is_a_usage_error_naming_it(string command, string input)
    {
        var run = await CliProcess.RunAsync([command, "--fail-on", "affected,broken", input]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("--fail-on: 'broken'", run.StandardError, StringComparison.Ordinal);
        Assert.True(run.StandardOutput.Length == 0, run.Describe());
    }

    [Theory]
    [InlineData("check-version")]
    [InlineData("check-node")]
    public async Task Help_documents_the_exit_codes_and_fail_on(string command)
    {
        var run = await CliProcess.RunAsync([command, "--help"]);

        Assert.True(run.ExitCode == 0, run.Describe());
        var help = string.Join(' ', run.StandardOutput.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("0 nothing found; 1 a finding (see --fail-on); 2 cannot be judged (Unknown); 3 usage error or unreadable input", help, StringComparison.Ordinal);
        Assert.Contains("--fail-on", help, StringComparison.Ordinal);
    }
}
