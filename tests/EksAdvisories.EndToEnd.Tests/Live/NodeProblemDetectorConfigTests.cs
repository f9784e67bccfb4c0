using System.Globalization;
using System.Text.Json.Nodes;
using EksAdvisories.Collection;
using EksAdvisories.EndToEnd.Tests.Cli;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// samples/node-problem-detector/ipamd-reconcile-monitor.json: its plugin command is one the tool accepts, its
/// timeouts leave room for the longest live collection, and the command's exit codes on real (loopback and moto)
/// nodes are node-problem-detector's 0 OK / 1 NonOK / 2 Unknown for in-sync, at-risk and uncollectable nodes.
/// </summary>
public sealed class NodeProblemDetectorConfigTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly JsonNode Config = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("samples", "node-problem-detector", "ipamd-reconcile-monitor.json")))!;

    private static JsonNode Rule => Config["rules"]!.AsArray().Single()!;

    private static string[] Arguments => Rule["args"]!.AsArray().Select(a => (string)a!).ToArray();

    [Fact]
    public void The_rule_runs_check_node_live_with_text_output_and_sets_the_declared_condition()
    {
        Assert.Equal("custom", (string?)Config["plugin"]);
        Assert.Equal("eks-advisories", Path.GetFileName((string)Rule["path"]!));
        Assert.Equal(["check-node", "--live", "--format", "text"], Arguments);
        Assert.Equal("permanent", (string?)Rule["type"]);
        var condition = (string)Rule["condition"]!;
        Assert.Contains(Config["conditions"]!.AsArray(), c => (string?)c!["type"] == condition);
    }

    [Fact]
    public void The_timeouts_leave_room_for_the_longest_live_collection()
    {
        // The check after the collection takes milliseconds; 30 s covers a cold start of the tool on a busy node.
        var needed = NodeCollectionOptions.Default.MaximumDuration + TimeSpan.FromSeconds(30);
        var ruleTimeout = Duration((string)Rule["timeout"]!);
        var pluginTimeout = Duration((string)Config["pluginConfig"]!["timeout"]!);
        var interval = Duration((string)Config["pluginConfig"]!["invoke_interval"]!);
        Assert.True(ruleTimeout >= needed, $"the rule's timeout {ruleTimeout} is under the collection's bound {needed}");
        Assert.True(pluginTimeout >= ruleTimeout, $"the plugin timeout {pluginTimeout} is under the rule's {ruleTimeout}");
        Assert.True(interval > pluginTimeout, $"the invoke interval {interval} would start a run before the last one timed out ({pluginTimeout})");
    }

    [Theory]
    [InlineData("in-sync", false, 0)]
    [InlineData("at-risk", false, 1)]
    [InlineData("in-sync", true, 2)]
    public async Task The_command_exits_with_the_plugin_status_of_the_node(string example, bool imdsDown, int expectedExit)
    {
        using var temp = new TemporaryDirectory("npd");
        await using var live = await LiveScenario.StartAsync(moto, example, temp);

        var run = await CliProcess.RunAsync([.. Arguments, .. live.Arguments(imdsUrl: imdsDown ? LoopbackHttpServer.UnreachableUrl() : null)], live.Environment);

        Assert.True(run.ExitCode == expectedExit, run.Describe() + "\n" + live.Log());
        // node-problem-detector keeps the start of the output as the condition's message: the verdict comes first.
        var maxOutput = (int)Config["pluginConfig"]!["max_output_length"]!;
        var message = run.StandardOutput[..Math.Min(run.StandardOutput.Length, maxOutput)];
        Assert.True(message.StartsWith("IPAMD reconcile check: ", StringComparison.Ordinal), run.Describe());
        if (imdsDown) Assert.Contains("IPAMD reconcile check: Unknown (could not collect imds.json, ec2-network-interfaces.json", message, StringComparison.Ordinal);
    }

    /// <summary>A Go duration as node-problem-detector writes them ("30s", "5m", "1h").</summary>
    private static TimeSpan Duration(string text)
    {
        var value = double.Parse(text[..^1], CultureInfo.InvariantCulture);
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => throw new FormatException($"'{text}' is not a duration this test reads"),
        };
    }
}
