using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAdvisories.Cli;

/// <summary>
/// The JSON of <c>check-version</c> (Schemas/check-version.schema.json). <c>schemaVersion</c> changes its major number
/// when a field is removed or changes meaning; fields are only ever added otherwise.
/// </summary>
internal sealed record VersionCheckDocument(
    string SchemaVersion, string Command, string DataVersion, int ExitCode, IReadOnlyList<VerdictDocument> Verdicts, IReadOnlyList<ProblemDocument> Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AddonBuildDocument? AddonBuild);

/// <summary>With <c>--addon-versions</c>: the offered add-on builds to install (the lowest that clears every advisory, the newest, the default).</summary>
internal sealed record AddonBuildDocument(
    string? KubernetesVersion, int Offered, string? LowestClear, string? Newest, string? Default, bool DefaultAffected, IReadOnlyList<string> DefaultCoveredBy, string Summary);

/// <summary>One verdict: the input, where it came from, the advisory, the status and whether <c>--fail-on</c> counts it.</summary>
internal sealed record VerdictDocument(
    string Source, string Input, string AdvisoryId, string Status, string? AsPublished, bool Finding, string? Version, string Reason, ActionDocument? Action);

/// <summary>What to do about an affected version.</summary>
internal sealed record ActionDocument(
    string UpgradeTo, string? RecommendedAddonVersion, string? MitigationTarget, string? MitigationWithheldReason, string Summary);

/// <summary>An input that could not be read (exit code 3).</summary>
internal sealed record ProblemDocument(string Input, string Message);

/// <summary>The JSON of <c>check-node</c> (Schemas/check-node.schema.json).</summary>
internal sealed record NodeCheckDocument(
    string SchemaVersion, string Command, string DataVersion, int ExitCode, IReadOnlyList<NodeDocument> Nodes, IReadOnlyList<ProblemDocument> Errors);

/// <summary>One snapshot folder: its verdict, whether <c>--fail-on</c> counts it, and the checker's report as the library writes it.</summary>
internal sealed record NodeDocument(string Folder, string Verdict, bool Finding, JsonElement Report);
