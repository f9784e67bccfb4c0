using System.Text.Json.Serialization;

namespace EksAdvisories.Cli;

/// <summary>Source-generated (reflection-free, AOT-safe) serialization of the JSON the commands write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(VersionCheckDocument))]
[JsonSerializable(typeof(NodeCheckDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
