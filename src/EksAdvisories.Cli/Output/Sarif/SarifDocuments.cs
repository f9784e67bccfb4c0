using System.Text.Json.Serialization;

namespace EksAdvisories.Cli;

// The parts of SARIF 2.1.0 (OASIS, sarif-schema-2.1.0.json) the commands write; property names follow the schema.

/// <summary>sarifLog: the root.</summary>
internal sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema, string Version, IReadOnlyList<SarifRun> Runs);

/// <summary>run: one invocation of one tool and its results.</summary>
internal sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifInvocation> Invocations, IReadOnlyList<SarifResult> Results);

/// <summary>tool.</summary>
internal sealed record SarifTool(SarifToolComponent Driver);

/// <summary>toolComponent: the tool's name, version and rules.</summary>
internal sealed record SarifToolComponent(string Name, string Version, string SemanticVersion, string InformationUri, IReadOnlyList<SarifRule> Rules);

/// <summary>reportingDescriptor: a rule (an advisory, a finding code, a verdict).</summary>
internal sealed record SarifRule(
    string Id, string Name, SarifText ShortDescription, SarifText FullDescription, string? HelpUri, SarifText? Help,
    SarifConfiguration DefaultConfiguration, IReadOnlyDictionary<string, string>? Properties);

/// <summary>reportingConfiguration: the level a rule's results have unless they say otherwise.</summary>
internal sealed record SarifConfiguration(string Level);

/// <summary>message / multiformatMessageString: plain text.</summary>
internal sealed record SarifText(string Text);

/// <summary>result: one verdict or finding.</summary>
internal sealed record SarifResult(
    string RuleId, int RuleIndex, string Kind, string Level, SarifText Message, IReadOnlyList<SarifLocation>? Locations,
    IReadOnlyDictionary<string, string>? Properties);

/// <summary>location: the file or folder a result is about, and the ENI (a logical location) where there is one.</summary>
internal sealed record SarifLocation(SarifPhysicalLocation? PhysicalLocation, IReadOnlyList<SarifLogicalLocation>? LogicalLocations);

/// <summary>physicalLocation.</summary>
internal sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation);

/// <summary>artifactLocation: a URI reference, relative to the working directory unless absolute.</summary>
internal sealed record SarifArtifactLocation(string Uri);

/// <summary>logicalLocation.</summary>
internal sealed record SarifLogicalLocation(string Name, string Kind);

/// <summary>invocation: whether the run read all its inputs, its exit code, and a notification per unreadable input.</summary>
internal sealed record SarifInvocation(bool ExecutionSuccessful, int ExitCode, IReadOnlyList<SarifNotification> ToolExecutionNotifications);

/// <summary>notification: an input that could not be read.</summary>
internal sealed record SarifNotification(string Level, SarifText Message, IReadOnlyList<SarifLocation>? Locations);

/// <summary>Source-generated serialization of SARIF; absent optional values are left out, as the schema expects.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;
