namespace EksAdvisories.Cli;

/// <summary>check-node as text: each readable folder's report as the library writes it, under a "== folder" line.</summary>
internal static class NodeReportText
{
    public static string Render(NodeCheck check)
    {
        var output = new StringWriter();
        foreach (var node in check.Nodes)
        {
            if (node.Report is not { } report) continue;
            output.WriteLine($"== {node.Folder}");
            output.WriteLine(report.ToText());
        }

        return output.ToString();
    }
}
