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
        var id = new Option<string?>("--id") { Description = "Only this advisory (default: all; json and osv then write one JSON array)." };

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

            var chosen = result.GetValue(format)!;
            var list = advisories.ToList();

            // Several JSON records are written as one JSON array, so the output stays one parseable document.
            var asArray = list.Count > 1 && chosen is "json" or "osv";
            var output = new StringWriter();
            if (asArray) output.WriteLine("[");
            for (var i = 0; i < list.Count; i++)
            {
                var text = chosen switch
                {
                    "markdown" => list[i].ToMarkdown(),
                    "json" => list[i].ToJson(),
                    "osv" => list[i].ToOsvJson(catalog.DataVersion),
                    _ => VerdictWriter.Summary(list[i], catalog.DataVersion),
                };
                output.Write(asArray ? text.TrimEnd() + (i < list.Count - 1 ? "," : string.Empty) : text);
                output.WriteLine();
            }

            if (asArray) output.WriteLine("]");
            StandardOutput.Write(output.ToString());

            return ExitCodes.Fine;
        });
        return command;
    }
}
