using System.Text.Json;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary><c>eks-advisories check-node</c> on the example snapshots and on broken input, run as a process.</summary>
public class CheckNodeTests
{
    /// <summary>Each example snapshot with the verdict it was built to show and the exit code that verdict maps to.</summary>
    public static TheoryData<string, string, int> Examples => new()
    {
        { "in-sync", "InSync", 0 },
        { "stuck-affected", "Stuck", 1 },
        { "stuck-fixed", "Drifted", 0 },
        { "at-risk", "AtRisk", 1 },
        { "prefix-delegation", "Stuck", 1 },
    };

    private static string Example(string name) => RepositoryPaths.Combine("samples", "snapshots", name);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_snapshot_gets_its_verdict_and_exit_code(string name, string verdict, int exitCode)
    {
        var folder = Example(name);

        var run = await CliProcess.RunAsync(["check-node", folder]);

        Assert.True(run.ExitCode == exitCode, run.Describe());
        var lines = CliProcess.Lines(run.StandardOutput);
        Assert.True(lines.Length > 2 && lines[0] == "== " + folder && lines[1] == "IPAMD reconcile check: " + verdict, run.Describe());
    }

    [Fact]
    public async Task Json_output_lists_the_reports_in_argument_order_and_the_worst_exit_code_wins()
    {
        var names = new[] { "in-sync", "stuck-affected", "stuck-fixed", "at-risk", "prefix-delegation" };

        var run = await CliProcess.RunAsync(["check-node", "--json", .. names.Select(Example)]);

        Assert.True(run.ExitCode == 1, run.Describe());
        using var document = JsonDocument.Parse(run.StandardOutput);
        var reports = document.RootElement.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("report")).ToList();
        Assert.Equal(["InSync", "Stuck", "Drifted", "AtRisk", "Stuck"], reports.Select(r => r.GetProperty("verdict").GetString()));
        var stuck = reports[1];
        Assert.Equal("Affected", stuck.GetProperty("advisoryStatus").GetString());
        Assert.Contains(stuck.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "IPAMD001");
        Assert.Empty(reports[0].GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task A_cni_version_override_changes_the_prediction_of_a_stuck_node()
    {
        var run = await CliProcess.RunAsync(["check-node", Example("stuck-affected"), "--cni-version", "v1.12.5"]);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("IPAMD reconcile check: Drifted", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_with_a_broken_enis_json_exits_3_naming_the_folder_and_the_file()
    {
        using var temp = new TemporaryDirectory("cli-broken");
        var folder = temp.Combine("broken");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Example("in-sync"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(folder, "enis.json"), """{"TotalIPs": 14, "ENIs": {"eni-1": """, TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(["check-node", folder]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.True(run.StandardError.Contains(folder + ": enis.json", StringComparison.Ordinal), run.Describe());
    }

    [Fact]
    public async Task A_broken_snapshot_does_not_hide_the_reports_of_the_others()
    {
        using var temp = new TemporaryDirectory("cli-partial");
        var folder = temp.Combine("no-enis");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Example("in-sync"), "imds.json"), Path.Combine(folder, "imds.json"));

        var run = await CliProcess.RunAsync(["check-node", folder, Example("in-sync")]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.True(run.StandardError.Contains("enis.json", StringComparison.Ordinal), run.Describe());
        Assert.True(run.StandardOutput.Contains("IPAMD reconcile check: InSync", StringComparison.Ordinal), run.Describe());
    }

    [Fact]
    public async Task A_missing_folder_exits_3_naming_it()
    {
        using var temp = new TemporaryDirectory("cli-nofolder");
        var folder = temp.Combine("not-collected-yet");

        var run = await CliProcess.RunAsync(["check-node", folder]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.True(run.StandardError.Contains(folder, StringComparison.Ordinal), run.Describe());
    }

    [Fact]
    public async Task An_unknown_option_exits_3_before_any_folder_is_checked()
    {
        var run = await CliProcess.RunAsync(["check-node", "--jsno", Example("in-sync")]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.True(run.StandardError.Contains("Unknown option '--jsno'", StringComparison.Ordinal), run.Describe());
        Assert.True(run.StandardOutput.Length == 0, run.Describe());
    }

    [Fact]
    public async Task No_folder_exits_3()
    {
        var run = await CliProcess.RunAsync(["check-node"]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.True(run.StandardError.Contains("snapshots", StringComparison.Ordinal), run.Describe());
    }

    [Fact]
    public async Task A_horizon_out_of_range_exits_3()
    {
        var run = await CliProcess.RunAsync(["check-node", Example("in-sync"), "--horizon-minutes", "0"]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.True(run.StandardError.Contains("--horizon-minutes", StringComparison.Ordinal), run.Describe());
    }
}
