namespace EksAdvisories.Cli;

/// <summary>Renders a check in the format asked for: the one place that maps <see cref="OutputFormat"/> to a writer.</summary>
internal static class CheckOutput
{
    public static string Render(OutputFormat format, VersionCheck check) => format switch
    {
        OutputFormat.Json => JsonOutput.Render(check),
        OutputFormat.Sarif => SarifOutput.Render(check),
        OutputFormat.Junit => JUnitOutput.Render(check),
        OutputFormat.Markdown => MarkdownOutput.Render(check),
        _ => VerdictWriter.Text(check),
    };

    public static string Render(OutputFormat format, NodeCheck check) => format switch
    {
        OutputFormat.Json => JsonOutput.Render(check),
        OutputFormat.Sarif => SarifOutput.Render(check),
        OutputFormat.Junit => JUnitOutput.Render(check),
        OutputFormat.Markdown => MarkdownOutput.Render(check),
        _ => NodeReportText.Render(check),
    };
}
