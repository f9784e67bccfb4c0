using System.Globalization;
using System.Numerics;
using Semver;

namespace EksAdvisories.Data;

/// <summary>
/// The semantic rules of advisory data, beyond its shape: the format major version, ids, revisions and history in
/// order, ranges that are neither inverted nor empty, known releases on the side of the range they claim, fix and
/// mitigation targets outside the range and above where it starts. One implementation, used by
/// <see cref="AdvisoryCatalog.Load(Stream)"/> (so data loaded at run time gets the same rules), by the build-time
/// check (tests/EksAdvisories.DataValidation, through Load) and by the tests.
/// </summary>
internal static class AdvisoryValidator
{
    /// <summary>The data format major version this library reads; minor versions only add fields, which are ignored.</summary>
    public const int SupportedSchemaMajor = 1;

    /// <summary>The problem with a format version, or null when this library reads it.</summary>
    public static DataProblem? CheckSchemaVersion(string? text, string path)
    {
        if (string.IsNullOrWhiteSpace(text)) return new DataProblem(path, "the format version is missing; expected SemVer such as '1.0.0'.");
        if (!TryReadFormatMajor(text, out var major))
            return new DataProblem(path, $"'{text}' is not a format version; expected SemVer such as '1.0.0'.");
        return major != SupportedSchemaMajor
            ? new DataProblem(path, $"format version '{text}' is not supported; this library reads {SupportedSchemaMajor}.x. Update the EksAdvisories package to read newer data.")
            : null;
    }

