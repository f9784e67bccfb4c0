using EksAdvisories.EndToEnd.Tests.Scripts;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace EksAdvisories.EndToEnd.Tests.Readme;

/// <summary>The C# example of the README's export section compiles and does what its comments say.</summary>
public class ExportExampleTests
{
    [Fact]
    public async Task The_README_export_example_runs()
    {
        var code = ReadmeExamples.CodeBlock("Export (OSV, Markdown)", "csharp");
        var options = ScriptOptions.Default
            .AddReferences(typeof(AdvisoryCatalog).Assembly, typeof(ScriptGlobals).Assembly)
            .AddImports("System", "System.IO", "System.Linq");
        var state = await CSharpScript.RunAsync(code, options, cancellationToken: TestContext.Current.CancellationToken);
        string Variable(string name) => (string)state.Variables.Single(v => v.Name == name).Value!;

        Assert.Contains("\"id\": \"x_EKSA-2023-0001\"", Variable("osv"), StringComparison.Ordinal);
        Assert.StartsWith("# EKSA-2023-0001: ", Variable("markdown"), StringComparison.Ordinal);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Variable("json")));
        Assert.Equal("EKSA-2023-0001", AdvisoryCatalog.Load(stream).Advisories.Single().Id);
    }
}
