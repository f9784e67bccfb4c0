using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAdvisories.Json;

/// <summary>Source-generated (reflection-free, trim- and AOT-safe) serializer for the advisory data format.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    MaxDepth = 64)]
[JsonSerializable(typeof(AdvisoryDocument))]
[JsonSerializable(typeof(AdvisoryBundleDocument))]
internal sealed partial class AdvisoryJsonContext : JsonSerializerContext;
