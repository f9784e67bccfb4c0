using System.Text;
using System.Text.Json;

namespace EksAdvisories;

/// <summary>
/// Writes an advisory as an OSV record (schema 1.7). OSV has no place for several things the advisory knows (the range
/// as published, the corrections, EKS add-on builds), so they go to <c>database_specific</c> and
/// <c>ecosystem_specific</c>, which OSV leaves to the database.
/// </summary>
internal static class OsvRecordWriter
{
    // The upstream project is a Go module; OSV's "Go" ecosystem names packages by module path and compares SemVer.
    private const string Ecosystem = "Go";

    public static string Write(Advisory a, string? dataVersion) => ExportFormat.Json(w =>
    {
        w.WriteStartObject();
        w.WriteString("schema_version", AdvisoryExport.OsvSchemaVersion);
        w.WriteString("id", AdvisoryExport.OsvIdPrefix + a.Id);
        w.WriteString("modified", ExportFormat.Timestamp(a.Modified));
        w.WriteString("published", ExportFormat.Timestamp(a.Published));
        w.WriteString("summary", a.Title);
        w.WriteString("details", Details(a));
        WriteAffected(w, a);
        WriteReferences(w, a);
        WriteDatabaseSpecific(w, a, dataVersion);
        w.WriteEndObject();
    });

    /// <summary>OSV reference types; a data type outside this set (the data's <c>DOCS</c>) is exported as <c>WEB</c>.</summary>
    internal static string ReferenceType(string dataType) => dataType switch
    {
        "ADVISORY" or "ARTICLE" or "DETECTION" or "DISCUSSION" or "REPORT" or "FIX" or "INTRODUCED" or "GIT" or "PACKAGE" or "EVIDENCE" or "WEB" => dataType,
        _ => "WEB",
    };

    /// <summary>The note on EKS add-on versions, shared with the Markdown document so both say the same.</summary>
    internal static string EksBuildNote(Advisory a)
    {
        var fixedRelease = a.Remediation.FirstReleasedFixedVersion;
        return $"EKS {a.Component.Name} add-on versions have the form vX.Y.Z-eksbuild.N. Such a version is EKS build N of upstream release X.Y.Z, "
            + $"not a SemVer pre-release of it: {fixedRelease}-eksbuild.1 is release {fixedRelease}, and an add-on build is affected exactly when its upstream release is. "
            + $"Tools that compare add-on versions by plain SemVer precedence sort vX.Y.Z-eksbuild.N before X.Y.Z and get this range wrong; strip the -eksbuild.N suffix first. "
            + $"The first fixed add-on build is {a.Remediation.FirstFixedAddonVersion}; the recommended one is {a.Remediation.RecommendedAddonVersion}.";
    }

