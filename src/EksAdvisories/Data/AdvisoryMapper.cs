using Semver;

namespace EksAdvisories.Data;

/// <summary>
/// The one mapping between the wire types and the public model, both ways. Reading checks the shape of every field
/// (present, of the right form) and names the JSON path of the first that is not; the semantic rules between fields
/// are <see cref="AdvisoryValidator"/>'s. Writing builds the wire types back, for the source-generated serializer.
/// </summary>
internal static class AdvisoryMapper
{
    /// <summary>OSV's <c>introduced: "0"</c>, "since the first version", held as the lowest SemVer value.</summary>
    internal static readonly SemVersion Zero = new(0, 0, 0, [new PrereleaseIdentifier(0)], null);

    public static Advisory ToAdvisory(AdvisoryDocument d, string p, DataPath data, IReadOnlyDictionary<string, ComponentData> components)
    {
        var schemaVersion = data.RequireText(d.SchemaVersion, p + ".schemaVersion");
        var id = data.RequireText(d.Id, p + ".id");
        var revision = data.Require(d.Revision, p + ".revision");
        var published = data.RequireUtc(d.Published, p + ".published");
        var modified = data.RequireUtc(d.Modified, p + ".modified");

        var c = data.Require(d.Component, p + ".component");
        var componentName = data.RequireText(c.Name, p + ".component.name");
        var component = new AdvisoryComponent(
            componentName,
            data.Texts(c.Aliases, p + ".component.aliases", allowEmpty: true),
            data.Texts(c.ImageRepositories, p + ".component.imageRepositories", allowEmpty: true),
            data.RequireText(c.UpstreamModule, p + ".component.upstreamModule"),
            components.TryGetValue(componentName, out var known) ? known : ComponentData.None);

        var a = data.Require(d.Affected, p + ".affected");
        var affected = new AffectedVersions(
            Range(a.Events, p + ".affected.events", data),
            Releases(a.KnownAffectedReleases, p + ".affected.knownAffectedReleases", data),
            Releases(a.KnownUnaffectedReleases, p + ".affected.knownUnaffectedReleases", data),
            Releases(a.NeverReleased, p + ".affected.neverReleased", data));

        PublishedStatement? asPublished = null;
        if (d.AsPublished is { } ap)
        {
            asPublished = new PublishedStatement(
                data.RequireText(ap.RangeText, p + ".asPublished.rangeText"),
                Range(ap.Events, p + ".asPublished.events", data),
                data.RequireRelease(ap.FixedIn, p + ".asPublished.fixedIn"),
                data.RequireRelease(ap.MitigationTarget, p + ".asPublished.mitigationTarget"),
                ap.KnownUnaffectedReleases is null ? [] : Releases(ap.KnownUnaffectedReleases, p + ".asPublished.knownUnaffectedReleases", data));
        }

        var rc = data.Require(d.RootCause, p + ".rootCause");
        var rootCause = new RootCause(
            data.RequireText(rc.Description, p + ".rootCause.description"),
            data.RequireRelease(rc.IntroducedIn, p + ".rootCause.introducedIn"),
            data.RequireUrl(rc.IntroducedBy, p + ".rootCause.introducedBy"),
            rc.IntroducedByCommit,
            data.RequireUrl(rc.FixedBy, p + ".rootCause.fixedBy"),
            rc.FixedByCommit,
            data.OptionalItems(rc.Commits, p + ".rootCause.commits", (l, lp) => new ReleaseLineCommits(
                data.RequireText(l.Line, lp + ".line"),
                data.RequireText(l.IntroducedBy, lp + ".introducedBy"),
                l.IntroducedVia is null ? null : data.RequireUrl(l.IntroducedVia, lp + ".introducedVia"),
                data.RequireRelease(l.FirstTag, lp + ".firstTag"),
                l.FixedBy,
                l.FixedVia is null ? null : data.RequireUrl(l.FixedVia, lp + ".fixedVia"),
                l.FixedFirstTag is null ? null : data.RequireRelease(l.FixedFirstTag, lp + ".fixedFirstTag"),
                l.Note)));

        var r = data.Require(d.Remediation, p + ".remediation");
        var remediation = new Remediation(
            data.RequireRelease(r.FixedIn, p + ".remediation.fixedIn"),
            data.RequireRelease(r.FirstReleasedFixedVersion, p + ".remediation.firstReleasedFixedVersion"),
            data.RequireAddonBuild(r.FirstFixedAddonVersion, p + ".remediation.firstFixedAddonVersion"),
            data.RequireAddonBuild(r.RecommendedAddonVersion, p + ".remediation.recommendedAddonVersion"),
            data.RequireText(r.Description, p + ".remediation.description"),
            data.Texts(r.Caveats, p + ".remediation.caveats", allowEmpty: true));

        var m = data.Require(d.Mitigation, p + ".mitigation");
        var mitigation = new Mitigation(
            data.RequireRelease(m.TargetVersion, p + ".mitigation.targetVersion"),
            data.RequireText(m.Description, p + ".mitigation.description"),
            m.UnsafeFromKubernetesVersion is null ? null : data.RequireKubernetes(m.UnsafeFromKubernetesVersion, p + ".mitigation.unsafeFromKubernetesVersion"),
            data.OptionalItems(m.UnsafeFromVersions, p + ".mitigation.unsafeFromVersions", (x, xp) => new MitigationPitfall(
                data.RequireText(x.Id, xp + ".id"),
                Range(x.Events, xp + ".events", data),
                data.RequireText(x.Reason, xp + ".reason"),
                x.Reference is null ? null : data.RequireUrl(x.Reference, xp + ".reference"))),
            data.Texts(m.Caveats, p + ".mitigation.caveats", allowEmpty: true));

        var det = data.Require(d.Detection, p + ".detection");
        var signatures = data.Items(det.LogSignatures, p + ".detection.logSignatures", (s, sp) => new LogSignature(
            data.RequireText(s.Id, sp + ".id"), data.RequireText(s.Text, sp + ".text"), data.RequireText(s.Meaning, sp + ".meaning"),
            s.Proves is null ? null : data.RequireText(s.Proves, sp + ".proves"), s.DoesNotProve is null ? null : data.RequireText(s.DoesNotProve, sp + ".doesNotProve")));
        var metrics = data.OptionalItems(det.Metrics, p + ".detection.metrics", (x, xp) => new DetectionMetric(
            data.RequireText(x.Expression, xp + ".expression"), data.RequireText(x.Meaning, xp + ".meaning"),
            data.RequireText(x.Proves, xp + ".proves"), data.RequireText(x.DoesNotProve, xp + ".doesNotProve")));
        var detection = new Detection(signatures, metrics, data.Texts(det.IntrospectionChecks, p + ".detection.introspectionChecks", allowEmpty: true));

        var glossary = data.Items(d.Glossary, p + ".glossary", (g, gp) => new GlossaryEntry(
            data.RequireText(g.Term, gp + ".term"), data.RequireText(g.Definition, gp + ".definition"),
            g.Link is null ? null : data.RequireUrl(g.Link, gp + ".link")));

        var references = data.Items(d.References, p + ".references", (x, xp) =>
            new AdvisoryReference(data.RequireText(x.Type, xp + ".type"), data.RequireUrl(x.Url, xp + ".url"), x.Description));

        var corrections = data.OptionalItems(d.Corrections, p + ".corrections", (x, xp) => new Correction(
            data.RequireText(x.Field, xp + ".field"), data.RequireText(x.Claim, xp + ".claim"), data.RequireText(x.Correction, xp + ".correction"),
            data.Items(x.Evidence, xp + ".evidence", (u, up) => data.RequireUrl(u, up))));

        var history = data.Items(d.History, p + ".history", (h, hp) => new RevisionEntry(
            data.Require(h.Revision, hp + ".revision"), data.RequireUtc(h.Date, hp + ".date"), data.RequireText(h.Summary, hp + ".summary")));

        return new Advisory(schemaVersion, id, revision, published, modified,
            data.RequireText(d.Title, p + ".title"), data.RequireText(d.Summary, p + ".summary"), component, affected, asPublished,
            rootCause, data.RequireText(d.Impact, p + ".impact"), data.Texts(d.TriggerConditions, p + ".triggerConditions", allowEmpty: false),
            remediation, mitigation, detection, glossary, references, corrections, history);
    }

