using System.Reflection;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary>Runs the built console checker (<c>eks-advisories.dll</c>) as a child process, the way an installed tool runs.</summary>
internal static class CliProcess
{
    // The project reference in the .csproj builds the CLI before these tests, in the same configuration; running the
    // dll from its own output folder keeps AppContext.BaseDirectory/snapshots, which the default run reads.
    private static readonly Lazy<string> Dll = new(FindDll);

    public static string Configuration { get; } =
        typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static Task<ProcessResult> RunAsync(string[] arguments, string? standardInput = null, string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        ChildProcess.RunAsync(Tools.Dotnet, [Dll.Value, .. arguments], workingDirectory ?? RepositoryPaths.Root, TimeSpan.FromSeconds(60),
            environment, standardInput: standardInput);

    /// <summary>Runs the checker with these exact bytes on standard input (a byte-order mark, UTF-16).</summary>
    public static Task<ProcessResult> RunAsync(string[] arguments, byte[] standardInput) =>
        ChildProcess.RunAsync(Tools.Dotnet, [Dll.Value, .. arguments], RepositoryPaths.Root, TimeSpan.FromSeconds(60), standardInputBytes: standardInput);

    /// <summary>
    /// Runs the checker from bash with a redirection of its own appended (<c>&gt; /dev/full</c>, <c>&gt;&amp;-</c>,
    /// <c>&lt; file</c>), as a shell script or a CI step would.
    /// </summary>
    public static Task<ProcessResult> RunInShellAsync(string redirection, params string[] arguments) =>
        ChildProcess.RunAsync("bash", ["-c", $"\"$0\" \"$@\" {redirection}", Tools.Dotnet, Dll.Value, .. arguments], RepositoryPaths.Root, TimeSpan.FromSeconds(60));

    /// <summary>The path of the built checker, for tests that start it in a way of their own.</summary>
    public static string DllPath => Dll.Value;

    /// <summary>Runs the tool with extra environment variables (a null value removes one), as the live tests point it at loopback servers.</summary>
    public static Task<ProcessResult> RunAsync(string[] arguments, IReadOnlyDictionary<string, string?> environment) =>
        ChildProcess.RunAsync(Tools.Dotnet, [Dll.Value, .. arguments], RepositoryPaths.Root, TimeSpan.FromSeconds(120), environment);

    public static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string FindDll()
    {
        var path = RepositoryPaths.Combine("src", "EksAdvisories.Cli", "bin", Configuration, "net10.0", "eks-advisories.dll");
        Assert.True(File.Exists(path), $"the console checker is not built at {path}; build EksAdvisories.sln -c {Configuration} first");
        return path;
    }
}
