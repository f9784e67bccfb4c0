using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Packaging;

/// <summary>The package as a consumer gets it: contents, symbols with SourceLink, and a fresh project restoring and running it.</summary>
public sealed class NuGetPackageTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    // The SourceLink custom debug information kind in portable PDBs (System.Reflection.Metadata documents the GUID).
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void Package_holds_the_readme_the_xml_docs_and_a_nuspec_naming_repository_and_commit()
    {
        package.AssertPacked();
        using var nupkg = ZipFile.OpenRead(package.NupkgPath);
        var entries = nupkg.Entries.Select(e => e.FullName).ToList();
        var listing = string.Join("\n", entries);
        Assert.True(entries.Contains("README.md"), "no README.md in the package:\n" + listing);
        Assert.True(entries.Contains("lib/net8.0/EksAdvisories.dll"), "no library in the package:\n" + listing);
        Assert.True(entries.Contains("lib/net8.0/EksAdvisories.xml"), "no XML docs in the package:\n" + listing);

        using var nuspecStream = nupkg.GetEntry("EksAdvisories.nuspec")!.Open();
        var nuspec = XDocument.Load(nuspecStream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(package.Version, metadata.Element(ns + "version")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        var repository = metadata.Element(ns + "repository");
        Assert.True(repository is not null, "the nuspec has no <repository>:\n" + nuspec);
        Assert.Equal(PackedPackage.RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(package.Commit, repository.Attribute("commit")?.Value);

        using var readme = new StreamReader(nupkg.GetEntry("README.md")!.Open());
        Assert.StartsWith("# EksAdvisories", readme.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_CI_pack_from_a_clone_with_a_remote_is_free_of_warnings()
    {
        package.AssertPacked();
        var warnings = package.Pack!.StandardOutput.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(warnings.Count == 0, "dotnet pack warned:\n" + string.Join("\n", warnings) + "\n\n" + package.Pack.Describe());
    }

    [Fact]
    public void Symbol_package_pdb_maps_sources_to_the_commit_on_GitHub_with_SourceLink()
    {
        package.AssertPacked();
        Assert.True(File.Exists(package.SnupkgPath), "no .snupkg next to the package: " + package.Pack!.Describe());
        using var snupkg = ZipFile.OpenRead(package.SnupkgPath);
        var pdbEntry = snupkg.GetEntry("lib/net8.0/EksAdvisories.pdb");
        Assert.True(pdbEntry is not null, "no PDB in the symbol package:\n" + string.Join("\n", snupkg.Entries.Select(e => e.FullName)));

        using var pdb = new MemoryStream();
        using (var entryStream = pdbEntry.Open()) entryStream.CopyTo(pdb);
        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .SingleOrDefault();
        Assert.True(sourceLink is not null, "the PDB carries no SourceLink information; pack output:\n" + package.Pack!.Describe());

        var documents = JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents").EnumerateObject()
            .Select(p => p.Value.GetString()).ToList();
        var expected = $"https://raw.githubusercontent.com/eksadvisories/EksAdvisories/{package.Commit}/";
        Assert.True(documents.Any(d => d!.StartsWith(expected, StringComparison.Ordinal)), $"no SourceLink document maps to {expected}:\n{sourceLink}");
    }

    [Fact]
    public async Task A_fresh_console_project_restores_the_package_from_the_feed_and_runs()
    {
        package.AssertPacked();
        using var consumer = new TemporaryDirectory("consumer");
        var packages = consumer.Combine("packages");
        var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        // Empty Directory.* files stop MSBuild from picking up settings from any folder above the temp folder.
        File.WriteAllText(consumer.Combine("Directory.Build.props"), "<Project />");
        File.WriteAllText(consumer.Combine("Directory.Build.targets"), "<Project />");
        File.WriteAllText(consumer.Combine("Directory.Packages.props"), "<Project />");
        // Only the folder feed as a source; the machine's package folder as a fallback so that Semver and the rest are
        // not downloaded again. EksAdvisories itself is found only in the feed (its version is new).
        File.WriteAllText(consumer.Combine("NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e-feed" value="{package.Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <clear />
                <add key="machine" value="{machinePackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
        File.WriteAllText(consumer.Combine("Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="EksAdvisories" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(consumer.Combine("Program.cs"), """
            using System.Reflection;
            using EksAdvisories;

            var catalog = AdvisoryCatalog.Default;
            var verdict = catalog.Get("EKSA-2023-0001").Evaluate("v1.12.2-eksbuild.1");
            var library = typeof(AdvisoryCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            Console.WriteLine($"library {library}");
            Console.WriteLine($"data {catalog.DataVersion}");
            Console.WriteLine($"status {verdict.Status}");
            Console.WriteLine($"as-published {verdict.AsPublished}");
            Console.WriteLine($"upgrade-to {verdict.Action?.UpgradeTo}");
            return verdict.Status == AffectedStatus.Affected ? 0 : 3;
            """);

        var run = await ChildProcess.RunAsync(
            Tools.Dotnet, ["run", "-c", "Release", "-nodeReuse:false"], consumer.Path, TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = packages });

        Assert.True(run.ExitCode == 0, run.Describe());
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("status Affected", lines);
        Assert.Contains("as-published Affected", lines);
        Assert.Contains("upgrade-to v1.12.5", lines);
        Assert.Contains(lines, l => l.StartsWith($"library {package.Version}+{package.Commit}", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(packages, "eksadvisories", package.Version)), "EksAdvisories was not restored into the consumer's own package folder:\n" + run.Describe());
    }
}
