using System.Text;

namespace EksAdvisories.Cli;

/// <summary>Renders advisory verdicts and the advisory summary for people, as aligned text.</summary>
internal static class VerdictWriter
{
    public static string Text(VersionCheck check)
    {
        var output = new StringWriter();
        foreach (var judged in check.Verdicts)
        {
            var v = judged.Verdict;
            var status = v.Status switch
            {
                AffectedStatus.Affected => "AFFECTED",
                AffectedStatus.NotAffected => "not affected",
                _ => "UNKNOWN",
            };
            var published = v.DiffersFromPublished ? $" (as published: {Describe($"{v.AsPublished}")})" : string.Empty;
            output.WriteLine($"{v.Input.Trim()}  {v.AdvisoryId}  {status}{published}");
            output.WriteLine($"  {v.Reason}");
            if (v.Action is { } action) output.WriteLine($"  action: {action.Summary}");
        }

        if (check.AddonBuild is { } choice) output.WriteLine("add-on build: " + choice.Summary);
        return output.ToString();
    }

    private static string Describe(string status) => status switch
    {
        nameof(AffectedStatus.Affected) => "affected",
        nameof(AffectedStatus.NotAffected) => "not affected",
        _ => "unknown",
    };

    public static string Summary(Advisory a, string dataVersion)
    {
        var text = new StringBuilder();
        text.AppendLine($"{a.Id} (revision {a.Revision}, data {dataVersion}): {a.Title}");
        text.AppendLine($"  affected:     {a.Affected.Range}   (as published: {a.AsPublished?.RangeText ?? "no published text"})");
        text.AppendLine($"  fixed in:     {a.Remediation.FirstReleasedFixedVersion} (EKS add-on {a.Remediation.FirstFixedAddonVersion}; recommended {a.Remediation.RecommendedAddonVersion})");
        text.AppendLine($"  mitigation:   roll back to {a.Mitigation.TargetVersion}" + (a.Mitigation.UnsafeFromKubernetesVersion is { } k ? $", only on Kubernetes older than {k}" : string.Empty));
        if (a.Corrections.Count > 0) text.AppendLine($"  corrections:  {a.Corrections.Count} published claims corrected (see 'show --format markdown')");
        return text.ToString();
    }
}
