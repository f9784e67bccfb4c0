namespace EksAdvisories.EndToEnd.Tests.Scripts;

/// <summary>The outcome of a .csx run: exit code (null when it did not compile), output, compiler diagnostics and the packages it asked for.</summary>
internal sealed record CsxRun(int? ExitCode, string StandardOutput, string StandardError, IReadOnlyList<string> Diagnostics, IReadOnlyList<(string Id, string Version)> Packages)
{
    public string[] Lines => StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string Describe() =>
        $"exit code {ExitCode?.ToString() ?? "(not compiled)"}\n--- diagnostics ---\n{string.Join("\n", Diagnostics)}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
