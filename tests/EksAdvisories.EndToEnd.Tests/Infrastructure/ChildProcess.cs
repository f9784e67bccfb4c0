using System.Diagnostics;

namespace EksAdvisories.EndToEnd.Tests.Infrastructure;

/// <summary>Runs a command to completion with a timeout, capturing its output, in an environment cleaned of the test host's MSBuild settings.</summary>
internal static class ChildProcess
{
    // The test host (started by `dotnet test`) exports MSBuild and VSTest variables; a child `dotnet build` that
    // inherits MSBuildExtensionsPath, MSBUILD_EXE_PATH or MSBuildSDKsPath would build with the host's MSBuild
    // instead of its own SDK, and VSTEST_* / TESTINGPLATFORM_* variables would make children act as test hosts.
    private static readonly string[] InheritedPrefixesToDrop = ["MSBUILD", "VSTEST", "TESTINGPLATFORM", "DOTNET_HOST_PATH", "XUNIT"];

    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null, string? standardInput = null, byte[]? standardInputBytes = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (InheritedPrefixesToDrop.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase))) start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No long-lived build servers: they would outlive the test, and on a shared 2-core machine they only cost memory.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null) start.Environment.Remove(key);
                else start.Environment[key] = value;
            }
        }

        var commandLine = fileName + " " + string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? "\"" + a + "\"" : a));
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + commandLine);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) await process.StandardInput.WriteAsync(standardInput);
        if (standardInputBytes is not null)
        {
            await process.StandardInput.FlushAsync();
            await process.StandardInput.BaseStream.WriteAsync(standardInputBytes);
        }

        process.StandardInput.Close();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var partial = new ProcessResult(commandLine, workingDirectory, -1, await Drain(stdout), await Drain(stderr), stopwatch.Elapsed);
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s: " + partial.Describe());
        }

        return new ProcessResult(commandLine, workingDirectory, process.ExitCode, await Drain(stdout), await Drain(stderr), stopwatch.Elapsed);
    }

    // A grandchild that inherited the pipes (a compiler server, say) could keep them open after the child exits;
    // do not wait for it forever.
    private static async Task<string> Drain(Task<string> reader) =>
        await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(10))) == reader ? await reader : "(output still open after exit)";
}
