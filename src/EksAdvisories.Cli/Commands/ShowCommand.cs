using System.CommandLine;

namespace EksAdvisories.Cli;

/// <summary><c>show</c>: the advisory for people (text, Markdown) or machines (JSON in the data format, OSV).</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "text (a summary), markdown (the whole advisory), json (the data format) or osv (an OSV 1.7 record).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json", "osv");
        var id = new Option<string?>("--id") { Description = "Only this advisory (default: all)." };

        var command = new Command("show", "Show the advisory data.") { format, id };
        command.SetAction(result =>
        {
            var catalog = AdvisoryCatalog.Default;
            IEnumerable<Advisory> advisories = catalog.Advisories;
            if (result.GetValue(id) is { } wanted)
            {
                advisories = catalog.TryGet(wanted, out var one)
                    ? [one]
                    : throw new InputException($"--id: no advisory has the id '{wanted}'; known ids: {string.Join(", ", catalog.Advisories.Select(a => a.Id))}.");
            }

            var output = new StringWriter();
            foreach (var advisory in advisories)
            {
                output.Write(result.GetValue(format) switch
                {
                    "markdown" => advisory.ToMarkdown(),
                    "json" => advisory.ToJson(),
                    "osv" => advisory.ToOsvJson(catalog.DataVersion),
                    _ => VerdictWriter.Summary(advisory, catalog.DataVersion),
                });
                output.WriteLine();
            }

            StandardOutput.Write(output.ToString());

            return ExitCodes.Fine;
        });
        return command;
    }
}
