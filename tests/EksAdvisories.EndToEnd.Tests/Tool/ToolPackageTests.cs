using System.IO.Compression;
using System.Xml.Linq;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Tool;

/// <summary>
/// The packed tool, installed as users install it: <c>dotnet tool install --tool-path</c> and <c>dnx</c> from a local
/// feed pick the NativeAOT linux-x64 package, which answers natively; the <c>any</c> package runs under the runtime.
/// </summary>
public sealed class ToolPackageTests(ToolPackages packages) : IClassFixture<ToolPackages>
{
    private static readonly string[] ListedRids = ["linux-x64", "linux-arm64", "osx-arm64", "osx-x64", "win-x64", "win-arm64", "any"];

    [Fact]
    public void The_pointer_package_lists_every_rid_package_and_holds_no_binary()
    {
        packages.AssertPacked();
        using var zip = ZipFile.OpenRead(packages.PointerPath);

        var settings = zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using var stream = settings.Open();
        var document = XDocument.Load(stream);
        Assert.Equal("eks-advisories", document.Descendants("Command").Single().Attribute("Name")!.Value);
        var rids = document.Descendants("RuntimeIdentifierPackage").Select(p => (p.Attribute("RuntimeIdentifier")!.Value, p.Attribute("Id")!.Value)).ToList();
        Assert.Equal(ListedRids.Select(r => (r, "eks-advisories." + r)), rids);
        Assert.DoesNotContain(zip.Entries, e => e.Name.EndsWith(".dll", StringComparison.Ordinal) || e.Name == "eks-advisories");
    }

    [Fact]
    public void The_linux_x64_package_holds_the_native_binary_without_its_debug_symbols()
    {
        packages.AssertPacked();
        using var zip = ZipFile.OpenRead(packages.NativePath);

        var binary = zip.Entries.Single(e => e.FullName == "tools/any/linux-x64/eks-advisories");
        using (var stream = binary.Open())
        {
            var magic = new byte[4];
            stream.ReadExactly(magic);
            Assert.Equal("\u007fELF"u8.ToArray(), magic);
        }

        Assert.DoesNotContain(zip.Entries, e => e.Name.EndsWith(".dbg", StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.Name == "eks-advisories.dll");
        Assert.Contains(zip.Entries, e => e.FullName == "tools/any/linux-x64/snapshots/stuck-affected/enis.json");
    }

    [Fact]
    public async Task Tool_install_from_a_local_feed_installs_the_native_package_which_answers()
    {
        packages.AssertPacked();
        var toolPath = Path.Combine(packages.Work, "tools-" + Guid.NewGuid().ToString("N")[..8]);

        var install = await packages.RunDotnetAsync(Tools.Dotnet,
            ["tool", "install", "--tool-path", toolPath, "--add-source", packages.Feed, "--version", packages.Version, "eks-advisories"]);

        Assert.True(install.ExitCode == 0, install.Describe());
        var command = Path.Combine(toolPath, "eks-advisories");
        var target = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
        Assert.Contains("eks-advisories.linux-x64", target, StringComparison.Ordinal);
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target)[..4]);

        var run = await ChildProcess.RunAsync(command, ["check-version", "v1.12.2-eksbuild.1"], packages.Work, TimeSpan.FromSeconds(30));
        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.StartsWith("v1.12.2-eksbuild.1  EKSA-2023-0001  AFFECTED", run.StandardOutput, StringComparison.Ordinal);

        // The bundled example snapshots travel in the package: the run without arguments checks them.
        var examples = await ChildProcess.RunAsync(command, [], packages.Work, TimeSpan.FromSeconds(30));
        Assert.True(examples.ExitCode == 0, examples.Describe());
        Assert.Contains("stuck-affected       Stuck", examples.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dnx_runs_the_tool_from_a_local_feed_without_installing_it()
    {
        packages.AssertPacked();
        var dnx = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Tools.Dotnet))!, "dnx");
        string[] prefix = File.Exists(dnx) ? [] : ["dnx"];
        var fileName = File.Exists(dnx) ? dnx : Tools.Dotnet;

        var run = await packages.RunDotnetAsync(fileName,
            [.. prefix, "eks-advisories", "--add-source", packages.Feed, "--version", packages.Version, "--yes", "check-node", "--format", "json",
             EksAdvisories.Tests.RepositoryPaths.Combine("samples", "snapshots", "stuck-affected")]);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("\"verdict\": \"Stuck\"", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_framework_dependent_fallback_package_installs_and_answers_under_the_runtime()
    {
        packages.AssertPacked();
        var toolPath = Path.Combine(packages.Work, "fallback-" + Guid.NewGuid().ToString("N")[..8]);

        var install = await packages.RunDotnetAsync(Tools.Dotnet,
            ["tool", "install", "--tool-path", toolPath, "--add-source", packages.Feed, "--version", packages.Version, "eks-advisories.any"]);

        Assert.True(install.ExitCode == 0, install.Describe());
        Assert.NotEmpty(Directory.GetFiles(toolPath, "eks-advisories.dll", SearchOption.AllDirectories));
        var run = await ChildProcess.RunAsync(Path.Combine(toolPath, "eks-advisories"), ["check-version", "v1.12.5"], packages.Work, TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("v1.12.5  EKSA-2023-0001  not affected", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_install_fails_when_the_package_of_a_listed_rid_is_missing_so_a_release_must_publish_all()
    {
        packages.AssertPacked();
        var partialFeed = Path.Combine(packages.Work, "partial-feed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(partialFeed);
        File.Copy(packages.PointerPath, Path.Combine(partialFeed, Path.GetFileName(packages.PointerPath)));
        File.Copy(packages.FallbackPath, Path.Combine(partialFeed, Path.GetFileName(packages.FallbackPath)));

        var install = await packages.RunDotnetAsync(Tools.Dotnet,
            ["tool", "install", "--tool-path", Path.Combine(packages.Work, "partial-tools"), "--source", partialFeed, "--version", packages.Version, "eks-advisories"]);

        Assert.True(install.ExitCode != 0, "installed without its linux-x64 package: " + install.Describe());
        Assert.Contains("eks-advisories.linux-x64", install.StandardOutput + install.StandardError, StringComparison.Ordinal);
    }
}