    public static AdvisoryDocument ToDocument(Advisory a) => new()
    {
        SchemaVersion = a.SchemaVersion,
        Id = a.Id,
        Revision = a.Revision,
        Published = ExportFormat.Timestamp(a.Published),
        Modified = ExportFormat.Timestamp(a.Modified),
        Title = a.Title,
        Summary = a.Summary,
        Component = new ComponentDocument
        {
            Name = a.Component.Name,
            Aliases = [.. a.Component.Aliases],
            ImageRepositories = [.. a.Component.ImageRepositories],
            UpstreamModule = a.Component.UpstreamModule,
        },
        Affected = new AffectedDocument
        {
            Events = Events(a.Affected.Range),
            KnownAffectedReleases = Releases(a.Affected.KnownAffectedReleases),
            KnownUnaffectedReleases = Releases(a.Affected.KnownUnaffectedReleases),
            NeverReleased = Releases(a.Affected.NeverReleased),
        },
        AsPublished = a.AsPublished is not { } ap ? null : new AsPublishedDocument
        {
            RangeText = ap.RangeText,
            Events = Events(ap.Range),
            FixedIn = ap.FixedIn.SemVerText,
            MitigationTarget = ap.MitigationTarget.SemVerText,
            KnownUnaffectedReleases = ap.KnownUnaffectedReleases.Count == 0 ? null : Releases(ap.KnownUnaffectedReleases),
        },
        RootCause = new RootCauseDocument
        {
            Description = a.RootCause.Description,
            IntroducedIn = a.RootCause.IntroducedIn.SemVerText,
            IntroducedBy = a.RootCause.IntroducedBy.OriginalString,
            IntroducedByCommit = a.RootCause.IntroducedByCommit,
            FixedBy = a.RootCause.FixedBy.OriginalString,
            FixedByCommit = a.RootCause.FixedByCommit,
            Commits = a.RootCause.Commits.Count == 0 ? null : [.. a.RootCause.Commits.Select(l => new ReleaseLineDocument
            {
                Line = l.Line, IntroducedBy = l.IntroducedBy, IntroducedVia = l.IntroducedVia?.OriginalString, FirstTag = l.FirstTag.SemVerText,
                FixedBy = l.FixedBy, FixedVia = l.FixedVia?.OriginalString, FixedFirstTag = l.FixedFirstTag?.SemVerText, Note = l.Note,
            })],
        },
        Impact = a.Impact,
        TriggerConditions = [.. a.TriggerConditions],
        Remediation = new RemediationDocument
        {
            FixedIn = a.Remediation.FixedIn.SemVerText,
            FirstReleasedFixedVersion = a.Remediation.FirstReleasedFixedVersion.SemVerText,
            FirstFixedAddonVersion = a.Remediation.FirstFixedAddonVersion.ToString(),
            RecommendedAddonVersion = a.Remediation.RecommendedAddonVersion.ToString(),
            Description = a.Remediation.Description,
            Caveats = [.. a.Remediation.Caveats],
        },
        Mitigation = new MitigationDocument
        {
            TargetVersion = a.Mitigation.TargetVersion.SemVerText,
            Description = a.Mitigation.Description,
            UnsafeFromKubernetesVersion = a.Mitigation.UnsafeFromKubernetesVersion?.ToString(),
            UnsafeFromVersions = a.Mitigation.Pitfalls.Count == 0 ? null : [.. a.Mitigation.Pitfalls.Select(x => new PitfallDocument
            {
                Id = x.Id, Events = Events(x.Range), Reason = x.Reason, Reference = x.Reference?.OriginalString,
            })],
            Caveats = [.. a.Mitigation.Caveats],
        },
        Detection = new DetectionDocument
        {
            LogSignatures = [.. a.Detection.LogSignatures.Select(s => new LogSignatureDocument { Id = s.Id, Text = s.Text, Meaning = s.Meaning, Proves = s.Proves, DoesNotProve = s.DoesNotProve })],
            Metrics = a.Detection.Metrics.Count == 0 ? null : [.. a.Detection.Metrics.Select(x => new MetricDocument { Expression = x.Expression, Meaning = x.Meaning, Proves = x.Proves, DoesNotProve = x.DoesNotProve })],
            IntrospectionChecks = [.. a.Detection.IntrospectionChecks],
        },
        Glossary = [.. a.Glossary.Select(g => new GlossaryDocument { Term = g.Term, Definition = g.Definition, Link = g.Link?.OriginalString })],
        References = [.. a.References.Select(x => new ReferenceDocument { Type = x.Type, Url = x.Url.OriginalString, Description = x.Description })],
        Corrections = a.Corrections.Count == 0 ? null : [.. a.Corrections.Select(c => new CorrectionDocument
        {
            Field = c.Field, Claim = c.Claim, Correction = c.CorrectedStatement, Evidence = [.. c.Evidence.Select(e => e.OriginalString)],
        })],
        History = [.. a.History.Select(h => new HistoryDocument { Revision = h.Revision, Date = ExportFormat.Timestamp(h.Date), Summary = h.Summary })],
    };

