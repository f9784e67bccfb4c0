using System.Text;

namespace EksAdvisories;

/// <summary>
/// Renders an advisory as a Markdown document for people. Lines end in <c>\n</c> on every platform so that the document
/// is the same everywhere; table cells escape <c>|</c> so that prose cannot break a table.
/// </summary>
internal static class MarkdownRenderer
{
    public static string Render(Advisory a)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(a.Id).Append(": ").Append(a.Title).Append("\n\n");
        md.Append("Revision ").Append(a.Revision).Append(", published ").Append(ExportFormat.Date(a.Published))
            .Append(", last modified ").Append(ExportFormat.Date(a.Modified)).Append(". Component: `").Append(a.Component.Name)
            .Append("` (also known as ").Append(string.Join(", ", a.Component.Aliases.Select(n => "`" + n + "`")))
            .Append("; upstream `").Append(a.Component.UpstreamModule).Append("`).\n\n");
        md.Append(a.Summary).Append("\n\n");

        RenderAffected(md, a);

        md.Append("## Root cause\n\n").Append(a.RootCause.Description).Append("\n\n");
        md.Append("- Introduced in ").Append(a.RootCause.IntroducedIn).Append(" by ").Append(Link(a.RootCause.IntroducedBy));
        if (a.RootCause.IntroducedByCommit is { } introducedCommit) md.Append(" (commit `").Append(introducedCommit).Append("`)");
        md.Append('\n');
        md.Append("- Fixed by ").Append(Link(a.RootCause.FixedBy));
        if (a.RootCause.FixedByCommit is { } fixedCommit) md.Append(" (commit `").Append(fixedCommit).Append("`)");
        md.Append(", first released in ").Append(a.Remediation.FirstReleasedFixedVersion).Append('\n');
        foreach (var line in a.RootCause.Commits)
        {
            md.Append("- `").Append(line.Line).Append("`: introduced by `").Append(line.IntroducedBy).Append("` (from ").Append(line.FirstTag).Append(')');
            md.Append(line.FixedBy is null ? ", never fixed on this line" : $", fixed by `{line.FixedBy}` (from {line.FixedFirstTag})");
            if (line.Note is { } note) md.Append(". ").Append(note);
            md.Append('\n');
        }

        md.Append('\n');

        md.Append("## Impact\n\n").Append(a.Impact).Append("\n\n");
        md.Append("## Trigger conditions\n\nThe failure needs all of these:\n\n");
        for (var i = 0; i < a.TriggerConditions.Count; i++) md.Append(i + 1).Append(". ").Append(a.TriggerConditions[i]).Append('\n');
        md.Append('\n');

        var r = a.Remediation;
        md.Append("## Remediation\n\n").Append(r.Description).Append("\n\n");
        md.Append("- First fixed release: **").Append(r.FirstReleasedFixedVersion).Append("**\n");
        md.Append("- First fixed EKS add-on build: `").Append(r.FirstFixedAddonVersion).Append("`\n");
        md.Append("- Recommended EKS add-on build: `").Append(r.RecommendedAddonVersion).Append('`');
        if (a.Component.AddonBuilds.FirstOrDefault(b => b.Version == r.RecommendedAddonVersion) is { KubernetesVersions.Count: > 0 } build)
        {
            md.Append(", only on Kubernetes ").Append(string.Join(", ", build.KubernetesVersions));
        }

        md.Append('\n');
        if (a.Component.KubernetesFloors.Count > 0)
        {
            md.Append("- At least upstream's oldest recommended version for the cluster's Kubernetes version (upstream recommends the latest release): ")
                .Append(string.Join(", ", a.Component.KubernetesFloors.Select(f => $"{f.Kubernetes}: {f.OldestRecommended}"))).Append('\n');
        }

        foreach (var caveat in r.Caveats) md.Append("- ").Append(caveat).Append('\n');
        md.Append('\n');

        var m = a.Mitigation;
        md.Append("## Mitigation\n\n").Append(m.Description).Append("\n\n");
        if (m.UnsafeFromKubernetesVersion is { } unsafeFrom)
        {
            md.Append("> **Not on Kubernetes ").Append(unsafeFrom).Append(" or later.** Rolling back to ").Append(m.TargetVersion)
                .Append(" is only safe on clusters older than Kubernetes ").Append(unsafeFrom).Append("; there, upgrade to ")
                .Append(r.FirstReleasedFixedVersion).Append(" or later instead.\n\n");
        }

        foreach (var pitfall in m.Pitfalls)
        {
            md.Append("> **Not from ").Append(pitfall.Range.ToString()).Append(".** ").Append(pitfall.Reason);
            if (pitfall.Reference is { } reference) md.Append(" (").Append(Link(reference)).Append(')');
            md.Append("\n\n");
        }

        foreach (var caveat in m.Caveats) md.Append("- ").Append(caveat).Append('\n');
        md.Append('\n');

