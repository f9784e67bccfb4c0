using System.CommandLine;

namespace EksAdvisories.Cli;

/// <summary>The <c>--k8s</c> option of every judging command, validated the same way by each (a usage error, exit 3).</summary>
internal static class KubernetesOption
{
    public static Option<string?> Create(string description) => new("--k8s", "--kubernetes-version")
    {
        Description = description,
        HelpName = "version",
    };

    /// <summary>The value of <paramref name="option"/>, checked; throws <see cref="InputException"/> naming it when it is not a Kubernetes version.</summary>
    public static string? Validated(ParseResult result, Option<string?> option)
    {
        var text = result.GetValue(option);
        if (text is not null && !KubernetesVersion.TryParse(text, out _, out var error)) throw new InputException("--k8s: " + error);
        return text;
    }
}
