using System.Text.Json;
using EksAdvisories.Data;

namespace EksAdvisories;

/// <summary>
/// Writes an advisory in the repository's data format (<c>advisories/*.json</c>) through the one mapper and the
/// source-generated serializer, so that <see cref="AdvisoryDataReader"/> reads it back to an equal advisory.
/// Optional values that are absent are left out, as in the data files.
/// </summary>
internal static class AdvisoryDataWriter
{
    public static string Write(Advisory a) =>
        ExportFormat.Json(w => JsonSerializer.Serialize(w, AdvisoryMapper.ToDocument(a), AdvisoryJsonContext.Default.AdvisoryDocument));
}