        md.Append("## Detection\n\nLog lines in `ipamd.log` (`/var/log/aws-routed-eni/ipamd.log`) that show the condition:\n\n");
        md.Append("| signature | what it means | proves | does not prove |\n|---|---|---|---|\n");
        foreach (var s in a.Detection.LogSignatures)
        {
            md.Append("| `").Append(Cell(s.Text)).Append("` | ").Append(Cell(s.Meaning)).Append(" | ").Append(Cell(s.Proves ?? string.Empty))
                .Append(" | ").Append(Cell(s.DoesNotProve ?? string.Empty)).Append(" |\n");
        }

        foreach (var metric in a.Detection.Metrics)
        {
            md.Append("\nMetric `").Append(metric.Expression).Append("`: ").Append(metric.Meaning).Append(" Proves: ").Append(metric.Proves)
                .Append(" Does not prove: ").Append(metric.DoesNotProve).Append('\n');
        }
        if (a.Detection.IntrospectionChecks.Count > 0)
        {
            md.Append("\nChecks on a node:\n\n");
            foreach (var check in a.Detection.IntrospectionChecks) md.Append("- ").Append(check).Append('\n');
        }

        md.Append('\n');

        md.Append("## Glossary\n\n");
        foreach (var g in a.Glossary)
        {
            md.Append("- **").Append(g.Term).Append("**: ").Append(g.Definition);
            if (g.Link is { } link) md.Append(" (").Append(Link(link)).Append(')');
            md.Append('\n');
        }

        md.Append('\n');

        md.Append("## References\n\n");
        foreach (var x in a.References)
        {
            md.Append("- ").Append(x.Type).Append(": ").Append(Link(x.Url));
            if (x.Description is { } description) md.Append(" — ").Append(description);
            md.Append('\n');
        }

        md.Append('\n');

        if (a.Corrections.Count > 0)
        {
            md.Append("## Corrections to the advisory as published\n\n");
            md.Append("| field | published claim | correction | evidence |\n|---|---|---|---|\n");
            foreach (var c in a.Corrections)
            {
                md.Append("| `").Append(Cell(c.Field)).Append("` | ").Append(Cell(c.Claim)).Append(" | ").Append(Cell(c.CorrectedStatement)).Append(" | ")
                    .Append(string.Join("<br>", c.Evidence.Select(Link))).Append(" |\n");
            }

            md.Append('\n');
        }

        md.Append("## History\n\n");
        foreach (var h in a.History)
        {
            md.Append("- Revision ").Append(h.Revision).Append(" (").Append(ExportFormat.Date(h.Date)).Append("): ").Append(h.Summary).Append('\n');
        }

        return md.ToString();
    }

    private static void RenderAffected(StringBuilder md, Advisory a)
    {
        md.Append("## Affected versions\n\n");
        md.Append("| | range | fixed in | mitigation |\n|---|---|---|---|\n");
        md.Append("| **corrected** | `").Append(Cell(a.Affected.Range.ToString())).Append("` | ").Append(a.Remediation.FirstReleasedFixedVersion)
            .Append(" | ").Append(a.Mitigation.TargetVersion);
        if (a.Mitigation.UnsafeFromKubernetesVersion is { } unsafeFrom) md.Append(" (Kubernetes before ").Append(unsafeFrom).Append(" only)");
        md.Append(" |\n");
        if (a.AsPublished is { } asPublished)
        {
            md.Append("| as published | `").Append(Cell(asPublished.RangeText)).Append("` | ").Append(asPublished.FixedIn)
                .Append(" | ").Append(asPublished.MitigationTarget).Append(" |\n");
        }

        md.Append('\n');

        md.Append("Known releases:\n\n| release | status | as published | note |\n|---|---|---|---|\n");
        var rows = a.Affected.KnownAffectedReleases.Select(v => (Version: v, Never: false))
            .Concat(a.Affected.KnownUnaffectedReleases.Select(v => (Version: v, Never: false)))
            .Concat(a.Affected.NeverReleased.Select(v => (Version: v, Never: true)))
            .OrderBy(row => row.Version);
        foreach (var (version, never) in rows)
        {
            var affected = a.Affected.Range.Contains(version);
            var status = never ? "never released" : affected ? "**affected**" : "not affected";
            bool? affectedAsPublished = a.AsPublished is { } p ? p.Range.Contains(version) : null;
            var published = affectedAsPublished switch { true => "affected", false => "not affected", null => "not published" };
            var note = never ? "no image and no add-on build exist"
                : affectedAsPublished is { } ap && affected != ap ? "the published range is wrong here"
                : string.Empty;
            md.Append("| ").Append(version).Append(" | ").Append(status).Append(" | ").Append(published).Append(" | ").Append(note).Append(" |\n");
        }

        md.Append('\n').Append(OsvRecordWriter.EksBuildNote(a)).Append("\n\n");
    }

    private static string Link(Uri uri) => "<" + uri.OriginalString + ">";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