    private static string Details(Advisory a)
    {
        var sb = new StringBuilder();
        sb.Append(a.Summary).Append("\n\n");
        sb.Append("## Root cause\n\n").Append(a.RootCause.Description).Append("\n\n");
        sb.Append("Introduced by ").Append(a.RootCause.IntroducedBy.OriginalString).Append(" (first in ").Append(a.RootCause.IntroducedIn)
            .Append("); fixed by ").Append(a.RootCause.FixedBy.OriginalString).Append(" (first released in ").Append(a.Remediation.FirstReleasedFixedVersion).Append(").\n\n");
        sb.Append("## Impact\n\n").Append(a.Impact).Append("\n\n");
        sb.Append("## Trigger conditions\n\nAll of these must hold:\n\n");
        foreach (var condition in a.TriggerConditions) sb.Append("- ").Append(condition).Append('\n');
        sb.Append("\n## Remediation\n\n").Append(a.Remediation.Description).Append("\n\n");
        sb.Append("## Mitigation\n\n").Append(a.Mitigation.Description).Append('\n');
        foreach (var caveat in a.Mitigation.Caveats) sb.Append("\n- ").Append(caveat);
        sb.Append("\n\n## EKS add-on versions\n\n").Append(EksBuildNote(a)).Append("\n\n");
        if (a.AsPublished is { } published)
        {
            sb.Append("## Corrections to the advisory as published\n\nAs published, the affected range was `").Append(published.RangeText)
                .Append("` with the fix in ").Append(published.FixedIn).Append('.');
            if (a.Corrections.Count > 0) sb.Append(" Upstream evidence contradicts these claims:\n\n");
            foreach (var c in a.Corrections) sb.Append("- Published: ").Append(c.Claim).Append(" Corrected: ").Append(c.CorrectedStatement).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    private static void WriteAffected(Utf8JsonWriter w, Advisory a)
    {
        w.WriteStartArray("affected");
        w.WriteStartObject();

        w.WriteStartObject("package");
        w.WriteString("ecosystem", Ecosystem);
        w.WriteString("name", a.Component.UpstreamModule);
        w.WriteString("purl", "pkg:golang/" + a.Component.UpstreamModule);
        w.WriteEndObject();

        w.WriteStartArray("ranges");
        w.WriteStartObject();
        w.WriteString("type", "SEMVER");
        ExportFormat.WriteEvents(w, a.Affected.Range, "last_affected");
        w.WriteEndObject();
        w.WriteEndArray();

        ExportFormat.WriteStrings(w, "versions", a.Affected.KnownAffectedReleases.Select(v => v.SemVerText));

        w.WriteStartObject("ecosystem_specific");
        w.WriteStartObject("eks_addon");
        w.WriteString("name", a.Component.Name);
        w.WriteString("version_format", "vX.Y.Z-eksbuild.N");
        w.WriteBoolean("eksbuild_is_prerelease", false);
        w.WriteString("note", EksBuildNote(a));
        w.WriteString("first_fixed_addon_version", a.Remediation.FirstFixedAddonVersion.ToString());
        w.WriteString("recommended_addon_version", a.Remediation.RecommendedAddonVersion.ToString());
        w.WriteEndObject();
        ExportFormat.WriteStrings(w, "image_repositories", a.Component.ImageRepositories);
        ExportFormat.WriteStrings(w, "component_aliases", a.Component.Aliases);
        w.WriteEndObject();

        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteReferences(Utf8JsonWriter w, Advisory a)
    {
        w.WriteStartArray("references");
        foreach (var x in a.References)
        {
            w.WriteStartObject();
            w.WriteString("type", ReferenceType(x.Type));
            w.WriteString("url", x.Url.OriginalString);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The pull requests and the commits that carry them on each release line (OSV's events name versions only).</summary>
    private static void WriteRootCause(Utf8JsonWriter w, RootCause root)
    {
        w.WriteStartObject("root_cause");
        w.WriteString("introduced_by", root.IntroducedBy.OriginalString);
        if (root.IntroducedByCommit is { } introducedCommit) w.WriteString("introduced_by_commit", introducedCommit);
        w.WriteString("introduced_in", root.IntroducedIn.SemVerText);
        w.WriteString("fixed_by", root.FixedBy.OriginalString);
        if (root.FixedByCommit is { } fixedCommit) w.WriteString("fixed_by_commit", fixedCommit);
        w.WriteStartArray("release_lines");
        foreach (var line in root.Commits)
        {
            w.WriteStartObject();
            w.WriteString("line", line.Line);
            w.WriteString("introduced_by_commit", line.IntroducedBy);
            if (line.IntroducedVia is { } introducedVia) w.WriteString("introduced_via", introducedVia.OriginalString);
            w.WriteString("first_tag", line.FirstTag.SemVerText);
            if (line.FixedBy is { } fixedBy) w.WriteString("fixed_by_commit", fixedBy);
            if (line.FixedVia is { } fixedVia) w.WriteString("fixed_via", fixedVia.OriginalString);
            if (line.FixedFirstTag is { } fixedTag) w.WriteString("fixed_first_tag", fixedTag.SemVerText);
            if (line.Note is { } note) w.WriteString("note", note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The signals, each with what it proves and what it does not: a log line alone does not prove an affected version.</summary>
    private static void WriteDetection(Utf8JsonWriter w, Detection detection)
    {
        w.WriteStartObject("detection");
        w.WriteStartArray("log_signatures");
        foreach (var signature in detection.LogSignatures)
        {
            w.WriteStartObject();
            w.WriteString("id", signature.Id);
            w.WriteString("text", signature.Text);
            w.WriteString("meaning", signature.Meaning);
            if (signature.Proves is { } proves) w.WriteString("proves", proves);
            if (signature.DoesNotProve is { } doesNotProve) w.WriteString("does_not_prove", doesNotProve);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("metrics");
        foreach (var metric in detection.Metrics)
        {
            w.WriteStartObject();
            w.WriteString("expression", metric.Expression);
            w.WriteString("meaning", metric.Meaning);
            w.WriteString("proves", metric.Proves);
            w.WriteString("does_not_prove", metric.DoesNotProve);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ExportFormat.WriteStrings(w, "introspection_checks", detection.IntrospectionChecks);
        w.WriteEndObject();
    }

    private static void WriteDatabaseSpecific(Utf8JsonWriter w, Advisory a, string? dataVersion)
    {
        w.WriteStartObject("database_specific");
        w.WriteString("source", "EksAdvisories");
        w.WriteString("advisory_id", a.Id);
        w.WriteNumber("revision", a.Revision);
        w.WriteString("data_schema_version", a.SchemaVersion);
        if (dataVersion is not null) w.WriteString("data_version", dataVersion);
        w.WriteString("component", a.Component.Name);

        if (a.AsPublished is { } published)
        {
            w.WriteStartObject("as_published");
            w.WriteString("range", published.RangeText);
            ExportFormat.WriteEvents(w, published.Range, "last_affected");
            w.WriteString("fixed_in", published.FixedIn.SemVerText);
            w.WriteString("mitigation_target", published.MitigationTarget.SemVerText);
            w.WriteEndObject();
        }

        w.WriteString("corrected_range", a.Affected.Range.ToString());
        ExportFormat.WriteStrings(w, "known_unaffected_releases", a.Affected.KnownUnaffectedReleases.Select(v => v.SemVerText));
        ExportFormat.WriteStrings(w, "never_released", a.Affected.NeverReleased.Select(v => v.SemVerText));

        if (a.Corrections.Count > 0) ExportFormat.WriteCorrections(w, a.Corrections);

        w.WriteStartObject("remediation");
        w.WriteString("fixed_in", a.Remediation.FixedIn.SemVerText);
        w.WriteString("first_released_fixed_version", a.Remediation.FirstReleasedFixedVersion.SemVerText);
        w.WriteString("first_fixed_addon_version", a.Remediation.FirstFixedAddonVersion.ToString());
        w.WriteString("recommended_addon_version", a.Remediation.RecommendedAddonVersion.ToString());
        w.WriteEndObject();

        w.WriteStartObject("mitigation");
        w.WriteString("target_version", a.Mitigation.TargetVersion.SemVerText);
        if (a.Mitigation.UnsafeFromKubernetesVersion is { } unsafeFrom) w.WriteString("unsafe_from_kubernetes_version", unsafeFrom.ToString());
        ExportFormat.WriteStrings(w, "caveats", a.Mitigation.Caveats);
        w.WriteStartArray("pitfalls");
        foreach (var pitfall in a.Mitigation.Pitfalls)
        {
            // The releases from which the mitigation hurts, as a range of its own, with why and the upstream evidence.
            w.WriteStartObject();
            w.WriteString("id", pitfall.Id);
            w.WriteString("range", pitfall.Range.ToString());
            ExportFormat.WriteEvents(w, pitfall.Range, "last_affected");
            w.WriteString("reason", pitfall.Reason);
            if (pitfall.Reference is { } reference) w.WriteString("reference", reference.OriginalString);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        WriteRootCause(w, a.RootCause);
        WriteDetection(w, a.Detection);

        // OSV references carry only type and URL; keep the data's own type (DOCS) and the descriptions here.
        ExportFormat.WriteReferences(w, a.References);

        ExportFormat.WriteHistory(w, a.History);
        w.WriteEndObject();
    }
}
