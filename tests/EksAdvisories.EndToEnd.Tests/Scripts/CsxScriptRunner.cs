using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace EksAdvisories.EndToEnd.Tests.Scripts;

/// <summary>
/// Runs a .csx file the way dotnet-script would, in this process: the same default imports, <c>Args</c> as a global,
/// <c>#r "nuget: EksAdvisories, …"</c> mapped to the built library, the script's <c>return</c> value as its exit code,
/// and Console input and output redirected for the duration of the run.
/// </summary>
internal static class CsxScriptRunner
{
    // The namespaces dotnet-script imports into every script, so a script that compiles here compiles there.
    private static readonly string[] DefaultImports =
        ["System", "System.IO", "System.Collections.Generic", "System.Diagnostics", "System.Linq", "System.Linq.Expressions", "System.Text", "System.Threading.Tasks"];

    // dotnet-script compiles against the whole shared framework; the trusted platform assemblies are exactly that.
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == Path.GetDirectoryName(typeof(object).Assembly.Location))
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll"))
            .Where(p => !p.EndsWith(".Native.dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    public static async Task<CsxRun> RunAsync(string scriptPath, IList<string> args, string? standardInput = null)
    {
        var dependencies = new[] { typeof(Semver.SemVersion).Assembly.Location }
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Extensions.Primitives.dll"));
        var resolver = new NuGetReferenceResolver(typeof(AdvisoryCatalog).Assembly.Location, dependencies);
        var options = ScriptOptions.Default
            .WithFilePath(scriptPath)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithMetadataResolver(resolver)
            .WithReferences(Framework.Value)
            .AddReferences(typeof(ScriptGlobals).Assembly)
            .WithImports(DefaultImports)
            .WithEmitDebugInformation(false);
        var code = await File.ReadAllTextAsync(scriptPath);
        var script = CSharpScript.Create<int>(code, options, typeof(ScriptGlobals));
        var diagnostics = script.Compile().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        if (diagnostics.Any(d => d.Contains(" error ", StringComparison.Ordinal)))
        {
            return new CsxRun(null, string.Empty, string.Empty, diagnostics, resolver.Requested);
        }

        var (oldOut, oldError, oldIn) = (Console.Out, Console.Error, Console.In);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(standardInput ?? string.Empty);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        Console.SetIn(stdin);
        try
        {
            var state = await script.RunAsync(new ScriptGlobals(args));
            return new CsxRun(state.ReturnValue, stdout.ToString(), stderr.ToString(), diagnostics, resolver.Requested);
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Console.SetIn(oldIn);
        }
    }
}
