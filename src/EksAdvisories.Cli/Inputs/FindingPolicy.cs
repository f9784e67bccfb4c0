using System.CommandLine;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary>
/// Which verdicts count as a finding (exit 1), from <c>--fail-on</c>. Unknown is never a finding and always exits 2;
/// every other verdict not listed exits 0. Verdicts are named in kebab case (<c>at-risk</c> for
/// <see cref="ReconcileVerdict.AtRisk"/>), so a verdict the checker adds later maps by its name, not by a number.
/// </summary>
internal sealed class FindingPolicy
{
    /// <summary>The verdicts <c>--fail-on</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Choices = ["affected", "stuck", "at-risk", "drifted", "none"];

    private const string DefaultList = "affected,stuck,at-risk";

    private readonly HashSet<string> _failOn;

    private FindingPolicy(HashSet<string> failOn) => _failOn = failOn;

    /// <summary>The default policy: affected versions, stuck and at-risk nodes are findings.</summary>
    public static FindingPolicy Default { get; } = Parse(DefaultList);

    /// <summary>The <c>--fail-on</c> option of a judging command.</summary>
    public static Option<string> CreateOption() => new("--fail-on")
    {
        Description = $"Comma-separated verdicts that exit 1 ({string.Join(", ", Choices)}); the others exit 0, Unknown exits 2.",
        DefaultValueFactory = _ => DefaultList,
        HelpName = "list",
    };

    /// <summary>Reads a <c>--fail-on</c> list; throws <see cref="InputException"/> naming a value it does not know.</summary>
    public static FindingPolicy Parse(string list)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var name = raw.ToLowerInvariant();
            if (!Choices.Contains(name))
            {
                throw new InputException($"--fail-on: '{raw}' is not a verdict; expected a comma-separated list of {string.Join(", ", Choices)}.");
            }

            names.Add(name);
        }

        if (names.Count == 0) throw new InputException($"--fail-on: the list is empty; expected some of {string.Join(", ", Choices)}, or none.");
        if (names.Contains("none") && names.Count > 1) throw new InputException("--fail-on: 'none' cannot be combined with verdicts.");
        return new FindingPolicy(names);
    }

    /// <summary>Whether a version verdict is a finding under this policy.</summary>
    public bool IsFinding(AffectedStatus status) => status != AffectedStatus.Unknown && _failOn.Contains(KebabName(status.ToString()));

    /// <summary>Whether a node verdict is a finding under this policy.</summary>
    public bool IsFinding(ReconcileVerdict verdict) => verdict != ReconcileVerdict.Unknown && _failOn.Contains(KebabName(verdict.ToString()));

    /// <summary>The exit code of one version verdict.</summary>
    public int ExitCode(AffectedStatus status) =>
        status == AffectedStatus.Unknown ? ExitCodes.Unknown : IsFinding(status) ? ExitCodes.Finding : ExitCodes.Fine;

    /// <summary>The exit code of one node verdict.</summary>
    public int ExitCode(ReconcileVerdict verdict) =>
        verdict == ReconcileVerdict.Unknown ? ExitCodes.Unknown : IsFinding(verdict) ? ExitCodes.Finding : ExitCodes.Fine;

    /// <summary><c>AtRisk</c> → <c>at-risk</c>, <c>NotAffected</c> → <c>not-affected</c>.</summary>
    public static string KebabName(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
