using System.Text.RegularExpressions;
using System.Xml.Linq;
using EksAdvisories.Tests;
using YamlDotNet.RepresentationModel;

namespace EksAdvisories.EndToEnd.Tests.Workflows;

/// <summary>
/// The GitHub workflows (ci.yml, release.yml), parsed as YAML: their jobs and needs hang together, the release builds
/// every RID the tool's pointer package lists on a runner of that OS, the paths and projects their commands name exist
/// in the repository, and secrets are only ever referenced by name.
/// </summary>
public partial class WorkflowTests
{
    public static TheoryData<string> Workflows => new() { "ci.yml", "release.yml" };

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(RepositoryPaths.Combine(".github", "workflows", name)));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Jobs(YamlMappingNode workflow) => (YamlMappingNode)workflow["jobs"];

    private static IEnumerable<string> Needs(YamlMappingNode job) =>
        job.Children.TryGetValue("needs", out var needs)
            ? needs is YamlSequenceNode list ? list.Select(n => ((YamlScalarNode)n).Value!) : [((YamlScalarNode)needs).Value!]
            : [];

    /// <summary>Every <c>run:</c> script of every step of every job.</summary>
    private static IEnumerable<(string Job, string Script)> RunScripts(YamlMappingNode workflow) =>
        from job in Jobs(workflow).Children
        let steps = ((YamlMappingNode)job.Value).Children.TryGetValue("steps", out var s) ? (YamlSequenceNode)s : new YamlSequenceNode()
        from step in steps.Cast<YamlMappingNode>()
        where step.Children.ContainsKey("run")
        select (((YamlScalarNode)job.Key).Value!, ((YamlScalarNode)step["run"]).Value!);

    private static string[] ToolRids()
    {
        var project = XDocument.Load(RepositoryPaths.Combine("src", "EksAdvisories.Cli", "EksAdvisories.Cli.csproj"));
        return project.Descendants("ToolPackageRuntimeIdentifiers").Single().Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_job_needs_only_jobs_that_exist(string name)
    {
        var jobs = Jobs(Load(name));
        var names = jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();

        Assert.NotEmpty(names);
        foreach (var job in jobs.Children)
        {
            Assert.True(((YamlMappingNode)job.Value).Children.ContainsKey("runs-on"), $"{name}: job {job.Key} has no runs-on");
            Assert.All(Needs((YamlMappingNode)job.Value), need => Assert.Contains(need, names));
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_repository_path_a_command_names_exists(string name)
    {
        var scripts = RunScripts(Load(name)).ToList();
        Assert.NotEmpty(scripts);
        foreach (var (job, script) in scripts)
        {
            foreach (Match path in RepositoryPath().Matches(script))
            {
                var relative = path.Value.TrimEnd('/');
                Assert.True(File.Exists(RepositoryPaths.Combine(relative)) || Directory.Exists(RepositoryPaths.Combine(relative)),
                    $"{name}, job {job}: '{relative}' does not exist in the repository");
            }
        }
    }

    [Fact]
    public void The_release_runs_on_version_tags_and_tests_before_it_publishes()
    {
        var release = Load("release.yml");
        var tags = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)release["on"])["push"])["tags"];
        Assert.Equal(["v*"], tags.Select(t => ((YamlScalarNode)t).Value));

        var jobs = Jobs(release);
        var publish = (YamlMappingNode)jobs["publish"];
        Assert.Equal(["library", "tool-native", "tool-pointer", "module"], Needs(publish));
        foreach (var job in new[] { "library", "tool-native", "tool-pointer", "module" }) Assert.Equal(["test"], Needs((YamlMappingNode)jobs[job]));
        Assert.Contains(RunScripts(release), r => r.Job == "test" && r.Script.Contains("bash .ci/run", StringComparison.Ordinal));
    }

    [Fact]
    public void The_release_builds_every_native_rid_the_pointer_lists_on_a_runner_of_its_os()
    {
        var job = (YamlMappingNode)Jobs(Load("release.yml"))["tool-native"];
        var include = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"])["include"];
        var entries = include.Cast<YamlMappingNode>().Select(e => (Rid: ((YamlScalarNode)e["rid"]).Value!, Os: ((YamlScalarNode)e["os"]).Value!)).ToList();

        Assert.Equal(ToolRids().Where(r => r != "any").Order(StringComparer.Ordinal), entries.Select(e => e.Rid).Order(StringComparer.Ordinal));
        foreach (var (rid, os) in entries)
        {
            var family = rid.Split('-')[0] switch { "linux" => "ubuntu", "osx" => "macos", "win" => "windows", var other => other };
            Assert.True(os.StartsWith(family, StringComparison.Ordinal), $"{rid} is built on {os}; NativeAOT needs a {family} runner");
        }

        var script = string.Join('\n', RunScripts(Load("release.yml")).Where(r => r.Job == "tool-native").Select(r => r.Script));
        Assert.Contains("dotnet pack src/EksAdvisories.Cli -c Release -r ${{ matrix.rid }}", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_packs_the_pointer_the_fallback_the_library_with_symbols_and_the_module()
    {
        Assert.Contains("any", ToolRids());
        var scripts = RunScripts(Load("release.yml")).ToList();
        string Of(string job) => string.Join('\n', scripts.Where(r => r.Job == job).Select(r => r.Script));

        Assert.Matches(@"dotnet pack src/EksAdvisories\.Cli -c Release -o ", Of("tool-pointer"));
        Assert.Contains("dotnet pack src/EksAdvisories.Cli -c Release -r any ", Of("tool-pointer"), StringComparison.Ordinal);
        Assert.Contains("dotnet pack src/EksAdvisories ", Of("library"), StringComparison.Ordinal);
        Assert.Contains("<SymbolPackageFormat>snupkg</SymbolPackageFormat>", File.ReadAllText(RepositoryPaths.Combine("src", "EksAdvisories", "EksAdvisories.csproj")), StringComparison.Ordinal);
        Assert.Contains("dotnet build src/EksAdvisories.PowerShell", Of("module"), StringComparison.Ordinal);
        Assert.Contains("Publish-PSResource", Of("publish"), StringComparison.Ordinal);
        Assert.Contains("sha256sum eks-advisories-* > SHA256SUMS", Of("publish"), StringComparison.Ordinal);
        Assert.Contains("gh release create", Of("publish"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Secrets_are_referenced_by_name_and_never_present(string name)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(".github", "workflows", name));

        var secrets = SecretReference().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.All(secrets, s => Assert.Contains(s, (string[])["NUGET_API_KEY", "PSGALLERY_API_KEY"]));
        // A key is only ever passed as an environment variable that a secret filled, never as a literal.
        foreach (Match key in ApiKeyArgument().Matches(text)) Assert.Matches(@"^""?\$(env:)?[A-Z_]+""?$", key.Groups[1].Value);
        Assert.DoesNotMatch(@"oy2[a-z0-9]{40,}", text);
    }

    [GeneratedRegex(@"(?<![\w./-])(?:src|tests|samples|advisories|\.ci)/[\w./-]*")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\$\{\{\s*secrets\.([A-Za-z_]+)\s*\}\}")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"(?:--api-key|-ApiKey)\s+(\S+)")]
    private static partial Regex ApiKeyArgument();
}
