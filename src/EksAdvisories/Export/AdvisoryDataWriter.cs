using System.Text.Json;

namespace EksAdvisories;

/// <summary>
/// Writes an advisory in the repository's data format (<c>advisories/*.json</c>), property for property in the order of
/// the data files, so that <see cref="AdvisoryDataReader"/> reads it back to an equal advisory. Optional values that are
/// absent are left out, as in the data files.
/// </summary>
internal static class AdvisoryDataWriter
{
    public static string Write(Advisory a) => ExportFormat.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("schemaVersion", a.SchemaVersion);
        w.WriteString("id", a.Id);
        w.WriteNumber("revision", a.Revision);
        w.WriteString("published", ExportFormat.Timestamp(a.Published));
        w.WriteString("modified", ExportFormat.Timestamp(a.Modified));
        w.WriteString("title", a.Title);
        w.WriteString("summary", a.Summary);

        w.WriteStartObject("component");
        w.WriteString("name", a.Component.Name);
        ExportFormat.WriteStrings(w, "aliases", a.Component.Aliases);
        ExportFormat.WriteStrings(w, "imageRepositories", a.Component.ImageRepositories);
        w.WriteString("upstreamModule", a.Component.UpstreamModule);
        w.WriteEndObject();

        w.WriteStartObject("affected");
        ExportFormat.WriteEvents(w, a.Affected.Range, "lastAffected");
        ExportFormat.WriteStrings(w, "knownAffectedReleases", a.Affected.KnownAffectedReleases);
        ExportFormat.WriteStrings(w, "knownUnaffectedReleases", a.Affected.KnownUnaffectedReleases);
        ExportFormat.WriteStrings(w, "neverReleased", a.Affected.NeverReleased);
        w.WriteEndObject();

        w.WriteStartObject("asPublished");
        w.WriteString("rangeText", a.AsPublished.RangeText);
        ExportFormat.WriteEvents(w, a.AsPublished.Range, "lastAffected");
        w.WriteString("fixedIn", a.AsPublished.FixedIn);
        w.WriteString("mitigationTarget", a.AsPublished.MitigationTarget);
        w.WriteEndObject();

        var rc = a.RootCause;
        w.WriteStartObject("rootCause");
        w.WriteString("description", rc.Description);
        w.WriteString("introducedIn", rc.IntroducedIn);
        w.WriteString("introducedBy", rc.IntroducedBy.OriginalString);
        if (rc.IntroducedByCommit is { } introducedCommit) w.WriteString("introducedByCommit", introducedCommit);
        w.WriteString("fixedBy", rc.FixedBy.OriginalString);
        if (rc.FixedByCommit is { } fixedCommit) w.WriteString("fixedByCommit", fixedCommit);
        w.WriteEndObject();

        w.WriteString("impact", a.Impact);
        ExportFormat.WriteStrings(w, "triggerConditions", a.TriggerConditions);

        var r = a.Remediation;
        w.WriteStartObject("remediation");
        w.WriteString("fixedIn", r.FixedIn);
        w.WriteString("firstReleasedFixedVersion", r.FirstReleasedFixedVersion);
        w.WriteString("firstFixedAddonVersion", r.FirstFixedAddonVersion);
        w.WriteString("recommendedAddonVersion", r.RecommendedAddonVersion);
        w.WriteString("description", r.Description);
        ExportFormat.WriteStrings(w, "caveats", r.Caveats);
        w.WriteEndObject();

        var m = a.Mitigation;
        w.WriteStartObject("mitigation");
        w.WriteString("targetVersion", m.TargetVersion);
        w.WriteString("description", m.Description);
        if (m.UnsafeFromKubernetesVersion is { } unsafeFrom) w.WriteString("unsafeFromKubernetesVersion", unsafeFrom.ToString());
        ExportFormat.WriteStrings(w, "caveats", m.Caveats);
        w.WriteEndObject();

        w.WriteStartObject("detection");
        w.WriteStartArray("logSignatures");
        foreach (var s in a.Detection.LogSignatures)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("text", s.Text);
            w.WriteString("meaning", s.Meaning);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ExportFormat.WriteStrings(w, "introspectionChecks", a.Detection.IntrospectionChecks);
        w.WriteEndObject();

        w.WriteStartArray("glossary");
        foreach (var g in a.Glossary)
        {
            w.WriteStartObject();
            w.WriteString("term", g.Term);
            w.WriteString("definition", g.Definition);
            if (g.Link is { } link) w.WriteString("link", link.OriginalString);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        ExportFormat.WriteReferences(w, a.References);

        ExportFormat.WriteCorrections(w, a.Corrections);

        ExportFormat.WriteHistory(w, a.History);
        w.WriteEndObject();
    });
}
