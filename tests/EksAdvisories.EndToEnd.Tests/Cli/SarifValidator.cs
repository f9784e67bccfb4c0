using EksAdvisories.Tests;
using NJsonSchema.Validation;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary>
/// Validates SARIF against the official SARIF 2.1.0 schema in <c>../shared/reference/</c> (draft-04, read with NJsonSchema).
/// The schema's errors nest: a result that fails the <c>runs</c> branch reports a child error per sub-schema, so the
/// leaves are collected by walking the child errors.
/// </summary>
internal static class SarifValidator
{
    private static readonly Lazy<Task<NJsonSchema.JsonSchema>> Schema =
        new(() => NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(SharedReference.Folder, "sarif-schema-2.1.0.json")));

    /// <summary>Every leaf error as "path: kind"; empty when the document is valid. Skips the calling test when the schema is absent.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string sarif)
    {
        SharedReference.Require("sarif-schema-2.1.0.json");
        var schema = await Schema.Value;
        var leaves = new List<string>();
        foreach (var error in schema.Validate(sarif)) Walk(error, leaves);
        return leaves;
    }

    private static void Walk(ValidationError error, List<string> leaves)
    {
        // A sub-schema that failed (allOf, oneOf, a $ref) and a property of several types ("runs": array or null)
        // report their reasons as child errors, per branch.
        var children = error switch
        {
            ChildSchemaValidationError child => child.Errors.Values.SelectMany(e => e).ToList(),
            MultiTypeValidationError multi => multi.Errors.Values.SelectMany(e => e).ToList(),
            _ => [],
        };
        if (children.Count > 0)
        {
            foreach (var nested in children) Walk(nested, leaves);
            return;
        }

        leaves.Add($"{error.Path}: {error.Kind}{(error.Property is null ? string.Empty : " (" + error.Property + ")")}");
    }
}
