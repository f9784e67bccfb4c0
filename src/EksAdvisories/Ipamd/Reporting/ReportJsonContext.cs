using System.Text.Json.Serialization;

namespace EksAdvisories.Ipamd;

/// <summary>Source-generated (reflection-free, trim- and AOT-safe) writer of <see cref="ReconcileReport"/> as JSON.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Serialization,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ReconcileReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
