using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAdvisories.Data;

/// <summary>
/// Source-generated (reflection-free, trim- and AOT-safe) serializer for the advisory data format, both ways: the reader
/// deserializes the wire types, and the data-format exporter serializes them (absent optional values are left out). The
/// wire types hold public fields, not properties: a first load then JIT-compiles no accessor per member (about 270 of them).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    IncludeFields = true,
    MaxDepth = 64)]
[JsonSerializable(typeof(AdvisoryDocument))]
[JsonSerializable(typeof(AdvisoryBundleDocument))]
[JsonSerializable(typeof(ComponentReleasesDocument))]
[JsonSerializable(typeof(KubernetesFloorsDocument))]
internal sealed partial class AdvisoryJsonContext : JsonSerializerContext;
