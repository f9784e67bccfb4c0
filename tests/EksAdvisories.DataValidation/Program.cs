using System.Text.Json;
using EksAdvisories;
using Json.Schema;

// Usage: EksAdvisories.DataValidation <advisories folder>
// Exit 0 when every file passes the schema and the semantic rules, 1 otherwise (each problem printed as an MSBuild error).
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: EksAdvisories.DataValidation <advisories folder>");
    return 2;
}

var folder = Path.GetFullPath(args[0]);
var schemaPath = Path.Combine(folder, "schema", "advisory.schema.json");
var schema = JsonSchema.FromText(File.ReadAllText(schemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
var problems = 0;
var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
foreach (var file in files)
{
    using (var document = JsonDocument.Parse(File.ReadAllText(file)))
    {
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!results.IsValid)
        {
            foreach (var detail in (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
            {
                foreach (var error in detail.Errors!)
                {
                    Console.Error.WriteLine($"{file}: error EKSADATA001: schema: {detail.InstanceLocation}: {error.Value}");
                    problems++;
                }
            }
        }
    }

    try
    {
        var catalog = AdvisoryCatalog.LoadFile(file);
        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (catalog.Advisories.Count != 1 || catalog.Advisories[0].Id != expectedId)
        {
            Console.Error.WriteLine($"{file}: error EKSADATA003: the file must hold one advisory whose id is '{expectedId}'.");
            problems++;
        }
    }
    catch (AdvisoryDataException e)
    {
        Console.Error.WriteLine($"{file}: error EKSADATA002: {e.Message}");
        problems++;
    }
}

Console.WriteLine($"advisory data: {files.Count} file(s) checked, {problems} problem(s)");
return problems == 0 && files.Count > 0 ? 0 : 1;