    /// <summary>
    /// The major of a SemVer format version. Plain <c>MAJOR.MINOR.PATCH</c>, what every data file carries, is read by hand:
    /// the first Semver parse in a process costs milliseconds of start-up, and every catalog load checks five files. Any
    /// other form goes to Semver; a property test holds the two to the same answer.
    /// </summary>
    internal static bool TryReadFormatMajor(string text, out BigInteger major)
    {
        var parts = 0;
        var start = 0;
        var plain = true;
        for (var i = 0; i <= text.Length && plain; i++)
        {
            if (i < text.Length && char.IsAsciiDigit(text[i])) continue;
            var length = i - start;
            plain = length is > 0 and <= 9 && (length == 1 || text[start] != '0') && (i == text.Length ? parts == 2 : text[i] == '.' && parts < 2);
            parts++;
            start = i + 1;
        }

        if (plain)
        {
            major = int.Parse(text.AsSpan(0, text.IndexOf('.')), NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        major = default;
        if (!SemVersion.TryParse(text, SemVersionStyles.Strict, out var version)) return false;
        major = version.Major;
        return true;
    }

    /// <summary>Every rule <paramref name="a"/> breaks, in field order; empty when the advisory is sound.</summary>
    public static IReadOnlyList<DataProblem> Validate(Advisory a, string p)
    {
        var problems = new List<DataProblem>();
        if (CheckSchemaVersion(a.SchemaVersion, p + ".schemaVersion") is { } schema) problems.Add(schema);
        if (!IsAdvisoryId(a.Id)) problems.Add(new(p + ".id", $"'{a.Id}' is not an advisory id; expected the form 'EKSA-2023-0001'."));
        if (a.Revision < 1) problems.Add(new(p + ".revision", $"{a.Revision} is not a revision; expected 1 or more."));
        if (a.Modified < a.Published)
            problems.Add(new(p + ".modified", $"{DataPath.Iso(a.Modified)} is before published {DataPath.Iso(a.Published)}; expected modified >= published."));

        var range = a.Affected.Range;
        CheckRange(range, p + ".affected.events", problems);
        for (var i = 0; i < a.Affected.KnownAffectedReleases.Count; i++)
        {
            var v = a.Affected.KnownAffectedReleases[i];
            if (!range.Contains(v)) problems.Add(new($"{p}.affected.knownAffectedReleases[{i}]", $"'{v.SemVerText}' is listed as affected but lies outside the range {range}."));
        }

        for (var i = 0; i < a.Affected.KnownUnaffectedReleases.Count; i++)
        {
            var v = a.Affected.KnownUnaffectedReleases[i];
            if (range.Contains(v)) problems.Add(new($"{p}.affected.knownUnaffectedReleases[{i}]", $"'{v.SemVerText}' is listed as unaffected but lies inside the range {range}."));
        }

        if (a.AsPublished is { } published)
        {
            CheckRange(published.Range, p + ".asPublished.events", problems);
            for (var i = 0; i < published.KnownUnaffectedReleases.Count; i++)
            {
                var v = published.KnownUnaffectedReleases[i];
                if (published.Range.Contains(v))
                    problems.Add(new($"{p}.asPublished.knownUnaffectedReleases[{i}]", $"'{v.SemVerText}' is listed as unaffected under the published text but lies inside the published range {published.Range}."));
            }
        }

        CheckAgainstKnownReleases(a, p, problems);
        for (var i = 0; i < a.Mitigation.Pitfalls.Count; i++) CheckRange(a.Mitigation.Pitfalls[i].Range, $"{p}.mitigation.unsafeFromVersions[{i}].events", problems);

        CheckTarget(a.Remediation.FixedIn, range, p + ".remediation.fixedIn", problems);
        CheckTarget(a.Remediation.FirstReleasedFixedVersion, range, p + ".remediation.firstReleasedFixedVersion", problems);
        CheckTarget(a.Remediation.FirstFixedAddonVersion, range, p + ".remediation.firstFixedAddonVersion", problems);
        CheckTarget(a.Remediation.RecommendedAddonVersion, range, p + ".remediation.recommendedAddonVersion", problems);
        if (a.Remediation.FirstReleasedFixedVersion < a.Remediation.FixedIn)
            problems.Add(new(p + ".remediation.firstReleasedFixedVersion", $"'{a.Remediation.FirstReleasedFixedVersion.SemVerText}' is before the first fixed version '{a.Remediation.FixedIn.SemVerText}'; expected it at or after."));
        if (range.Contains(a.Mitigation.TargetVersion))
            problems.Add(new(p + ".mitigation.targetVersion", $"'{a.Mitigation.TargetVersion.SemVerText}' lies inside the affected range {range}; a mitigation target must be outside it."));

        for (var i = 0; i < a.References.Count; i++)
        {
            var type = a.References[i].Type;
            if (!AdvisoryReference.KnownTypes.Contains(type, StringComparer.Ordinal))
                problems.Add(new($"{p}.references[{i}].type", $"'{type}' is not a reference type; expected one of {string.Join(", ", AdvisoryReference.KnownTypes)}."));
        }

        for (var i = 0; i < a.Corrections.Count; i++)
        {
            if (a.Corrections[i].Evidence.Count == 0)
                problems.Add(new($"{p}.corrections[{i}].evidence", "a correction names no evidence; expected at least one link."));
        }

        ConditionMapper.Validate(a, p, problems);
        CheckHistory(a, p + ".history", problems);
        return problems;
    }

    /// <summary>
    /// A range is a sequence of intervals: in version order its events alternate introduced, then fixed or last
    /// affected, and no interval is empty. A fix before its introduction (inverted) would turn the range around and
    /// call every later release affected; introduced and fixed at one version would call every release unaffected.
    /// </summary>
    private static void CheckRange(AffectedRange range, string path, List<DataProblem> problems)
    {
        var events = range.Events;
        if (events.Count == 0 || events.All(e => e.Kind != RangeEventKind.Introduced))
        {
            problems.Add(new(path, "the range has no 'introduced' event; expected at least one."));
            return;
        }

        var open = false;
        RangeEvent? start = null;
        foreach (var e in events)
        {
            if (e.Kind == RangeEventKind.Introduced)
            {
                if (open)
                {
                    problems.Add(new(path, $"'introduced {e.Version}' follows 'introduced {start!.Version}' with no fix between them; expected introduced and fixed (or lastAffected) events to alternate."));
                    return;
                }

                open = true;
                start = e;
                continue;
            }

            if (!open)
            {
                problems.Add(new(path, $"'{e}' comes before any introduction in version order, so the range is inverted; expected each fix after the 'introduced' event it closes."));
                return;
            }

            if (e.Kind == RangeEventKind.Fixed && e.SemVersion.ComparePrecedenceTo(start!.SemVersion) == 0)
            {
                problems.Add(new(path, $"'introduced {start.Version}' and '{e}' are the same version, so the range is empty; expected the fix after the introduction."));
                return;
            }

            open = false;
        }
    }

    /// <summary>Where the data knows the component's releases, the advisory's release lists and targets must agree with them.</summary>
    private static void CheckAgainstKnownReleases(Advisory a, string p, List<DataProblem> problems)
    {
        var releases = a.Component.KnownReleases;
        if (releases.Count == 0) return;
        var known = releases.Select(r => r.Version).ToHashSet();
        void MustBeKnown(IReadOnlyList<ComponentVersion> list, string path)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (!known.Contains(list[i])) problems.Add(new($"{path}[{i}]", $"'{list[i].SemVerText}' is not in the component's release list; expected an upstream tag."));
            }
        }

        MustBeKnown(a.Affected.KnownAffectedReleases, p + ".affected.knownAffectedReleases");
        MustBeKnown(a.Affected.KnownUnaffectedReleases, p + ".affected.knownUnaffectedReleases");
        for (var i = 0; i < a.Affected.NeverReleased.Count; i++)
        {
            if (known.Contains(a.Affected.NeverReleased[i]))
                problems.Add(new($"{p}.affected.neverReleased[{i}]", $"'{a.Affected.NeverReleased[i].SemVerText}' is in the component's release list, so it was released."));
        }

        if (!known.Contains(a.Remediation.FirstReleasedFixedVersion))
            problems.Add(new(p + ".remediation.firstReleasedFixedVersion", $"'{a.Remediation.FirstReleasedFixedVersion.SemVerText}' is not in the component's release list; expected a release that exists."));
        if (!known.Contains(a.Mitigation.TargetVersion))
            problems.Add(new(p + ".mitigation.targetVersion", $"'{a.Mitigation.TargetVersion.SemVerText}' is not in the component's release list; expected a release that exists."));
        if (a.Component.AddonBuilds.Count > 0 && !a.Component.AddonBuilds.Any(b => b.Version == a.Remediation.RecommendedAddonVersion))
            problems.Add(new(p + ".remediation.recommendedAddonVersion", $"'{a.Remediation.RecommendedAddonVersion}' is not among the component's known EKS add-on builds."));
    }

