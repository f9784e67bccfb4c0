namespace EksAdvisories.Tests;

/// <summary>
/// The official schemas and reference data, kept outside the repository in <c>../shared/reference/</c> (relative to the
/// repository root) so that the project commits no copy of them. A test that needs one skips itself, saying so, where
/// that folder is absent.
/// </summary>
internal static class SharedReference
{
    /// <summary>The folder, <c>../shared/reference</c> beside the repository.</summary>
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "reference"));

    /// <summary>The path of <paramref name="name"/> in the folder; skips the calling test when it is not there.</summary>
    public static string Require(string name)
    {
        var path = Path.Combine(Folder, name);
        Assert.SkipUnless(File.Exists(path), $"{name} is not in {Folder}: the official schema lives outside the repository (../shared/reference/) and this clone has none beside it");
        return path;
    }
}
