using System.Text;
using System.Text.Json;

namespace EksAdvisories.Cli;

/// <summary>Renders advisory verdicts for people (aligned text) and for machines (JSON written with Utf8JsonWriter).</summary>
internal static class VerdictWriter
{
    public static void WriteText(TextWriter output, IReadOnlyList<AdvisoryVerdict> verdicts)
    {
        foreach (var v in verdicts)
        {
            var status = v.Status switch
            {
                AffectedStatus.Affected => "AFFECTED",
                AffectedStatus.NotAffected => "not affected",
                _ => "UNKNOWN",
            };
            var published = v.DiffersFromPublished ? $" (as published: {Describe(v.AsPublished)})" : string.Empty;
            output.WriteLine($"{v.Input.Trim()}  {v.AdvisoryId}  {status}{published}");
            output.WriteLine($"  {v.Reason}");
            if (v.Action is { } action) output.WriteLine($"  action: {action.Summary}");
        }
    }

    public static void WriteJson(Stream output, string dataVersion, IReadOnlyList<AdvisoryVerdict> verdicts)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("dataVersion", dataVersion);
        json.WriteStartArray("verdicts");
        foreach (var v in verdicts) Write(json, v);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.Write("\n"u8);
    }

    internal static void Write(Utf8JsonWriter json, AdvisoryVerdict v)
    {
        json.WriteStartObject();
        json.WriteString("input", v.Input);
        json.WriteString("advisoryId", v.AdvisoryId);
        json.WriteString("status", v.Status.ToString());
        json.WriteString("asPublished", v.AsPublished.ToString());
        if (v.Version is null) json.WriteNull("version");
        else json.WriteString("version", v.Version.ToString());
        json.WriteString("reason", v.Reason);
        if (v.Action is null)
        {
            json.WriteNull("action");
        }
        else
        {
            json.WriteStartObject("action");
            json.WriteString("upgradeTo", $"{v.Action.UpgradeTo}");
            json.WriteString("recommendedAddonVersion", $"{v.Action.RecommendedAddonVersion}");
            if (v.Action.Mitigation is null) json.WriteNull("mitigationTarget");
            else json.WriteString("mitigationTarget", $"{v.Action.Mitigation.TargetVersion}");
            if (v.Action.MitigationWithheldReason is null) json.WriteNull("mitigationWithheldReason");
            else json.WriteString("mitigationWithheldReason", v.Action.MitigationWithheldReason);
            json.WriteString("summary", v.Action.Summary);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Describe(AffectedStatus status) => status switch
    {
        AffectedStatus.Affected => "affected",
        AffectedStatus.NotAffected => "not affected",
        _ => "unknown",
    };

    public static string Summary(Advisory a, string dataVersion)
    {
        var text = new StringBuilder();
        text.AppendLine($"{a.Id} (revision {a.Revision}, data {dataVersion}): {a.Title}");
        text.AppendLine($"  affected:     {a.Affected.Range}   (as published: {a.AsPublished?.RangeText ?? "no published text"})");
        text.AppendLine($"  fixed in:     {a.Remediation.FirstReleasedFixedVersion} (EKS add-on {a.Remediation.FirstFixedAddonVersion}; recommended {a.Remediation.RecommendedAddonVersion})");
        text.AppendLine($"  mitigation:   roll back to {a.Mitigation.TargetVersion}" + (a.Mitigation.UnsafeFromKubernetesVersion is { } k ? $", only on Kubernetes older than {k}" : string.Empty));
        text.AppendLine($"  corrections:  {a.Corrections.Count} published claims corrected (see 'show --format markdown')");
        return text.ToString();
    }
}