    private static void CheckTarget(ComponentVersion target, AffectedRange range, string path, List<DataProblem> problems)
    {
        if (range.Contains(target))
        {
            problems.Add(new(path, $"'{target.SemVerText}' lies inside the affected range {range}; a fix or upgrade target must be outside it."));
            return;
        }

        var first = range.Events.FirstOrDefault(e => e.Kind == RangeEventKind.Introduced);
        if (first is not null && target.Upstream!.ComparePrecedenceTo(first.SemVersion) < 0)
        {
            problems.Add(new(path, $"'{target.SemVerText}' is before the range {range} starts; a fix or upgrade target must come after the releases it fixes."));
        }
    }

    private static void CheckHistory(Advisory a, string path, List<DataProblem> problems)
    {
        var history = a.History;
        if (history.Count == 0)
        {
            problems.Add(new(path, "the history is empty; expected one entry per revision."));
            return;
        }

        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Revision != i + 1)
                problems.Add(new($"{path}[{i}].revision", $"{history[i].Revision} is out of order; expected revision {i + 1} (entries numbered 1, 2, … oldest first)."));
            if (i > 0 && history[i].Date < history[i - 1].Date)
                problems.Add(new($"{path}[{i}].date", $"{DataPath.Iso(history[i].Date)} is earlier than revision {i}'s date {DataPath.Iso(history[i - 1].Date)}; expected dates in order."));
            if (history[i].Date < a.Published || history[i].Date > a.Modified)
                problems.Add(new($"{path}[{i}].date", $"{DataPath.Iso(history[i].Date)} lies outside published {DataPath.Iso(a.Published)} .. modified {DataPath.Iso(a.Modified)}."));
        }

        if (history[^1].Revision != a.Revision)
            problems.Add(new(path, $"the last entry is revision {history[^1].Revision} but the advisory is revision {a.Revision}; expected them to match."));
    }

    private static bool IsAdvisoryId(string id)
    {
        var parts = id.Split('-');
        return parts.Length == 3 && parts[0].Length > 0 && parts[0].All(char.IsAsciiLetterUpper)
            && parts[1].Length == 4 && parts[1].All(char.IsAsciiDigit)
            && parts[2].Length >= 4 && parts[2].All(char.IsAsciiDigit);
    }
}
