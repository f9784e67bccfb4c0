using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Packaging;

/// <summary>
/// Packs the library once for all packaging tests, the way CI would: from a clean clone of the repository whose
/// <c>origin</c> is the public repository URL (SourceLink maps nothing without a remote), with a version no cache has
/// seen, into a folder feed.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public const string RepositoryUrl = "https://github.com/eksadvisories/EksAdvisories";

    private readonly TemporaryDirectory _work = new("pack");

    /// <summary>The version given to the package: unique per run, so no NuGet cache can hold an older copy.</summary>
    public string Version { get; } = "1.0.0-e2e." + DateTime.UtcNow.Ticks;

    /// <summary>The clone the package was built from.</summary>
    public string CloneDirectory => _work.Combine("clone");

    /// <summary>The folder feed holding the .nupkg and .snupkg.</summary>
    public string Feed => _work.Combine("feed");

    /// <summary>The commit the clone is at.</summary>
    public string Commit { get; private set; } = string.Empty;

    public string NupkgPath => Path.Combine(Feed, $"EksAdvisories.{Version}.nupkg");

    public string SnupkgPath => Path.Combine(Feed, $"EksAdvisories.{Version}.snupkg");

    /// <summary>The pack command and its output, for failure messages.</summary>
    public ProcessResult? Pack { get; private set; }

    /// <summary>Why packing failed, or null; each test reports it rather than the fixture throwing once for all.</summary>
    public string? Failure { get; private set; }

    public async ValueTask InitializeAsync()
    {
        try
        {
            // Only committed work is packed: that is what a CI checkout holds.
            var clone = await ChildProcess.RunAsync(Tools.Git, ["clone", "--quiet", "--no-hardlinks", RepositoryPaths.Root, CloneDirectory], _work.Path, TimeSpan.FromMinutes(1));
            if (clone.ExitCode != 0) { Failure = "git clone failed: " + clone.Describe(); return; }
            var remote = await ChildProcess.RunAsync(Tools.Git, ["remote", "set-url", "origin", RepositoryUrl], CloneDirectory, TimeSpan.FromSeconds(30));
            if (remote.ExitCode != 0) { Failure = "git remote set-url failed: " + remote.Describe(); return; }
            var head = await ChildProcess.RunAsync(Tools.Git, ["rev-parse", "HEAD"], CloneDirectory, TimeSpan.FromSeconds(30));
            Commit = head.StandardOutput.Trim();

            Pack = await ChildProcess.RunAsync(
                Tools.Dotnet,
                ["pack", "src/EksAdvisories", "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false"],
                CloneDirectory, TimeSpan.FromMinutes(3));
            if (Pack.ExitCode != 0 || !File.Exists(NupkgPath)) Failure = "dotnet pack failed: " + Pack.Describe();
        }
        catch (Exception e) when (e is TimeoutException or System.ComponentModel.Win32Exception or IOException)
        {
            Failure = e.Message;
        }
    }

    /// <summary>Fails the calling test with the packing error, if there was one.</summary>
    public void AssertPacked() => Assert.True(Failure is null, Failure);

    public ValueTask DisposeAsync()
    {
        _work.Dispose();
        return ValueTask.CompletedTask;
    }
}
