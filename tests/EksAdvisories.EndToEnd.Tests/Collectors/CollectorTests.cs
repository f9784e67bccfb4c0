using System.Text.Json;
using EksAdvisories.EndToEnd.Tests.Cli;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Ipamd;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>
/// What both node-snapshot collectors must do, run for real against a fake IMDS and introspection endpoint on
/// 127.0.0.1 and fake aws and kubectl executables. Each collector's test class supplies how to run it.
/// </summary>
public abstract class CollectorTests
{
    /// <summary>Runs the collector, writing <paramref name="output"/>, against the given endpoints and fakes.</summary>
    private protected abstract Task<ProcessResult> CollectAsync(string output, string imdsUrl, string ipamdUrl, FakeAwsTools tools, string ipamdLog);

    [Theory]
    [MemberData(nameof(Collector.Examples), MemberType = typeof(Collector))]
    public async Task The_collected_folder_is_the_node_it_was_collected_from(string example)
    {
        var original = Collector.Example(example);
        using var temp = new TemporaryDirectory("collect");
        await using var node = FakeNodeServer.Serve(original);
        var output = temp.Combine("snapshot");

        var run = await CollectAsync(output, node.Url, node.Url, FakeAwsTools.Write(original, temp.Path), Path.Combine(original, "ipamd.log"));

        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- requests ---\n" + node.Log());
        CollectedSnapshot.AssertSameAs(original, output, run, node);

        // The next step the README gives: the console checker says of the collected folder what it says of the original.
        var check = await CliProcess.RunAsync(["check-node", output]);
        var reference = await CliProcess.RunAsync(["check-node", original]);
        Assert.True(check.ExitCode == reference.ExitCode, check.Describe());
        Assert.Equal(CliProcess.Lines(reference.StandardOutput)[1], CliProcess.Lines(check.StandardOutput)[1]);
    }

    [Fact]
    public async Task Optional_parts_the_node_does_not_have_are_left_out()
    {
        using var temp = new TemporaryDirectory("collect-minimal");
        var original = Collector.CopyExample("in-sync", temp.Combine("node"), "aws-node-daemonset.json", "ipamd-env-settings.json", "instance-type.json", "ipamd.log");
        await using var node = FakeNodeServer.Serve(original);
        var output = temp.Combine("snapshot");

        var run = await CollectAsync(output, node.Url, node.Url, FakeAwsTools.Write(original, temp.Path), Path.Combine(original, "ipamd.log"));

        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- requests ---\n" + node.Log());
        CollectedSnapshot.AssertSameAs(original, output, run, node);
    }

    [Fact]
    public async Task Imds_text_with_quotes_backslashes_control_characters_and_a_trailing_newline_is_kept_exactly()
    {
        using var temp = new TemporaryDirectory("collect-escaping");
        var original = Collector.CopyExample("in-sync", temp.Combine("node"));
        var imdsPath = Path.Combine(original, "imds.json");
        var imds = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(imdsPath))!;
        // "mac" is read by both collectors and is free text to them; IMDS never sends this, but a collector must not corrupt whatever it does send.
        imds["mac"] = "02:4f:7a:10:00:01 \"quoted\" back\\slash\ttab\u0001start-of-heading\u001funit é\r\n";
        await File.WriteAllTextAsync(imdsPath, JsonSerializer.Serialize(imds), TestContext.Current.CancellationToken);
        await using var node = FakeNodeServer.Serve(original);
        var output = temp.Combine("snapshot");

        var run = await CollectAsync(output, node.Url, node.Url, FakeAwsTools.Write(original, temp.Path), Path.Combine(original, "ipamd.log"));

        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- requests ---\n" + node.Log());
        CollectedSnapshot.AssertSameImds(original, output, run, node);
    }

    [Fact]
    public async Task Without_an_imds_token_it_falls_back_to_imdsv1()
    {
        var original = Collector.Example("at-risk");
        using var temp = new TemporaryDirectory("collect-v1");
        await using var node = FakeNodeServer.Serve(original, refuseTokens: true);
        var output = temp.Combine("snapshot");

        var run = await CollectAsync(output, node.Url, node.Url, FakeAwsTools.Write(original, temp.Path), Path.Combine(original, "ipamd.log"));

        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- requests ---\n" + node.Log());
        CollectedSnapshot.AssertSameAs(original, output, run, node);
    }

    [Fact]
    public async Task Base_urls_with_a_trailing_slash_work()
    {
        var original = Collector.Example("in-sync");
        using var temp = new TemporaryDirectory("collect-slash");
        await using var node = FakeNodeServer.Serve(original);
        var output = temp.Combine("snapshot");

        var run = await CollectAsync(output, node.Url + "/", node.Url + "/", FakeAwsTools.Write(original, temp.Path), Path.Combine(original, "ipamd.log"));

        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- requests ---\n" + node.Log());
        CollectedSnapshot.AssertSameAs(original, output, run, node);
    }

    [Fact]
    public async Task An_unreachable_imds_exits_1_and_says_what_is_missing()
    {
        var original = Collector.Example("in-sync");
        using var temp = new TemporaryDirectory("collect-noimds");
        await using var node = FakeNodeServer.Serve(original);
        var output = temp.Combine("snapshot");
        var imds = FakeNodeServer.UnreachableUrl();

        var run = await CollectAsync(output, imds, node.Url, FakeAwsTools.Write(original, temp.Path), Path.Combine(original, "ipamd.log"));

        Assert.True(run.ExitCode == 1, run.Describe());
        var said = run.StandardOutput + run.StandardError;
        Assert.True(said.Contains("IMDS: cannot read network/interfaces/macs from " + imds, StringComparison.Ordinal), run.Describe());
        Assert.True(said.Contains("ec2-network-interfaces.json (required) not written", StringComparison.Ordinal), run.Describe());
        // What could be collected still is, for the person to look at.
        Assert.True(File.Exists(Path.Combine(output, "enis.json")), run.Describe());
        var load = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(output));
        Assert.Contains("ec2-network-interfaces.json", load.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_introspection_endpoint_exits_1_and_names_it()
    {
        var original = Collector.Example("in-sync");
        using var temp = new TemporaryDirectory("collect-noipamd");
        await using var node = FakeNodeServer.Serve(original);
        var output = temp.Combine("snapshot");
        var ipamd = FakeNodeServer.UnreachableUrl();

        var run = await CollectAsync(output, node.Url, ipamd, FakeAwsTools.Write(original, temp.Path), Path.Combine(original, "ipamd.log"));

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.True((run.StandardOutput + run.StandardError).Contains("introspection: cannot read " + ipamd + "/v1/enis", StringComparison.Ordinal), run.Describe());
        Assert.False(File.Exists(Path.Combine(output, "enis.json")), run.Describe());
    }
}
