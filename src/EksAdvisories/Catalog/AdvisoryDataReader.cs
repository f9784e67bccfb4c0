using System.Globalization;
using System.Text.Json;
using EksAdvisories.Json;
using Semver;

namespace EksAdvisories;

/// <summary>
/// Reads the advisory data format (one advisory, or a bundle <c>{"schemaVersion","dataVersion","advisories":[…]}</c>),
/// validates every field and the semantic rules, and builds the immutable model. Every problem becomes an
/// <see cref="AdvisoryDataException"/> naming the source, the JSON path and the value.
/// </summary>
internal sealed class AdvisoryDataReader
{
    /// <summary>The data format major version this library reads; minor versions only add fields, which are ignored.</summary>
    public const int SupportedSchemaMajor = 1;

    /// <summary>Advisory data is small; a larger input is refused rather than read into memory.</summary>
    public const int MaxDataBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip };

    private readonly string _source;

    private AdvisoryDataReader(string source) => _source = source;

    public static byte[] ReadAllBytes(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxDataBytes)
            {
                throw new AdvisoryDataException(source, null, $"the data is larger than {MaxDataBytes / (1024 * 1024)} MiB; advisory data is expected to be a few kilobytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses one data document (single advisory or bundle).</summary>
    public static (string? DataVersion, List<Advisory> Advisories) Read(ReadOnlyMemory<byte> utf8, string source) =>
        new AdvisoryDataReader(source).Read(utf8);

    private (string? DataVersion, List<Advisory> Advisories) Read(ReadOnlyMemory<byte> utf8)
    {
        bool isBundle;
        try
        {
            using var document = JsonDocument.Parse(utf8, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Fail("$", $"expected a JSON object (one advisory or a bundle with 'advisories'), found {document.RootElement.ValueKind}.");
            }

            isBundle = document.RootElement.TryGetProperty("advisories", out _);
        }
        catch (JsonException e)
        {
            throw Fail(e.Path ?? "$", $"the JSON is malformed (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}", e);
        }

        try
        {
            if (!isBundle)
            {
                var single = JsonSerializer.Deserialize(utf8.Span, AdvisoryJsonContext.Default.AdvisoryDocument);
                return (null, [Build(single!, "$")]);
            }

            var bundle = JsonSerializer.Deserialize(utf8.Span, AdvisoryJsonContext.Default.AdvisoryBundleDocument)!;
            CheckSchemaVersion(bundle.SchemaVersion, "$.schemaVersion");
            var list = Require(bundle.Advisories, "$.advisories");
            var advisories = new List<Advisory>(list.Count);
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"$.advisories[{i}]";
                var advisory = Build(Require(list[i], path), path);
                if (!ids.Add(advisory.Id)) throw Fail(path + ".id", $"the id '{advisory.Id}' appears twice; ids must be unique.");
                advisories.Add(advisory);
            }

            if (bundle.DataVersion is { } dataVersion && string.IsNullOrWhiteSpace(dataVersion))
            {
                throw Fail("$.dataVersion", "expected a non-empty data version such as '2026.11.28'.");
            }

            return (bundle.DataVersion, advisories);
        }
        catch (JsonException e)
        {
            throw Fail(e.Path ?? "$", $"a value has the wrong type or form: {e.Message}", e);
        }
    }

    private Advisory Build(AdvisoryDocument d, string p)
    {
        var schemaVersion = CheckSchemaVersion(d.SchemaVersion, p + ".schemaVersion");
        var id = RequireText(d.Id, p + ".id");
        if (!IsAdvisoryId(id)) throw Fail(p + ".id", $"'{id}' is not an advisory id; expected the form 'EKSA-2023-0001'.");
        var revision = Require(d.Revision, p + ".revision");
        if (revision < 1) throw Fail(p + ".revision", $"{revision} is not a revision; expected 1 or more.");
        var published = RequireUtc(d.Published, p + ".published");
        var modified = RequireUtc(d.Modified, p + ".modified");
        if (modified < published) throw Fail(p + ".modified", $"{Iso(modified)} is before published {Iso(published)}; expected modified >= published.");

        var c = Require(d.Component, p + ".component");
        var component = new AdvisoryComponent(
            RequireText(c.Name, p + ".component.name"),
            Texts(c.Aliases, p + ".component.aliases", allowEmpty: true),
            Texts(c.ImageRepositories, p + ".component.imageRepositories", allowEmpty: true),
            RequireText(c.UpstreamModule, p + ".component.upstreamModule"));

        var a = Require(d.Affected, p + ".affected");
        var range = Range(a.Events, p + ".affected.events");
        var knownAffected = Versions(a.KnownAffectedReleases, p + ".affected.knownAffectedReleases");
        var knownUnaffected = Versions(a.KnownUnaffectedReleases, p + ".affected.knownUnaffectedReleases");
        var neverReleased = Versions(a.NeverReleased, p + ".affected.neverReleased");
        for (var i = 0; i < knownAffected.Count; i++)
        {
            if (!range.Contains(SemVersion.Parse(knownAffected[i])))
                throw Fail($"{p}.affected.knownAffectedReleases[{i}]", $"'{knownAffected[i]}' is listed as affected but lies outside the range {range}.");
        }

        for (var i = 0; i < knownUnaffected.Count; i++)
        {
            if (range.Contains(SemVersion.Parse(knownUnaffected[i])))
                throw Fail($"{p}.affected.knownUnaffectedReleases[{i}]", $"'{knownUnaffected[i]}' is listed as unaffected but lies inside the range {range}.");
        }

        var affected = new AffectedVersions(range, knownAffected, knownUnaffected, neverReleased);

        var ap = Require(d.AsPublished, p + ".asPublished");
        var asPublished = new PublishedStatement(
            RequireText(ap.RangeText, p + ".asPublished.rangeText"),
            Range(ap.Events, p + ".asPublished.events"),
            RequireVersion(ap.FixedIn, p + ".asPublished.fixedIn"),
            RequireVersion(ap.MitigationTarget, p + ".asPublished.mitigationTarget"));

        var rc = Require(d.RootCause, p + ".rootCause");
        var rootCause = new RootCause(
            RequireText(rc.Description, p + ".rootCause.description"),
            RequireVersion(rc.IntroducedIn, p + ".rootCause.introducedIn"),
            RequireUrl(rc.IntroducedBy, p + ".rootCause.introducedBy"),
            rc.IntroducedByCommit,
            RequireUrl(rc.FixedBy, p + ".rootCause.fixedBy"),
            rc.FixedByCommit);

        var r = Require(d.Remediation, p + ".remediation");
        var remediation = new Remediation(
            OutsideRange(RequireVersion(r.FixedIn, p + ".remediation.fixedIn"), range, p + ".remediation.fixedIn"),
            OutsideRange(RequireVersion(r.FirstReleasedFixedVersion, p + ".remediation.firstReleasedFixedVersion"), range, p + ".remediation.firstReleasedFixedVersion"),
            AddonOutsideRange(r.FirstFixedAddonVersion, range, p + ".remediation.firstFixedAddonVersion"),
            AddonOutsideRange(r.RecommendedAddonVersion, range, p + ".remediation.recommendedAddonVersion"),
            RequireText(r.Description, p + ".remediation.description"),
            Texts(r.Caveats, p + ".remediation.caveats", allowEmpty: true));

        var m = Require(d.Mitigation, p + ".mitigation");
        KubernetesVersion? unsafeFrom = null;
        if (m.UnsafeFromKubernetesVersion is { } k && !KubernetesVersion.TryParse(k, out unsafeFrom, out var kError))
        {
            throw Fail(p + ".mitigation.unsafeFromKubernetesVersion", kError);
        }

        var mitigation = new Mitigation(
            OutsideRange(RequireVersion(m.TargetVersion, p + ".mitigation.targetVersion"), range, p + ".mitigation.targetVersion"),
            RequireText(m.Description, p + ".mitigation.description"),
            unsafeFrom,
            Texts(m.Caveats, p + ".mitigation.caveats", allowEmpty: true));

        var det = Require(d.Detection, p + ".detection");
        var signatures = Items(det.LogSignatures, p + ".detection.logSignatures", (s, sp) => new LogSignature(
            RequireText(s.Id, sp + ".id"), RequireText(s.Text, sp + ".text"), RequireText(s.Meaning, sp + ".meaning")));
        var detection = new Detection(signatures, Texts(det.IntrospectionChecks, p + ".detection.introspectionChecks", allowEmpty: true));

        var glossary = Items(d.Glossary, p + ".glossary", (g, gp) => new GlossaryEntry(
            RequireText(g.Term, gp + ".term"), RequireText(g.Definition, gp + ".definition"),
            g.Link is null ? null : RequireUrl(g.Link, gp + ".link")));

        var references = Items(d.References, p + ".references", (x, xp) =>
        {
            var type = RequireText(x.Type, xp + ".type");
            if (!AdvisoryReference.KnownTypes.Contains(type, StringComparer.Ordinal))
                throw Fail(xp + ".type", $"'{type}' is not a reference type; expected one of {string.Join(", ", AdvisoryReference.KnownTypes)}.");
            return new AdvisoryReference(type, RequireUrl(x.Url, xp + ".url"), x.Description);
        });

        var corrections = Items(d.Corrections, p + ".corrections", (x, xp) =>
        {
            var evidence = Items(x.Evidence, xp + ".evidence", (u, up) => RequireUrl(u, up));
            if (evidence.Count == 0) throw Fail(xp + ".evidence", "a correction names no evidence; expected at least one link.");
            return new Correction(RequireText(x.Field, xp + ".field"), RequireText(x.Claim, xp + ".claim"), RequireText(x.Correction, xp + ".correction"), evidence);
        });

        var history = Items(d.History, p + ".history", (h, hp) => new RevisionEntry(
            Require(h.Revision, hp + ".revision"), RequireUtc(h.Date, hp + ".date"), RequireText(h.Summary, hp + ".summary")));
        CheckHistory(history, revision, published, modified, p + ".history");

        return new Advisory(schemaVersion, id, revision, published, modified,
            RequireText(d.Title, p + ".title"), RequireText(d.Summary, p + ".summary"), component, affected, asPublished,
            rootCause, RequireText(d.Impact, p + ".impact"), Texts(d.TriggerConditions, p + ".triggerConditions", allowEmpty: false),
            remediation, mitigation, detection, glossary, references, corrections, history);
    }

    private void CheckHistory(List<RevisionEntry> history, int revision, DateTimeOffset published, DateTimeOffset modified, string path)
    {
        if (history.Count == 0) throw Fail(path, "the history is empty; expected one entry per revision.");
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Revision != i + 1)
                throw Fail($"{path}[{i}].revision", $"{history[i].Revision} is out of order; expected revision {i + 1} (entries numbered 1, 2, … oldest first).");
            if (i > 0 && history[i].Date < history[i - 1].Date)
                throw Fail($"{path}[{i}].date", $"{Iso(history[i].Date)} is earlier than revision {i}'s date {Iso(history[i - 1].Date)}; expected dates in order.");
            if (history[i].Date < published || history[i].Date > modified)
                throw Fail($"{path}[{i}].date", $"{Iso(history[i].Date)} lies outside published {Iso(published)} .. modified {Iso(modified)}.");
        }

        if (history[^1].Revision != revision)
            throw Fail(path, $"the last entry is revision {history[^1].Revision} but the advisory is revision {revision}; expected them to match.");
    }

    private string CheckSchemaVersion(string? text, string path)
    {
        var value = RequireText(text, path);
        if (!SemVersion.TryParse(value, SemVersionStyles.Strict, out var version))
            throw Fail(path, $"'{value}' is not a format version; expected SemVer such as '1.0.0'.");
        if (version.Major != SupportedSchemaMajor)
            throw Fail(path, $"format version '{value}' is not supported; this library reads {SupportedSchemaMajor}.x. Update the EksAdvisories package to read newer data.");
        return value;
    }

    private AffectedRange Range(List<EventDocument?>? events, string path)
    {
        var list = Items(events, path, (e, ep) =>
        {
            var count = (e.Introduced is null ? 0 : 1) + (e.Fixed is null ? 0 : 1) + (e.LastAffected is null ? 0 : 1);
            if (count != 1) throw Fail(ep, $"an event has {count} of 'introduced', 'fixed', 'lastAffected'; expected exactly one.");
            if (e.Introduced is { } introduced)
            {
                // OSV's "0" means "since the first version".
                var v = introduced == "0" ? new SemVersion(0, 0, 0, [new PrereleaseIdentifier(0)], null) : ParseSemVer(introduced, ep + ".introduced");
                return new RangeEvent(RangeEventKind.Introduced, v);
            }

            return e.Fixed is { } fix
                ? new RangeEvent(RangeEventKind.Fixed, ParseSemVer(fix, ep + ".fixed"))
                : new RangeEvent(RangeEventKind.LastAffected, ParseSemVer(e.LastAffected!, ep + ".lastAffected"));
        });
        if (list.Count == 0 || list.All(e => e.Kind != RangeEventKind.Introduced))
            throw Fail(path, "the range has no 'introduced' event; expected at least one.");
        return new AffectedRange(list);
    }

    private SemVersion ParseSemVer(string text, string path) =>
        SemVersion.TryParse(text, SemVersionStyles.Strict, out var v)
            ? v
            : throw Fail(path, $"'{text}' is not an upstream version; expected SemVer without 'v', such as '1.12.5' or '1.11.4-rc1'.");

    private string RequireVersion(string? text, string path)
    {
        var value = RequireText(text, path);
        ParseSemVer(value, path);
        return value;
    }

    private string OutsideRange(string version, AffectedRange range, string path) =>
        range.Contains(SemVersion.Parse(version))
            ? throw Fail(path, $"'{version}' lies inside the affected range {range}; a fix or mitigation target must be outside it.")
            : version;

    private string AddonOutsideRange(string? text, AffectedRange range, string path)
    {
        var value = RequireText(text, path);
        if (!ComponentVersion.TryParse(value, out var version, out var error) || version.IsPartial)
            throw Fail(path, error ?? $"'{value}' is a partial version; expected an add-on build such as 'v1.12.5-eksbuild.1'.");
        if (range.Contains(version.Upstream!))
            throw Fail(path, $"'{value}' lies inside the affected range {range}; an upgrade target must be outside it.");
        return value;
    }

    private Uri RequireUrl(string? text, string path)
    {
        var value = RequireText(text, path);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw Fail(path, $"'{value}' is not an https URL.");
    }

    private List<string> Versions(List<string?>? items, string path) =>
        Items(items, path, (v, vp) => RequireVersion(v, vp));

    private List<string> Texts(List<string?>? items, string path, bool allowEmpty)
    {
        var list = Items(items, path, (t, tp) => RequireText(t, tp));
        if (!allowEmpty && list.Count == 0) throw Fail(path, "the list is empty; expected at least one entry.");
        return list;
    }

    private List<TOut> Items<TIn, TOut>(List<TIn?>? items, string path, Func<TIn, string, TOut> build)
        where TIn : class
    {
        var list = Require(items, path);
        var result = new List<TOut>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            result.Add(build(Require(list[i], itemPath), itemPath));
        }

        return result;
    }

    private T Require<T>(T? value, string path)
        where T : class =>
        value ?? throw Fail(path, "the value is missing or null; it is required.");

    private T Require<T>(T? value, string path)
        where T : struct =>
        value ?? throw Fail(path, "the value is missing or null; it is required.");

    private string RequireText(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(path, value is null ? "the value is missing or null; a text is required." : "the text is empty; it is required.") : value;

    private DateTimeOffset RequireUtc(DateTimeOffset? value, string path)
    {
        var v = Require(value, path);
        return v.Offset == TimeSpan.Zero ? v : throw Fail(path, $"{v:O} is not UTC; expected an RFC 3339 time ending in 'Z'.");
    }

    private static bool IsAdvisoryId(string id)
    {
        var parts = id.Split('-');
        return parts.Length == 3 && parts[0].Length > 0 && parts[0].All(char.IsAsciiLetterUpper)
            && parts[1].Length == 4 && parts[1].All(char.IsAsciiDigit)
            && parts[2].Length >= 4 && parts[2].All(char.IsAsciiDigit);
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private AdvisoryDataException Fail(string path, string message, Exception? inner = null) => new(_source, path, message, inner);
}
