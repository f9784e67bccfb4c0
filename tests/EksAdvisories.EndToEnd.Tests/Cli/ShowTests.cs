using System.Text.Json;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary><c>eks-advisories show</c> in each format, run as a process.</summary>
public class ShowTests
{
    [Fact]
    public async Task Text_is_the_summary_and_is_the_default()
    {
        var run = await CliProcess.RunAsync(["show"]);

        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = CliProcess.Lines(run.StandardOutput);
        Assert.StartsWith("EKSA-2023-0001 (revision ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("fixed in:     v1.12.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_is_the_whole_advisory_with_the_fixed_release()
    {
        var run = await CliProcess.RunAsync(["show", "--format", "markdown"]);

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.StartsWith("# EKSA-2023-0001: ", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("v1.12.5", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("## Affected versions", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_the_data_format()
    {
        var run = await CliProcess.RunAsync(["show", "--format", "json", "--id", "EKSA-2023-0001"]);

        Assert.True(run.ExitCode == 0, run.Describe());
        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("EKSA-2023-0001", document.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Osv_is_an_osv_record_with_the_prefixed_id()
    {
        var run = await CliProcess.RunAsync(["show", "--format", "osv"]);

        Assert.True(run.ExitCode == 0, run.Describe());
        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("x_EKSA-2023-0001", document.RootElement.GetProperty("id").GetString());
        var events = document.RootElement.GetProperty("affected")[0].GetProperty("ranges")[0].GetProperty("events");
        Assert.Contains(events.EnumerateArray(), e => e.TryGetProperty("fixed", out var f) && f.GetString() == "1.12.5");
    }

    [Fact]
    public async Task An_unknown_format_exits_3_naming_it()
    {
        var run = await CliProcess.RunAsync(["show", "--format", "yaml"]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("'yaml'", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_exits_3_listing_the_known_ones()
    {
        var run = await CliProcess.RunAsync(["show", "--id", "EKSA-1999-0001"]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("known ids: EKSA-2023-0001", run.StandardError, StringComparison.Ordinal);
    }
}
