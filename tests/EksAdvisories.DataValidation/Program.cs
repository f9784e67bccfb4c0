using System.Text.Json;
using EksAdvisories;
using EksAdvisories.Data;
using Json.Schema;

// Usage: EksAdvisories.DataValidation <advisories folder>
// Exit 0 when every file passes its schema and the library's own rules (the readers and the semantic validator that
// Load runs), 1 otherwise; each problem is printed as an MSBuild error.
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: EksAdvisories.DataValidation <advisories folder>");
    return 2;
}

var folder = Path.GetFullPath(args[0]);
var problems = 0;
var checkedFiles = 0;

JsonSchema Schema(string name) =>
    JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "schema", name)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

void CheckSchema(JsonSchema schema, string file)
{
    checkedFiles++;
    using var document = JsonDocument.Parse(File.ReadAllText(file));
    var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    if (results.IsValid) return;
    foreach (var detail in (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
    {
        foreach (var error in detail.Errors!)
        {
            Console.Error.WriteLine($"{file}: error EKSADATA001: schema: {detail.InstanceLocation}: {error.Value}");
            problems++;
        }
    }
}

void Report(string file, AdvisoryDataException e)
{
    Console.Error.WriteLine($"{file}: error EKSADATA002: {e.Message}");
    problems++;
}

// The component files: releases first (the floor table refers to them).
var components = Path.Combine(folder, "components");
var releasesSchema = Schema("component-releases.schema.json");
var floorsSchema = Schema("kubernetes-floors.schema.json");
foreach (var file in Directory.GetFiles(components, "*.releases.json").Order(StringComparer.Ordinal))
{
    CheckSchema(releasesSchema, file);
    try
    {
        var (_, releases, _) = ComponentDataReader.ReadReleases(File.ReadAllBytes(file), file);
        var floors = file[..^".releases.json".Length] + ".kubernetes-floors.json";
        if (File.Exists(floors))
        {
            CheckSchema(floorsSchema, floors);
            try
            {
                ComponentDataReader.ReadFloors(File.ReadAllBytes(floors), floors, releases);
            }
            catch (AdvisoryDataException e)
            {
                Report(floors, e);
            }
        }
    }
    catch (AdvisoryDataException e)
    {
        Report(file, e);
    }
}

var advisorySchema = Schema("advisory.schema.json");
foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
{
    CheckSchema(advisorySchema, file);
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
        Report(file, e);
    }
}

Console.WriteLine($"advisory data: {checkedFiles} file(s) checked, {problems} problem(s)");
return problems == 0 && checkedFiles > 0 ? 0 : 1;
