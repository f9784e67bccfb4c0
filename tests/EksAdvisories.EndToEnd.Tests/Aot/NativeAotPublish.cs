using System.Text.RegularExpressions;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Aot;

/// <summary>
/// One NativeAOT publish of the console checker (src/EksAdvisories.Cli) for linux-x64, into a temporary folder, shared
/// by the tests of <see cref="NativeAotTests"/>. Its own artifacts path keeps the repository's bin and obj untouched.
/// </summary>
public sealed partial class NativeAotPublish : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("aot");

    /// <summary>The publish run, or null when no C toolchain was found (see <see cref="MissingToolchain"/>).</summary>
    public ProcessResult? Publish { get; private set; }

    /// <summary>Why NativeAOT cannot link on this machine, or null when clang or gcc is on PATH.</summary>
    public string? MissingToolchain { get; private set; }

    public string OutputDirectory => _directory.Combine("out");

    public string Binary => Path.Combine(OutputDirectory, OperatingSystem.IsWindows() ? "eks-advisories.exe" : "eks-advisories");

    /// <summary>The trim and AOT analysis warnings (IL2xxx, IL3xxx) the publish reported, as warnings or as errors.</summary>
    public IReadOnlyList<string> AotWarnings => Publish is null
        ? []
        : AotWarning().Matches(Publish.StandardOutput + Publish.StandardError).Select(m => m.Value).Distinct().ToList();

    public async ValueTask InitializeAsync()
    {
        // The ILCompiler packages link with clang, or gcc when clang is not on PATH (clang-14 alone is not found).
        if (!OnPath("clang") && !OnPath("gcc"))
        {
            MissingToolchain = "NativeAOT needs a C compiler and linker, and neither clang nor gcc is on PATH. Install one "
                + "(Debian/Ubuntu: apt-get install clang; .ci/run does this when both are missing) and run the tests again. "
                + "See https://aka.ms/nativeaot-prerequisites.";
            return;
        }

        var project = RepositoryPaths.Combine("src", "EksAdvisories.Cli", "EksAdvisories.Cli.csproj");
        Publish = await ChildProcess.RunAsync(Tools.Dotnet,
            ["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-p:TreatWarningsAsErrors=true",
             "--artifacts-path", _directory.Combine("artifacts"), "-o", OutputDirectory],
            // The AWS SDK and the Kubernetes client (live collection) make the link slower: 2 minutes alone on 2 cores.
            RepositoryPaths.Root, TimeSpan.FromMinutes(10));
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The binary run with <paramref name="arguments"/> from the publish folder.</summary>
    public Task<ProcessResult> Run(params string[] arguments) =>
        ChildProcess.RunAsync(Binary, arguments, OutputDirectory, TimeSpan.FromMinutes(1));

    /// <summary>The binary run with extra environment variables (the live tests' AWS and Kubernetes settings).</summary>
    public Task<ProcessResult> Run(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        ChildProcess.RunAsync(Binary, arguments, OutputDirectory, TimeSpan.FromMinutes(2), environment);

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    [GeneratedRegex(@"\b(warning|error) IL[23]\d{3}\b[^\r\n]*")]
    private static partial Regex AotWarning();
}
