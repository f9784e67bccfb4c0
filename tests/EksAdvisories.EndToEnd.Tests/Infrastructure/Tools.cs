namespace EksAdvisories.EndToEnd.Tests.Infrastructure;

/// <summary>The <c>dotnet</c> and <c>git</c> executables the tests run.</summary>
internal static class Tools
{
    /// <summary>
    /// The muxer that runs these tests when it can be found (so the children use the same SDK installation),
    /// else <c>dotnet</c> from PATH.
    /// </summary>
    public static string Dotnet { get; } = FindDotnet();

    public static string Git => "git";

    private static string FindDotnet()
    {
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost)) return fromHost;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = string.IsNullOrEmpty(root) ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }
}
