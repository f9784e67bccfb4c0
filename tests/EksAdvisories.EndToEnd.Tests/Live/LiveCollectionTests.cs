using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAdvisories.Collection;
using EksAdvisories.EndToEnd.Tests.Cli;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Ipamd;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// <c>eks-advisories collect</c> and <c>check-node --live</c> against real parts: moto_server for EC2 (through the AWS
/// SDK and its standard AWS_ENDPOINT_URL setting), a loopback IMDS and introspection endpoint built from moto's state,
/// and a loopback Kubernetes API. prefix-delegation stays with the folder-based tests: moto keeps no Ipv4Prefixes.
/// </summary>
public sealed class LiveCollectionTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Theory]
    [MemberData(nameof(MotoNode.Examples), MemberType = typeof(MotoNode))]
    public async Task Collect_writes_the_example_node_as_the_collectors_would_with_the_same_verdict(string example)
    {
        using var temp = new TemporaryDirectory("live-collect");
        await using var live = await LiveScenario.StartAsync(moto, example, temp);
        var output = temp.Combine("snapshot");

        var run = await CliProcess.RunAsync(["collect", "-o", output, .. live.Arguments()], live.Environment);

        var context = run.Describe() + "\n" + live.Log();
        Assert.True(run.ExitCode == 0, context);
        var expected = Directory.GetFiles(live.Example).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());

        // Node-side parts: exactly what IMDS and introspection served.
        Assert.Equal(ReadImds(Path.Combine(live.NodeSide, "imds.json")), ReadImds(Path.Combine(output, "imds.json")));
        foreach (var verbatim in new[] { "enis.json", "ipamd-env-settings.json" }.Where(f => File.Exists(Path.Combine(live.NodeSide, f))))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(live.NodeSide, verbatim)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(output, verbatim))), $"{verbatim} is not verbatim\n{context}");
        }

        if (File.Exists(Path.Combine(live.NodeSide, "aws-node-daemonset.json")))
        {
            Assert.True(JsonNode.DeepEquals(ParseFile(live.NodeSide, "aws-node-daemonset.json"), ParseFile(output, "aws-node-daemonset.json")), "aws-node-daemonset.json differs\n" + context);
        }

        if (File.Exists(Path.Combine(live.NodeSide, "ipamd.log")))
        {
            Assert.Equal(File.ReadAllLines(Path.Combine(live.NodeSide, "ipamd.log")), File.ReadAllLines(Path.Combine(output, "ipamd.log")));
        }

        // EC2 parts: the AWS CLI's JSON for the same calls against the same moto.
        var cli = await AwsCli.RunAsync(live, "ec2", "describe-network-interfaces", "--filters", $"Name=attachment.instance-id,Values={live.Node.InstanceId}", "--output", "json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli), ParseFile(output, "ec2-network-interfaces.json")),
            $"ec2-network-interfaces.json differs from the AWS CLI's output\n--- aws ---\n{cli}\n--- collected ---\n{File.ReadAllText(Path.Combine(output, "ec2-network-interfaces.json"))}");
        var instanceType = JsonNode.Parse(File.ReadAllText(Path.Combine(live.Example, "imds.json")))!["instance-type"]!.GetValue<string>();
        var cliTypes = await AwsCli.RunAsync(live, "ec2", "describe-instance-types", "--instance-types", instanceType, "--output", "json");
        JsonSubset.AssertContained(ParseFile(output, "instance-type.json"), JsonNode.Parse(cliTypes), "$");

        Assert.Empty(ForbiddenImdsKeys.In(live.Server.Paths));
        Assert.Empty(ForbiddenImdsKeys.In(ReadImds(Path.Combine(output, "imds.json")).Keys));

        var before = IpamdReconcileChecker.Check(NodeSnapshot.Load(live.Example));
        var after = IpamdReconcileChecker.Check(NodeSnapshot.Load(output));
        Assert.True(before.Verdict == after.Verdict, $"verdict {after.Verdict}, the example's is {before.Verdict}\n{context}");
        Assert.Equal(before.Findings.Select(f => f.Code + " " + f.Message), after.Findings.Select(f => f.Code + " " + live.Node.Untranslate(f.Message)));
    }

    [Theory]
    [MemberData(nameof(MotoNode.Examples), MemberType = typeof(MotoNode))]
    public async Task Check_node_live_gives_the_verdict_and_exit_code_of_the_example_folder(string example)
    {
        using var temp = new TemporaryDirectory("live-check");
        await using var live = await LiveScenario.StartAsync(moto, example, temp);

        var run = await CliProcess.RunAsync(["check-node", "--live", .. live.Arguments()], live.Environment);
        // The live check learns the cluster's Kubernetes version from the API server; the folder is told it.
        var reference = await CliProcess.RunAsync(["check-node", live.Example, "--kubernetes-version", FakeKubernetesApi.GitVersion]);

        Assert.True(run.ExitCode == reference.ExitCode, run.Describe() + "\n" + reference.Describe() + "\n" + live.Log());
        Assert.Contains($"live: Kubernetes {FakeKubernetesApi.GitVersion} (from the API server's /version)", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(CliProcess.Lines(reference.StandardOutput).Skip(1), CliProcess.Lines(live.Node.Untranslate(run.StandardOutput)));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("junit")]
    [InlineData("markdown")]
    public async Task Check_node_live_writes_every_format_check_node_writes_for_a_folder(string format)
    {
        using var temp = new TemporaryDirectory("live-format");
        await using var live = await LiveScenario.StartAsync(moto, "at-risk", temp);

        var run = await CliProcess.RunAsync(["check-node", "--live", "--format", format, .. live.Arguments()], live.Environment);
        var reference = await CliProcess.RunAsync(["check-node", live.Example, "--format", format, "--kubernetes-version", FakeKubernetesApi.GitVersion]);

        Assert.True(run.ExitCode == 1 && reference.ExitCode == 1, run.Describe() + "\n" + reference.Describe());
        // The same document but for the node's name (the folder, or "live") and moto's ids.
        // (SARIF writes a folder as a file URI, the live node as the relative URI "live").
        var expected = reference.StandardOutput.Replace(new Uri(live.Example).AbsoluteUri, "live", StringComparison.Ordinal).Replace(live.Example, "live", StringComparison.Ordinal);
        var actual = live.Node.Untranslate(run.StandardOutput);
        if (format is "json" or "sarif")
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"--- folder ---\n{expected}\n--- live ---\n{actual}");
        }
        else
        {
            Assert.Equal(CliProcess.Lines(expected), CliProcess.Lines(actual));
        }
    }

    [Fact]
    public async Task Without_an_imds_token_it_falls_back_to_imdsv1()
    {
        using var temp = new TemporaryDirectory("live-v1");
        await using var live = await LiveScenario.StartAsync(moto, "at-risk", temp, refuseTokens: true);
        var output = temp.Combine("snapshot");

        var run = await CliProcess.RunAsync(["collect", "-o", output, .. live.Arguments()], live.Environment);

        Assert.True(run.ExitCode == 0, run.Describe() + "\n" + live.Log());
        Assert.Contains("PUT /latest/api/token -> 403", live.Server.Requests);
        Assert.Equal(ReadImds(Path.Combine(live.NodeSide, "imds.json")), ReadImds(Path.Combine(output, "imds.json")));
        Assert.Equal(IpamdReconcileChecker.Check(NodeSnapshot.Load(live.Example)).Verdict, IpamdReconcileChecker.Check(NodeSnapshot.Load(output)).Verdict);
    }

    [Fact]
    public async Task Imds_down_names_imds_and_the_parts_that_needed_it_and_exits_2_in_time()
    {
        using var temp = new TemporaryDirectory("live-noimds");
        await using var live = await LiveScenario.StartAsync(moto, "in-sync", temp);
        var output = temp.Combine("snapshot");
        var imds = LoopbackHttpServer.UnreachableUrl();

        var (collect, check) = await CollectAndCheckAsync(live, output, imdsUrl: imds);

        foreach (var run in new[] { collect, check })
        {
            Assert.True(run.ExitCode == 2, run.Describe());
            Assert.Contains("imds.json (required): IMDS could not be read: Connection refused; needs IMDS reachable from this process", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("ec2-network-interfaces.json (required): the instance id is unknown (IMDS gave none)", run.StandardError, StringComparison.Ordinal);
        }

        Assert.Contains("live: the node cannot be checked without imds.json, ec2-network-interfaces.json (verdict Unknown)", check.StandardError, StringComparison.Ordinal);
        // What could be collected still is.
        Assert.True(File.Exists(Path.Combine(output, "enis.json")), collect.Describe());
        Assert.False(File.Exists(Path.Combine(output, "imds.json")), collect.Describe());
    }

    [Fact]
    public async Task Introspection_refused_names_the_endpoint_and_exits_2_in_time()
    {
        using var temp = new TemporaryDirectory("live-noipamd");
        await using var live = await LiveScenario.StartAsync(moto, "in-sync", temp);
        var output = temp.Combine("snapshot");
        var ipamd = LoopbackHttpServer.UnreachableUrl();

        var (collect, check) = await CollectAndCheckAsync(live, output, ipamdUrl: ipamd);

        foreach (var run in new[] { collect, check })
        {
            Assert.True(run.ExitCode == 2, run.Describe());
            Assert.Contains($"enis.json (required): the introspection endpoint could not be read: Connection refused; needs aws-node running on this node", run.StandardError, StringComparison.Ordinal);
        }

        Assert.Contains("live: the node cannot be checked without enis.json (verdict Unknown)", check.StandardError, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "imds.json")) && File.Exists(Path.Combine(output, "ec2-network-interfaces.json")), collect.Describe());
    }

    [Fact]
    public async Task Ec2_unauthorized_operation_names_the_missing_permission_and_exits_2_in_time()
    {
        using var temp = new TemporaryDirectory("live-unauthorized");
        await using var proxy = new Ec2FaultProxy(moto.Url, "DescribeNetworkInterfaces");
        await using var live = await LiveScenario.StartAsync(moto, "in-sync", temp, ec2Endpoint: proxy.Url);
        var output = temp.Combine("snapshot");

        var (collect, check) = await CollectAndCheckAsync(live, output);

        foreach (var run in new[] { collect, check })
        {
            Assert.True(run.ExitCode == 2, run.Describe() + "\n" + proxy.Log());
            Assert.Contains("ec2-network-interfaces.json (required): EC2 refused DescribeNetworkInterfaces (UnauthorizedOperation: You are not authorized to perform this operation.", run.StandardError, StringComparison.Ordinal);
            Assert.Contains("; needs the IAM permission ec2:DescribeNetworkInterfaces", run.StandardError, StringComparison.Ordinal);
        }

        // The other EC2 call went through the proxy to moto.
        Assert.True(File.Exists(Path.Combine(output, "instance-type.json")), collect.Describe() + "\n" + proxy.Log());
        Assert.False(File.Exists(Path.Combine(output, "ec2-network-interfaces.json")), collect.Describe());
    }

    [Fact]
    public async Task Kubernetes_unreachable_names_the_api_server_and_still_collects_the_rest()
    {
        using var temp = new TemporaryDirectory("live-nokube");
        var unreachable = LoopbackHttpServer.UnreachableUrl();
        await using var live = await LiveScenario.StartAsync(moto, "in-sync", temp, kubernetesUrl: unreachable);
        var output = temp.Combine("snapshot");

        var (collect, check) = await CollectAndCheckAsync(live, output);

        Assert.True(collect.ExitCode == 0, collect.Describe());
        Assert.Contains($"aws-node-daemonset.json: the API server could not be reached: Connection refused", collect.StandardError, StringComparison.Ordinal);
        Assert.Contains($"(source: Kubernetes API apps/v1 daemonsets kube-system/aws-node at {unreachable}", collect.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "aws-node-daemonset.json")), collect.Describe());
        // Without the DaemonSet nothing gives the CNI version: the checker's rule for that part decides, as for a folder.
        var folder = await CliProcess.RunAsync(["check-node", output]);
        Assert.True(check.ExitCode == folder.ExitCode, check.Describe() + "\n" + folder.Describe());
    }

    /// <summary>Runs collect and check-node --live with the same endpoints; both must end within the collection's bound.</summary>
    private static async Task<(ProcessResult Collect, ProcessResult Check)> CollectAndCheckAsync(LiveScenario live, string output, string? imdsUrl = null, string? ipamdUrl = null)
    {
        var bound = NodeCollectionOptions.Default.MaximumDuration + TimeSpan.FromSeconds(15);
        var watch = Stopwatch.StartNew();
        var collect = await CliProcess.RunAsync(["collect", "-o", output, .. live.Arguments(imdsUrl, ipamdUrl)], live.Environment);
        Assert.True(watch.Elapsed < bound, $"collect took {watch.Elapsed.TotalSeconds:0.0} s, over {bound.TotalSeconds:0} s\n{collect.Describe()}");
        watch.Restart();
        var check = await CliProcess.RunAsync(["check-node", "--live", .. live.Arguments(imdsUrl, ipamdUrl)], live.Environment);
        Assert.True(watch.Elapsed < bound, $"check-node --live took {watch.Elapsed.TotalSeconds:0.0} s, over {bound.TotalSeconds:0} s\n{check.Describe()}");
        return (collect, check);
    }

    private static Dictionary<string, string> ReadImds(string path) => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];

    private static JsonNode? ParseFile(string folder, string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file)));
}
