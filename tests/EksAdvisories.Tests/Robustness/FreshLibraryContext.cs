using System.Reflection;
using System.Runtime.Loader;

namespace EksAdvisories.Tests.Robustness;

/// <summary>
/// A collectible load context holding a second copy of the EksAdvisories assembly, so its static state (the lazily read
/// <c>AdvisoryCatalog.Default</c>, the verdict caches) is brand new: the only way inside one process to reach a true first
/// access. Every other assembly (Semver, System.Text.Json) is shared with the default context.
/// </summary>
internal sealed class FreshLibraryContext : AssemblyLoadContext
{
    public FreshLibraryContext() : base("EksAdvisories-fresh", isCollectible: true)
    {
        Library = LoadFromAssemblyPath(typeof(AdvisoryCatalog).Assembly.Location);
    }

    public Assembly Library { get; }

    public Type Type(string name) => Library.GetType(name, throwOnError: true)!;

    /// <summary>Null defers to the default context: only the library itself is loaded twice.</summary>
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
