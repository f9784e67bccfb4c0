using System.Text.Json;
using System.Text.Json.Nodes;
using EksAdvisories.EndToEnd.Tests.Cli;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.EndToEnd.Tests.Live;
using EksAdvisories.Ipamd;

namespace EksAdvisories.EndToEnd.Tests.Aot;

/// <summary>
/// The console checker published with NativeAOT: it builds without a single trim or AOT warning, and the native binary
/// answers like the library does under the JIT (versions, and a node snapshot shipped next to it, as text and as JSON).
/// </summary>
public class NativeAotTests : IClassFixture<NativeAotPublish>, IClassFixture<MotoServer>
{
    private readonly NativeAotPublish _aot;
    private readonly MotoServer _moto;

    public NativeAotTests(NativeAotPublish aot, MotoServer moto)
    {
        _aot = aot;
        _moto = moto;
        // Not a skip: a machine that cannot build the native binary fails loudly, with what to install.
        Assert.True(aot.MissingToolchain is null, aot.MissingToolchain);
        Assert.True(aot.Publish!.ExitCode == 0 && File.Exists(aot.Binary), "the NativeAOT publish failed:\n" + aot.Publish.Describe());
    }

    [Fact]
    public void Publish_reports_no_trim_or_aot_warnings()
    {
        Assert.True(_aot.AotWarnings.Count == 0, string.Join("\n", _aot.AotWarnings));
        // The output is a native executable, not a framework-dependent app.
        Assert.False(File.Exists(Path.Combine(_aot.OutputDirectory, "eks-advisories.dll")));
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(_aot.Binary)[..4]);
    }

    [Fact]
    public async Task Check_version_answers_affected_with_exit_1_and_not_affected_with_exit_0()
    {
        var affected = await _aot.Run("check-version", "v1.12.2-eksbuild.1");
        Assert.True(affected.ExitCode == 1, affected.Describe());
        Assert.Contains("v1.12.2-eksbuild.1  EKSA-2023-0001  AFFECTED", affected.StandardOutput);
        Assert.Contains("action: Upgrade vpc-cni to v1.12.5 or later", affected.StandardOutput);

        var fixedVersion = await _aot.Run("check-version", "v1.12.6-eksbuild.2");
        Assert.True(fixedVersion.ExitCode == 0, fixedVersion.Describe());
        Assert.Contains("not affected", fixedVersion.StandardOutput);
    }

    [Fact]
    public async Task Check_node_on_the_shipped_stuck_snapshot_says_stuck_and_its_json_matches_the_library()
    {
        var folder = Path.Combine(_aot.OutputDirectory, "snapshots", "stuck-affected");
        var text = await _aot.Run("check-node", folder);
        Assert.True(text.ExitCode == 1, text.Describe());
        Assert.Contains("IPAMD reconcile check: Stuck", text.StandardOutput);
        Assert.Contains("IPAMD001", text.StandardOutput);

        var json = await _aot.Run("check-node", "--json", folder);
        Assert.True(json.ExitCode == 1, json.Describe());
        var native = JsonNode.Parse(json.StandardOutput)!["nodes"]!.AsArray().Single()!["report"];
        var jit = JsonNode.Parse(IpamdReconcileChecker.Check(NodeSnapshot.Load(folder)).ToJson());
        Assert.Equal("Stuck", (string?)native!["verdict"]);
        Assert.True(JsonNode.DeepEquals(jit, native), "the native binary's report differs from the library's:\n" + json.StandardOutput);
    }

    [Fact]
    public async Task Check_node_live_runs_natively_against_moto_and_the_loopback_node_and_says_what_the_folder_says()
    {
        // The AWS SDK's EC2 calls and the Kubernetes client's reads, NativeAOT-compiled, against real loopback servers.
        using var temp = new TemporaryDirectory("aot-live");
        await using var live = await LiveScenario.StartAsync(_moto, "at-risk", temp);

        var run = await _aot.Run(live.Environment, ["check-node", "--live", .. live.Arguments()]);
        var reference = await CliProcess.RunAsync(["check-node", live.Example, "--kubernetes-version", FakeKubernetesApi.GitVersion]);

        Assert.True(run.ExitCode == 1 && reference.ExitCode == 1, run.Describe() + "\n" + reference.Describe() + "\n" + live.Log());
        Assert.Contains($"live: Kubernetes {FakeKubernetesApi.GitVersion}", run.StandardError, StringComparison.Ordinal);
        Assert.Equal(CliProcess.Lines(reference.StandardOutput).Skip(1), CliProcess.Lines(live.Node.Untranslate(run.StandardOutput)));
    }
}
