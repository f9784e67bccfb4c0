using System.Reflection;

namespace EksAdvisories.Cli;

/// <summary>The tool's name and version, as reports (SARIF, JUnit) name their producer.</summary>
internal static class ToolInfo
{
    public const string Name = "eks-advisories";

    public const string InformationUri = "https://github.com/eksadvisories/EksAdvisories";

    /// <summary>The package version (1.0.0), without the source-control suffix the SDK appends (+sha).</summary>
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
