using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace EksAdvisories.EndToEnd.Tests.Scripts;

/// <summary>
/// Stands in for dotnet-script's NuGet support: <c>#r "nuget: EksAdvisories, &lt;version&gt;"</c> resolves to the library
/// this test project was built with, and its dependencies (Semver, …) are supplied when the compiler finds them missing,
/// as NuGet would supply them transitively; any other <c>nuget:</c> reference fails to resolve (so the
/// script cannot depend on a package the test does not provide); plain file references go to Roslyn's default resolver.
/// </summary>
internal sealed class NuGetReferenceResolver : MetadataReferenceResolver
{
    private readonly MetadataReferenceResolver _fallback = ScriptMetadataResolver.Default;
    private readonly PortableExecutableReference _library;
    private readonly Dictionary<string, PortableExecutableReference> _dependencies;

    public NuGetReferenceResolver(string libraryFile, IEnumerable<string> dependencyFiles)
    {
        _library = MetadataReference.CreateFromFile(libraryFile);
        _dependencies = dependencyFiles.ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => MetadataReference.CreateFromFile(f), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The packages the script asked for, as (id, version) in the order of the directives.</summary>
    public List<(string Id, string Version)> Requested { get; } = [];

    // Roslyn accepts exactly one reference per #r directive (more throws NotSupportedException), so the library's
    // dependencies come through this hook instead.
    public override bool ResolveMissingAssemblies => true;

    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        _dependencies.TryGetValue(referenceIdentity.Name, out var dependency) ? dependency : _fallback.ResolveMissingAssembly(definition, referenceIdentity);

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (!reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)) return _fallback.ResolveReference(reference, baseFilePath, properties);
        var parts = reference["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries);
        var id = parts[0];
        var version = parts.Length > 1 ? parts[1] : string.Empty;
        Requested.Add((id, version));
        return id.Equals("EksAdvisories", StringComparison.OrdinalIgnoreCase) ? [_library] : [];
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