    private static AffectedRange Range(List<EventDocument?>? events, string path, DataPath data)
    {
        var list = data.Items(events, path, (e, ep) =>
        {
            var count = (e.Introduced is null ? 0 : 1) + (e.Fixed is null ? 0 : 1) + (e.LastAffected is null ? 0 : 1);
            if (count != 1) throw data.Fail(ep, $"an event has {count} of 'introduced', 'fixed', 'lastAffected'; expected exactly one.");
            if (e.Introduced is { } introduced)
            {
                return new RangeEvent(RangeEventKind.Introduced, introduced == "0" ? Zero : data.RequireRelease(introduced, ep + ".introduced").Upstream!);
            }

            return e.Fixed is { } fix
                ? new RangeEvent(RangeEventKind.Fixed, data.RequireRelease(fix, ep + ".fixed").Upstream!)
                : new RangeEvent(RangeEventKind.LastAffected, data.RequireRelease(e.LastAffected!, ep + ".lastAffected").Upstream!);
        });
        return new AffectedRange(list);
    }

    private static List<ComponentVersion> Releases(List<string?>? items, string path, DataPath data) =>
        data.Items(items, path, (v, vp) => data.RequireRelease(v, vp));

    private static List<EventDocument?> Events(AffectedRange range) =>
    [
        .. range.Events.Select(e => new EventDocument
        {
            Introduced = e.Kind == RangeEventKind.Introduced ? EventVersion(e) : null,
            Fixed = e.Kind == RangeEventKind.Fixed ? e.Version : null,
            LastAffected = e.Kind == RangeEventKind.LastAffected ? e.Version : null,
        }),
    ];

    /// <summary>The version an event is written with: OSV's "0" for "since the first version".</summary>
    internal static string EventVersion(RangeEvent e) => e.Kind == RangeEventKind.Introduced && e.SemVersion == Zero ? "0" : e.Version;

    private static List<string?> Releases(IEnumerable<ComponentVersion> versions) => [.. versions.Select(v => v.SemVerText)];
}
