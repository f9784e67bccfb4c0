using System.CommandLine;

namespace EksAdvisories.Cli;

/// <summary>The output formats of the commands that judge (<c>check-version</c>, <c>check-node</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Aligned text for people.</summary>
    Text,

    /// <summary>JSON with a <c>schemaVersion</c>, described by the schemas in src/EksAdvisories.Cli/Schemas.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for code-scanning dashboards.</summary>
    Sarif,

    /// <summary>JUnit XML in the Ant/Jenkins shape CI servers read.</summary>
    Junit,

    /// <summary>Markdown, for a pull-request comment or a job summary.</summary>
    Markdown,
}

/// <summary>The <c>--format</c> option (and its shorthand <c>--json</c>) of a judging command.</summary>
internal sealed class OutputFormatOption
{
    private static readonly string[] Names = ["text", "json", "sarif", "junit", "markdown"];

    private readonly Option<string> _format = new("--format")
    {
        Description = "text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML) or markdown.",
        DefaultValueFactory = _ => "text",
        HelpName = "format",
    };

    private readonly Option<bool> _json = new("--json") { Description = "The same as --format json." };

    public OutputFormatOption() => _format.AcceptOnlyFromAmong(Names);

    public void AddTo(Command command)
    {
        command.Options.Add(_format);
        command.Options.Add(_json);
    }

    /// <summary>The format asked for; <c>--json</c> with another <c>--format</c> is a usage error.</summary>
    public OutputFormat Resolve(ParseResult result)
    {
        var name = result.GetValue(_format)!;
        if (!result.GetValue(_json)) return Parse(name);
        return name is "text" or "json" && result.GetResult(_format) is null or { Implicit: true } || name == "json"
            ? OutputFormat.Json
            : throw new InputException($"--json and --format {name} ask for two formats; give one.");
    }

    private static OutputFormat Parse(string name) => name switch
    {
        "json" => OutputFormat.Json,
        "sarif" => OutputFormat.Sarif,
        "junit" => OutputFormat.Junit,
        "markdown" => OutputFormat.Markdown,
        _ => OutputFormat.Text,
    };
}
