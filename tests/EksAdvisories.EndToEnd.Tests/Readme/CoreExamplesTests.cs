using EksAdvisories.Tests;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace EksAdvisories.EndToEnd.Tests.Readme;

/// <summary>The README's C# quick start and node-check examples compile and print what the README says.</summary>
[Collection(ConsoleOutputTests.Name)]
public class CoreExamplesTests
{
    private static async Task<string> RunAsync(string code)
    {
        var options = ScriptOptions.Default
            .AddReferences(typeof(AdvisoryCatalog).Assembly)
            .AddImports("System", "System.IO", "System.Linq", "System.Collections.Generic");
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            await CSharpScript.RunAsync(code, options, cancellationToken: TestContext.Current.CancellationToken);
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString();
    }

    [Fact]
    public async Task The_quick_start_prints_the_verdict_and_the_action()
    {
        var output = await RunAsync(ReadmeExamples.CodeBlock("Quick start (C#)", "csharp"));
        Assert.Contains("data 2026.12.01", output, StringComparison.Ordinal);
        Assert.Contains("EKSA-2023-0001: Affected (as published: Affected)", output, StringComparison.Ordinal);
        Assert.Contains("Upgrade vpc-cni to v1.12.5 or later", output, StringComparison.Ordinal);
        Assert.Contains("Do not roll back to v1.11.3", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_node_check_example_says_stuck()
    {
        // The example's relative path is relative to the repository root, where a reader runs it.
        var code = ReadmeExamples.CodeBlock("Checking a node (C#)", "csharp")
            .Replace("\"samples/snapshots/stuck-affected\"", "@\"" + RepositoryPaths.Combine("samples", "snapshots", "stuck-affected") + "\"", StringComparison.Ordinal);
        var output = await RunAsync(code);
        var lines = output.Split('\n');
        Assert.Equal("Stuck", lines[0].Trim());
        Assert.StartsWith("PreRegression: Recovers", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Affected: Stays stuck", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Fixed: Recovers", lines[3], StringComparison.Ordinal);
        Assert.Contains("IPAMD001", output, StringComparison.Ordinal);
    }
}
