using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Tool;

/// <summary>
/// Packs the <c>eks-advisories</c> tool once for the tool tests, as a release does on linux-x64: the pointer package
/// (<c>dotnet pack</c>), the NativeAOT package (<c>-r linux-x64</c>) and the framework-dependent fallback (<c>-r any</c>),
/// into one folder feed, with a version no cache has seen. Builds go to an artifacts folder of their own, so the
/// repository's bin and obj stay untouched; installs use a NuGet cache of their own (<see cref="NuGetPackages"/>).
/// </summary>
public sealed class ToolPackages : IAsyncLifetime
{
    private readonly TemporaryDirectory _work = new("tool");

    /// <summary>Unique per run, so no NuGet cache can hold an older copy.</summary>
    public string Version { get; } = "1.0.0-e2e." + DateTime.UtcNow.Ticks;

    public string Feed => _work.Combine("feed");

    /// <summary>The NuGet package cache every install and dnx run of these tests uses.</summary>
    public string NuGetPackages => _work.Combine("nuget-packages");

    public string Work => _work.Path;

    public string PointerPath => Path.Combine(Feed, $"eks-advisories.{Version}.nupkg");

    public string NativePath => Path.Combine(Feed, $"eks-advisories.linux-x64.{Version}.nupkg");

    public string FallbackPath => Path.Combine(Feed, $"eks-advisories.any.{Version}.nupkg");

    /// <summary>Why packing failed, or null; each test reports it rather than the fixture throwing once for all.</summary>
    public string? Failure { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var project = RepositoryPaths.Combine("src", "EksAdvisories.Cli");
        try
        {
            foreach (var rid in new[] { (string?)null, "linux-x64", "any" })
            {
                string[] ridArguments = rid is null ? [] : ["-r", rid];
                var pack = await ChildProcess.RunAsync(Tools.Dotnet,
                    ["pack", project, "-c", "Release", .. ridArguments, "-o", Feed, "-p:Version=" + Version, "-p:TreatWarningsAsErrors=true",
                     "--artifacts-path", _work.Combine("artifacts"), "-nodeReuse:false"],
                    RepositoryPaths.Root, TimeSpan.FromMinutes(15)); // NativeAOT under load: 8 min was seen to time out
                if (pack.ExitCode != 0) { Failure = "dotnet pack failed: " + pack.Describe(); return; }
            }
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception or IOException)
        {
            Failure = e.Message;
        }
    }

    /// <summary>Fails the calling test with the packing error, if there was one.</summary>
    public void AssertPacked() => Assert.True(Failure is null, Failure);

    /// <summary>Runs a dotnet command (tool install, dnx) against the local feed, with the tests' own NuGet cache.</summary>
    public Task<ProcessResult> RunDotnetAsync(string fileName, IEnumerable<string> arguments) =>
        ChildProcess.RunAsync(fileName, arguments, _work.Path, TimeSpan.FromMinutes(3),
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = NuGetPackages });

    public ValueTask DisposeAsync()
    {
        _work.Dispose();
        return ValueTask.CompletedTask;
    }
}
