using System.Text.Json;
using Json.Schema;

namespace EksAdvisories.Tests.Export;

/// <summary>
/// Validates JSON against the official OSV schema, read from <c>../shared/reference/osv-schema.json</c> (the repository
/// commits no copy); a test that calls it skips itself where that file is absent.
/// </summary>
internal static class OsvSchemaValidator
{
    // Built once: JsonSchema.Net registers a built schema under its $id, and one instance is safe to share across tests.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(SharedReference.Folder, "osv-schema.json"))));

    /// <summary>The schema's errors for <paramref name="json"/> as "instance path: message" lines; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        SharedReference.Require("osv-schema.json");
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            // OSV's timestamps and reference URLs use "format"; without this the formats would only be annotations.
            RequireFormatValidation = true,
        });
        if (results.IsValid) return [];
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid, without details"];
    }
}
