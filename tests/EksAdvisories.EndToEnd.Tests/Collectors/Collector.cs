using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>Runs samples/collect-node-snapshot.sh (bash) or .ps1 (the repository's <c>dotnet pwsh</c>) against fakes of a node.</summary>
internal static class Collector
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The example snapshots the collectors can reproduce: those whose CNI version comes from the DaemonSet, not from cni-version.txt.</summary>
    public static TheoryData<string> Examples => new() { "in-sync", "at-risk", "prefix-delegation" };

    public static string Example(string name) => RepositoryPaths.Combine("samples", "snapshots", name);

    /// <summary>A copy of an example snapshot in <paramref name="destination"/>, without the files named in <paramref name="leaveOut"/>.</summary>
    public static string CopyExample(string name, string destination, params string[] leaveOut)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(Example(name)).Where(f => !leaveOut.Contains(Path.GetFileName(f))))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        return destination;
    }

    public static Task<ProcessResult> RunShellAsync(string output, string imdsUrl, string ipamdUrl, FakeAwsTools tools, string ipamdLog) =>
        // The fakes first on PATH, so no real aws or kubectl on this machine can ever be reached.
        RunShellAsync(output, imdsUrl, ipamdUrl, tools.Aws, tools.Kubectl, ipamdLog, PathFirst(tools));

    /// <summary>The bash collector with the given aws and kubectl (the real ones, for the live tests) and extra environment.</summary>
    public static Task<ProcessResult> RunShellAsync(
        string output, string imdsUrl, string ipamdUrl, string aws, string kubectl, string ipamdLog, IReadOnlyDictionary<string, string?>? extraEnvironment)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the shell collector runs on Linux nodes");
        Assert.SkipUnless(OnPath("bash") && OnPath("curl"), "bash and curl are needed to run collect-node-snapshot.sh");
        var environment = new Dictionary<string, string?>(extraEnvironment ?? new Dictionary<string, string?>())
        {
            ["IMDS_URL"] = imdsUrl,
            ["IPAMD_URL"] = ipamdUrl,
            ["AWS_CLI"] = aws,
            ["KUBECTL"] = kubectl,
            ["IPAMD_LOG"] = ipamdLog,
        };
        return ChildProcess.RunAsync("bash", [RepositoryPaths.Combine("samples", "collect-node-snapshot.sh"), "-o", output],
            Path.GetDirectoryName(output)!, Timeout, environment);
    }

    public static Task<ProcessResult> RunPowerShellAsync(string output, string imdsUrl, string ipamdUrl, FakeAwsTools tools, string ipamdLog) =>
        RunPowerShellAsync(output, imdsUrl, ipamdUrl, tools.Aws, tools.Kubectl, ipamdLog, PathFirst(tools));

    /// <summary>The PowerShell collector with the given aws and kubectl (the real ones, for the live tests) and extra environment.</summary>
    public static Task<ProcessResult> RunPowerShellAsync(
        string output, string imdsUrl, string ipamdUrl, string aws, string kubectl, string ipamdLog, IReadOnlyDictionary<string, string?>? extraEnvironment)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the fake aws and kubectl are shell scripts");
        var environment = new Dictionary<string, string?>(extraEnvironment ?? new Dictionary<string, string?>())
        {
            ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
            ["POWERSHELL_UPDATECHECK"] = "Off",
        };
        // From the repository root, where dotnet-tools.json makes `dotnet pwsh` the pinned PowerShell.
        return ChildProcess.RunAsync(Tools.Dotnet,
            ["pwsh", "-NoProfile", "-NonInteractive", "-File", RepositoryPaths.Combine("samples", "collect-node-snapshot.ps1"),
             "-OutputPath", output, "-ImdsUrl", imdsUrl, "-IpamdUrl", ipamdUrl, "-AwsCli", aws, "-Kubectl", kubectl, "-IpamdLog", ipamdLog],
            RepositoryPaths.Root, Timeout, environment);
    }

    private static Dictionary<string, string?> PathFirst(FakeAwsTools tools) => new()
    {
        ["PATH"] = Path.GetDirectoryName(tools.Aws) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
    };

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));
}
