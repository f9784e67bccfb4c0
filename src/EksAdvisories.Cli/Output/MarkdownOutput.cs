using System.Text;

namespace EksAdvisories.Cli;

/// <summary>Writes a check as Markdown (a table of verdicts), for a pull-request comment or a CI job summary.</summary>
internal static class MarkdownOutput
{
    public static string Render(VersionCheck check)
    {
        var md = new StringBuilder();
        md.Append("## eks-advisories check-version (data ").Append(check.DataVersion).Append(")\n\n");
        md.Append("| input | advisory | verdict | reason | action |\n|---|---|---|---|---|\n");
        foreach (var judged in check.Verdicts)
        {
            var v = judged.Verdict;
            var verdict = v.Status == AffectedStatus.Affected ? $"**{v.Status}**" : $"{v.Status}";
            md.Append($"| `{Cell(v.Input)}` | {v.AdvisoryId} | {verdict} | {Cell(v.Reason)} | {Cell(v.Action?.Summary ?? string.Empty)} |\n");
        }

        Problems(md, check.Problems);
        return md.ToString();
    }

    public static string Render(NodeCheck check)
    {
        var md = new StringBuilder();
        md.Append("## eks-advisories check-node\n\n");
        md.Append("| snapshot | verdict | CNI version | summary |\n|---|---|---|---|\n");
        foreach (var node in check.Nodes)
        {
            if (node.Report is not { } report) continue;
            var verdict = check.Policy.IsFinding(report.Verdict) ? $"**{report.Verdict}**" : $"{report.Verdict}";
            md.Append($"| `{Cell(node.Folder)}` | {verdict} | {Cell(report.CniVersion ?? "unknown")} | {Cell(report.Summary)} |\n");
        }

        foreach (var node in check.Nodes.Where(n => n.Report is { Findings.Count: > 0 }))
        {
            md.Append($"\n### `{Cell(node.Folder)}`: {node.Report!.Verdict}\n\n| code | severity | ENI | finding |\n|---|---|---|---|\n");
            foreach (var f in node.Report.Findings) md.Append($"| {f.Code} | {f.Severity} | {Cell(f.EniId ?? string.Empty)} | {Cell(f.Message)} |\n");
            if (node.Report.Action is { } action) md.Append($"\nAction: {action}\n");
        }

        Problems(md, check.Nodes.Where(n => n.Problem is not null).Select(n => n.Problem!).ToList());
        return md.ToString();
    }

    private static void Problems(StringBuilder md, IReadOnlyList<InputProblem> problems)
    {
        if (problems.Count == 0) return;
        md.Append("\n### Inputs that could not be read\n\n");
        foreach (var p in problems) md.Append("- ").Append(Cell(p.Message)).Append('\n');
    }

    /// <summary>Text safe inside a table cell: no line breaks, no unescaped '|', no '&lt;' read as HTML, no backtick that would end a code span.</summary>
    private static string Cell(string text) => text.ReplaceLineEndings(" ")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
