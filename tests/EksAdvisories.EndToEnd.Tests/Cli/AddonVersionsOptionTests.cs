using System.Text.Json;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary><c>eks-advisories check-version --addon-versions</c>, run as a process on the example describe-addon-versions documents.</summary>
public class AddonVersionsOptionTests
{
    private static string Sample(string name) => RepositoryPaths.Combine("samples", "addon-versions", name);

    [Fact]
    public async Task The_build_to_install_is_named_and_the_affected_default_flagged()
    {
        var run = await CliProcess.RunAsync(["check-version", "v1.22.1-eksbuild.2", "--k8s", "1.33", "--addon-versions", Sample("vpc-cni-kubernetes-1.33.json")]);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("v1.22.1-eksbuild.2  EKSA-2026-0001  AFFECTED", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("add-on build: Install v1.22.2-eksbuild.1", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Do not rely on the default: v1.22.1-eksbuild.2", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_alone_on_standard_input_gives_the_choice_as_json_and_exits_0()
    {
        var run = await CliProcess.RunAsync(["check-version", "--k8s", "1.29", "--addon-versions", "-", "--json"], File.ReadAllText(Sample("vpc-cni-kubernetes-1.29-default-affected.json")));

        Assert.True(run.ExitCode == 0, run.Describe());
        using var document = JsonDocument.Parse(run.StandardOutput);
        var choice = document.RootElement.GetProperty("addonBuild");
        Assert.Equal("v1.14.1-eksbuild.1", choice.GetProperty("lowestClear").GetString());
        Assert.Equal("v1.16.3-eksbuild.2", choice.GetProperty("default").GetString());
        Assert.True(choice.GetProperty("defaultAffected").GetBoolean());
        Assert.Equal(["EKSA-2024-0001"], choice.GetProperty("defaultCoveredBy").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task No_clear_build_is_a_finding()
    {
        var path = Path.Combine(Path.GetTempPath(), $"addon-versions-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"addons":[{"addonName":"vpc-cni","addonVersions":[{"addonVersion":"v1.22.1-eksbuild.2","compatibilities":[{"clusterVersion":"1.33","defaultVersion":true}]}]}]}""");
        try
        {
            var run = await CliProcess.RunAsync(["check-version", "--k8s", "1.33", "--addon-versions", path]);
            Assert.True(run.ExitCode == 1, run.Describe());
            Assert.Contains("None of the 1 builds offered for Kubernetes 1.33 clears every advisory", run.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{"addons":[{"addonName":"coredns","addonVersions":[]}]}""", "only 'coredns'")]
    [InlineData("{", "not valid JSON")]
    public async Task A_wrong_document_exits_3_with_one_line_naming_it(string json, string message)
    {
        var run = await CliProcess.RunAsync(["check-version", "--addon-versions", "-"], json);
        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("--addon-versions: standard input", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(message, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }
}
