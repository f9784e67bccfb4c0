using System.Text.Json;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary><c>eks-advisories check-version</c>, run as a process: verdicts, exit codes, JSON, files and standard input.</summary>
public class CheckVersionTests
{
    private static Task<ProcessResult> Run(params string[] args) => CliProcess.RunAsync(["check-version", .. args]);

    [Fact]
    public async Task An_affected_add_on_build_exits_1_with_the_upgrade_to_make()
    {
        var run = await Run("v1.12.2-eksbuild.1");

        Assert.True(run.ExitCode == 1, run.Describe());
        var lines = CliProcess.Lines(run.StandardOutput);
        Assert.True(lines[0] == "v1.12.2-eksbuild.1  EKSA-2023-0001  AFFECTED", run.Describe());
        Assert.Contains(lines, l => l.StartsWith("action: Upgrade vpc-cni to v1.12.5 or later.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fixed_versions_exit_0()
    {
        var run = await Run("v1.12.5", "v1.12.6-eksbuild.2", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.13.0");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(3, CliProcess.Lines(run.StandardOutput).Count(l => l.EndsWith("EKSA-2023-0001  not affected", StringComparison.Ordinal)));
        Assert.DoesNotContain("action:", run.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("garbage")]
    [InlineData("v1.12")]
    public async Task A_version_that_cannot_be_judged_exits_2_and_quotes_the_input(string input)
    {
        var run = await Run(input);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.True((run.StandardOutput + run.StandardError).Contains($"'{input}'", StringComparison.Ordinal), run.Describe());
        Assert.Contains("UNKNOWN", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_affected_version_outranks_an_unknown_one()
    {
        var run = await Run("latest", "v1.12.2");

        Assert.True(run.ExitCode == 1, run.Describe());
    }

    [Fact]
    public async Task Kubernetes_1_27_withholds_the_rollback_that_1_24_offers()
    {
        var on127 = await Run("v1.12.0-eksbuild.1", "--k8s", "1.27");
        var on125 = await Run("v1.12.0-eksbuild.1", "--k8s", "1.24");

        Assert.True(on127.ExitCode == 1, on127.Describe());
        Assert.True(on127.StandardOutput.Contains("Do not roll back to v1.11.3: v1.11.3 is below v1.12.5, upstream's oldest recommended version for Kubernetes 1.27", StringComparison.Ordinal), on127.Describe());
        Assert.True(on125.ExitCode == 1, on125.Describe());
        Assert.True(on125.StandardOutput.Contains("v1.11.3", StringComparison.Ordinal) && !on125.StandardOutput.Contains("Do not roll back", StringComparison.Ordinal), on125.Describe());
    }

    [Fact]
    public async Task Json_output_has_one_verdict_per_input_and_the_withheld_mitigation()
    {
        var run = await Run("--json", "--k8s", "1.27", "v1.12.2-eksbuild.1", "v1.12.5", "latest");

        Assert.True(run.ExitCode == 1, run.Describe());
        using var document = JsonDocument.Parse(run.StandardOutput);
        var root = document.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("dataVersion").GetString()), run.StandardOutput);
        var verdicts = root.GetProperty("verdicts").EnumerateArray().ToList();
        Assert.Equal(["v1.12.2-eksbuild.1", "v1.12.5", "latest"], verdicts.Select(v => v.GetProperty("input").GetString()));
        Assert.Equal(["Affected", "NotAffected", "Unknown"], verdicts.Select(v => v.GetProperty("status").GetString()));
        Assert.All(verdicts, v => Assert.Equal("EKSA-2023-0001", v.GetProperty("advisoryId").GetString()));

        var affected = verdicts[0];
        Assert.Equal("v1.12.2-eksbuild.1", affected.GetProperty("version").GetString());
        var action = affected.GetProperty("action");
        Assert.Equal("v1.12.5", action.GetProperty("upgradeTo").GetString());
        Assert.Equal(JsonValueKind.Null, action.GetProperty("mitigationTarget").ValueKind);
        Assert.Contains("2321", action.GetProperty("mitigationWithheldReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, verdicts[1].GetProperty("action").ValueKind);
        Assert.Equal(JsonValueKind.Null, verdicts[2].GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task Json_output_without_kubernetes_offers_the_rollback()
    {
        var run = await Run("--json", "v1.12.0");

        Assert.True(run.ExitCode == 1, run.Describe());
        using var document = JsonDocument.Parse(run.StandardOutput);
        var action = document.RootElement.GetProperty("verdicts")[0].GetProperty("action");
        Assert.Equal("v1.11.3", action.GetProperty("mitigationTarget").GetString());
        Assert.Equal(JsonValueKind.Null, action.GetProperty("mitigationWithheldReason").ValueKind);
    }

    [Fact]
    public async Task A_describe_addon_document_is_read_from_a_file()
    {
        using var folder = new TemporaryDirectory("cli-addon");
        var path = folder.Combine("describe-addon.json");
        await File.WriteAllTextAsync(path, """
            {
                "addon": {
                    "addonName": "vpc-cni",
                    "clusterName": "my-cluster",
                    "status": "ACTIVE",
                    "addonVersion": "v1.12.2-eksbuild.1",
                    "health": { "issues": [] },
                    "addonArn": "arn:aws:eks:us-west-2:111122223333:addon/my-cluster/vpc-cni/a1b2c3d4",
                    "createdAt": "2023-02-01T10:00:00.000000+00:00",
                    "modifiedAt": "2023-02-01T10:05:00.000000+00:00",
                    "tags": {}
                }
            }
            """, TestContext.Current.CancellationToken);

        var run = await Run("--file", path);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Equal("v1.12.2-eksbuild.1  EKSA-2023-0001  AFFECTED", CliProcess.Lines(run.StandardOutput)[0]);
    }

    [Fact]
    public async Task A_daemonset_document_yields_the_cni_images_and_skips_other_containers()
    {
        using var folder = new TemporaryDirectory("cli-ds");
        var path = folder.Combine("aws-node.json");
        await File.WriteAllTextAsync(path, """
            {
              "apiVersion": "apps/v1",
              "kind": "DaemonSet",
              "metadata": { "name": "aws-node", "namespace": "kube-system" },
              "spec": {
                "template": {
                  "spec": {
                    "initContainers": [
                      { "name": "aws-vpc-cni-init", "image": "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.12.6-eksbuild.2" }
                    ],
                    "containers": [
                      { "name": "aws-node", "image": "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.6-eksbuild.2" },
                      { "name": "aws-eks-nodeagent", "image": "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.0.0-eksbuild.1" }
                    ]
                  }
                }
              }
            }
            """, TestContext.Current.CancellationToken);

        var run = await Run("-f", path);

        Assert.True(run.ExitCode == 0, run.Describe());
        var verdictLines = CliProcess.Lines(run.StandardOutput).Where(l => l.Contains("EKSA-2023-0001  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, verdictLines.Count);
        Assert.Contains(verdictLines, l => l.StartsWith("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.6-eksbuild.2 ", StringComparison.Ordinal));
        Assert.Contains(verdictLines, l => l.StartsWith("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.12.6-eksbuild.2 ", StringComparison.Ordinal));
        Assert.DoesNotContain("network-policy-agent", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versions_piped_to_standard_input_are_read_one_per_line()
    {
        var run = await CliProcess.RunAsync(["check-version"], "v1.12.5\n# a comment\n\n  v1.11.3\r\n");

        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = CliProcess.Lines(run.StandardOutput);
        Assert.Contains("v1.12.5  EKSA-2023-0001  not affected", lines);
        // v1.11.3 is the version the published range wrongly listed.
        Assert.Contains("v1.11.3  EKSA-2023-0001  not affected (as published: affected)", lines);
    }

    [Fact]
    public async Task A_dash_reads_a_describe_addon_document_from_standard_input()
    {
        var run = await CliProcess.RunAsync(["check-version", "-"], """{"addon":{"addonName":"vpc-cni","addonVersion":"v1.11.5-eksbuild.1"}}""");

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Equal("v1.11.5-eksbuild.1  EKSA-2023-0001  AFFECTED", CliProcess.Lines(run.StandardOutput)[0]);
    }

    [Fact]
    public async Task No_version_at_all_exits_2_and_says_how_to_give_one()
    {
        var run = await Run();

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("No version given", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_and_is_not_read_as_a_version()
    {
        var run = await Run("--jsn", "v1.12.2");

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("Unknown option '--jsn'", run.StandardError, StringComparison.Ordinal);
        Assert.True(run.StandardOutput.Length == 0, run.Describe());
    }

    [Fact]
    public async Task A_missing_file_exits_2_naming_the_path()
    {
        using var folder = new TemporaryDirectory("cli-missing");
        var path = folder.Combine("no-such-describe-addon.json");

        var run = await Run("--file", path);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains(path, run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_in_a_file_exits_2_naming_the_file()
    {
        using var folder = new TemporaryDirectory("cli-badjson");
        var path = folder.Combine("describe-addon.json");
        await File.WriteAllTextAsync(path, """{"addon": {"addonVersion": """, TestContext.Current.CancellationToken);

        var run = await Run("--file", path);

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains(path + ": the JSON is malformed", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubernetes_version_that_is_not_one_exits_2()
    {
        var run = await Run("v1.12.2", "--k8s", "one-twenty-seven");

        Assert.True(run.ExitCode == 2, run.Describe());
        Assert.Contains("--k8s: 'one-twenty-seven'", run.StandardError, StringComparison.Ordinal);
    }
}
