using System.Text.Json;
using System.Text.Json.Nodes;
using EksAdvisories.EndToEnd.Tests.Cli;
using EksAdvisories.EndToEnd.Tests.Collectors;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Ipamd;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// samples/collect-node-snapshot.sh and .ps1 with the real AWS CLI (against moto) and the real kubectl (against the
/// loopback Kubernetes API), and <c>eks-advisories collect</c> against the same servers: the folders hold the same
/// parts, and the checker says the same of them as of the example. Only the examples whose CNI version comes from the
/// DaemonSet: the scripts never write cni-version.txt.
/// </summary>
public sealed class LiveCollectorScriptTests(MotoServer moto) : IClassFixture<MotoServer>
{
    public static TheoryData<string, string> Runs => new()
    {
        { "bash", "in-sync" },
        { "bash", "at-risk" },
        { "pwsh", "in-sync" },
        { "pwsh", "at-risk" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task The_collector_script_with_the_real_aws_and_kubectl_writes_what_collect_writes(string shell, string example)
    {
        using var temp = new TemporaryDirectory("live-script");
        await using var live = await LiveScenario.StartAsync(moto, example, temp);
        var scripted = temp.Combine("scripted");
        var collected = temp.Combine("collected");

        var script = shell == "bash"
            ? await Collector.RunShellAsync(scripted, live.Server.Url, live.Server.Url, AwsCli.Path, AwsCli.Kubectl, live.LogPath, live.Environment)
            : await Collector.RunPowerShellAsync(scripted, live.Server.Url, live.Server.Url, AwsCli.Path, AwsCli.Kubectl, live.LogPath, live.Environment);
        var tool = await CliProcess.RunAsync(["collect", "-o", collected, .. live.Arguments()], live.Environment);

        var context = script.Describe() + "\n" + tool.Describe() + "\n" + live.Log();
        Assert.True(script.ExitCode == 0 && tool.ExitCode == 0, context);
        var files = Directory.GetFiles(scripted).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(collected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(ReadImds(scripted), ReadImds(collected));
        foreach (var json in new[] { "enis.json", "ipamd-env-settings.json", "ec2-network-interfaces.json", "aws-node-daemonset.json" }.Where(files.Contains))
        {
            Assert.True(JsonNode.DeepEquals(Parse(scripted, json), Parse(collected, json)), $"{json} differs\n--- script ---\n{File.ReadAllText(Path.Combine(scripted, json))}\n--- collect ---\n{File.ReadAllText(Path.Combine(collected, json))}");
        }

        // The tool keeps the instance type's name and network facts, the part the checker reads, of what the CLI prints.
        JsonSubset.AssertContained(Parse(collected, "instance-type.json"), Parse(scripted, "instance-type.json"), "$");
        Assert.Equal(File.ReadAllLines(Path.Combine(scripted, "ipamd.log")), File.ReadAllLines(Path.Combine(collected, "ipamd.log")));

        var original = IpamdReconcileChecker.Check(NodeSnapshot.Load(live.Example));
        foreach (var folder in new[] { scripted, collected })
        {
            var report = IpamdReconcileChecker.Check(NodeSnapshot.Load(folder));
            Assert.True(original.Verdict == report.Verdict, $"{folder}: verdict {report.Verdict}, the example's {original.Verdict}\n{context}");
            Assert.Equal(original.Findings.Select(f => f.Code + " " + f.Message), report.Findings.Select(f => f.Code + " " + live.Node.Untranslate(f.Message)));
        }
    }

    private static Dictionary<string, string> ReadImds(string folder) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(folder, "imds.json"))) ?? [];

    private static JsonNode? Parse(string folder, string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, file)));
}
