using System.Text.Json;
using EksAdvisories.Tests;
using Json.Schema;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary>Validates the commands' JSON against the schemas committed in src/EksAdvisories.Cli/Schemas (JsonSchema.Net).</summary>
internal static class OutputSchemaValidator
{
    private static readonly Dictionary<string, Lazy<JsonSchema>> Schemas = new()
    {
        ["check-version"] = new(() => Load("check-version")),
        ["check-node"] = new(() => Load("check-node")),
    };

    /// <summary>The errors of <paramref name="json"/> against the schema of <paramref name="command"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string command, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schemas[command].Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid, without details"];
    }

    private static JsonSchema Load(string command) =>
        JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Combine("src", "EksAdvisories.Cli", "Schemas", command + ".schema.json")));
}
