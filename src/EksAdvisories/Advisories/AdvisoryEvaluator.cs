using System.Runtime.CompilerServices;
using Semver;

namespace EksAdvisories;

/// <summary>
/// Turns a version into an <see cref="AdvisoryVerdict"/> for one advisory: the corrected and the published range,
/// reasons, action. It owns the verdict cache, so the <see cref="Advisory"/> itself holds data only; there is one
/// evaluator per advisory instance, created on first use and collected with it.
/// </summary>
internal sealed class AdvisoryEvaluator
{
    /// <summary>
    /// Shared actions kept: a fleet spans a handful of Kubernetes versions, and an action holds a few kilobytes of text,
    /// so 64 of them stay far below the memory bound the verdict cache keeps.
    /// </summary>
    private const int MaxSharedActions = 64;

    private static readonly ConditionalWeakTable<Advisory, AdvisoryEvaluator> Evaluators = new();
    private static AdvisoryEvaluator? _last;

    private readonly Advisory _advisory;
    private readonly VerdictCache _verdicts = new();
    private readonly Func<string, string?, AdvisoryVerdict> _evaluateUncached;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Major, int Minor, int Pitfalls), AdvisoryAction> _actions = new();

    // The advisory's lists as arrays, read once: a verdict walks them, and walking the read-only collections the model
    // exposes would go through an interface (and allocate an enumerator) on every call.
    private readonly ComponentVersion[] _neverReleased;
    private readonly string[] _imageRepositories;
    private readonly AffectedRange[] _pitfallRanges;
    private readonly AdvisoryAction?[] _actionsWithoutKubernetes;

    private AdvisoryEvaluator(Advisory advisory)
    {
        _advisory = advisory;
        _evaluateUncached = EvaluateUncached;
        _neverReleased = [.. advisory.Affected.NeverReleased];
        _imageRepositories = [.. advisory.Component.ImageRepositories];
        _pitfallRanges = advisory.Mitigation.Pitfalls.Take(31).Select(p => p.Range).ToArray();
        _actionsWithoutKubernetes = new AdvisoryAction?[_pitfallRanges.Length <= 4 ? 1 << _pitfallRanges.Length : 0];
    }

    /// <summary>The verdict cache (for tests that measure what it retains).</summary>
    internal VerdictCache Cache => _verdicts;

    /// <summary>The evaluator of <paramref name="advisory"/>.</summary>
    public static AdvisoryEvaluator For(Advisory advisory)
    {
        // Callers nearly always ask for the advisory they asked for last, so that one is kept in front of the weak table
        // (a reference read instead of a table lookup). Holding it keeps at most one advisory and its bounded cache alive.
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last._advisory, advisory)) return last;
        var evaluator = Evaluators.GetValue(advisory, static a => new AdvisoryEvaluator(a));
        Volatile.Write(ref _last, evaluator);
        return evaluator;
    }

    /// <summary>Evaluates version text, answering repeated questions from the cache; never throws.</summary>
    public AdvisoryVerdict Evaluate(string? version, string? kubernetesVersion) =>
        version is null
            ? Unknown(string.Empty, null, "No version was given (null); expected a version such as 'v1.12.2-eksbuild.1'.")
            : _verdicts.GetOrAdd(version, kubernetesVersion, _evaluateUncached);

    /// <summary>Evaluates version text without the cache.</summary>
    public AdvisoryVerdict EvaluateUncached(string version, string? kubernetesVersion) => EvaluateUncached(version, kubernetesVersion, AdvisoryEvaluationOptions.None);

    /// <summary>Evaluates version text without the cache, judging the advisory's conditions with <paramref name="options"/>.</summary>
    public AdvisoryVerdict EvaluateUncached(string version, string? kubernetesVersion, AdvisoryEvaluationOptions options)
    {
        KubernetesVersion? kubernetes = null;
        string? kubernetesError = null;
        if (kubernetesVersion is not null && !KubernetesVersion.TryParse(kubernetesVersion, out kubernetes, out kubernetesError))
        {
            kubernetes = null;
        }

        var parsed = ComponentVersion.ParseCore(version, out var error);
        return parsed is null ? Unknown(version, null, error!) : Evaluate(parsed, kubernetes, kubernetesError, options);
    }

    /// <summary>Evaluates a parsed version, judging the advisory's conditions with <paramref name="options"/> (none when null).</summary>
    public AdvisoryVerdict Evaluate(ComponentVersion version, KubernetesVersion? kubernetes, string? kubernetesError, AdvisoryEvaluationOptions? options = null) =>
        ConditionEvaluator.Apply(_advisory, EvaluateRange(version, kubernetes, kubernetesError), options ?? AdvisoryEvaluationOptions.None);

    /// <summary>The verdict of the affected range alone.</summary>
    private AdvisoryVerdict EvaluateRange(ComponentVersion version, KubernetesVersion? kubernetes, string? kubernetesError)
    {
        var advisory = _advisory;
        var input = version.Original;
        if (version.Image is { } image && !IsComponentImage(image))
        {
            return Unknown(input, version,
                $"The image '{input}' is from repository '{image.Name}', which is not {advisory.Component.Name} (expected {string.Join(" or ", advisory.Component.ImageRepositories.Select(r => "'" + r + "'"))}), so its tag says nothing about this advisory.");
        }

        if (version.IsPartial)
        {
            return EvaluateLine(version);
        }

        if (!version.IsPrerelease && IsNeverReleased(version))
        {
            var shown = Describe(version);
            var asPublishedAnswer = AsPublished(version);
            var reading = asPublishedAnswer == AffectedStatus.Affected ? "affected" : "not affected";
            var published = advisory.AsPublished is { } p ? $"the published advisory named {p.FixedIn} as the fix, and under its text {shown} reads {reading}; " : string.Empty;
            return new AdvisoryVerdict(advisory.Id, input, AffectedStatus.Unknown, asPublishedAnswer, version,
                $"{shown} was never released, so no cluster runs it ({published}the first fixed release is {advisory.Remediation.FirstReleasedFixedVersion}); check the version actually deployed.", null);
        }

        var range = advisory.Affected.Range;
        if (range.IsUndecidedCandidate(version))
        {
            return Unknown(input, version,
                $"{Describe(version)} is a release candidate of {version.FinalRelease}, which lies on the other side of the affected range {range} of {advisory.Id}; the range cannot tell which code a candidate of a boundary release carries, and upstream tagged no such candidate. Check the version actually deployed.");
        }

        var status = range.Contains(version) ? AffectedStatus.Affected : AffectedStatus.NotAffected;
        var asPublished = AsPublished(version);
        var action = status == AffectedStatus.Affected ? Action(version, kubernetes, kubernetesError) : null;

        // The reason is written when first read (this evaluator explains it): most callers only look at the status.
        return new AdvisoryVerdict(advisory.Id, input, status, asPublished, version, this, action);
    }

    /// <summary>The reason of a verdict decided by the range alone, written from its fields.</summary>
    internal string ExplainRange(AdvisoryVerdict verdict)
    {
        var advisory = _advisory;
        var range = advisory.Affected.Range;
        var shown = Describe(verdict.Version!);
        var reason = verdict.Status == AffectedStatus.Affected
            ? $"{shown} is inside the affected range {range} of {advisory.Id}."
            : $"{shown} is outside the affected range {range} of {advisory.Id}.";
        if (verdict.AsPublished != AffectedStatus.Unknown && verdict.Status != verdict.AsPublished)
        {
            reason += verdict.AsPublished == AffectedStatus.Affected
                ? $" The range as published ({advisory.AsPublished!.RangeText}) wrongly lists it as affected."
                : $" The range as published ({advisory.AsPublished!.RangeText}) wrongly leaves it out.";
        }

        return reason;
    }

    /// <summary>
    /// The action for an affected version. It depends on the version only through the mitigation pitfalls it falls in,
    /// so one action per (Kubernetes version, pitfalls) is built and shared; the memo is bounded like the verdict cache.
    /// </summary>
    private AdvisoryAction Action(ComponentVersion version, KubernetesVersion? kubernetes, string? kubernetesError)
    {
        // More pitfalls than the mask holds (none of the data has more than one) are planned per call rather than shared wrongly.
        if (kubernetesError is not null || version.IsPartial || _advisory.Mitigation.Pitfalls.Count > _pitfallRanges.Length)
        {
            return RemedyPlanner.Plan(_advisory, version, kubernetes, kubernetesError);
        }

        var pitfalls = _pitfallRanges;
        var mask = 0;
        for (var i = 0; i < pitfalls.Length; i++)
        {
            if (pitfalls[i].Contains(version)) mask |= 1 << i;
        }

        // Without a Kubernetes version (the common call) the action is found by its pitfall mask alone, in an array.
        if (kubernetes is null && mask < _actionsWithoutKubernetes.Length)
        {
            return _actionsWithoutKubernetes[mask] ??= RemedyPlanner.Plan(_advisory, version, null, null);
        }

        var key = (kubernetes?.Major ?? -1, kubernetes?.Minor ?? -1, mask);
        if (_actions.TryGetValue(key, out var action)) return action;
        action = RemedyPlanner.Plan(_advisory, version, kubernetes, null);
        if (_actions.Count >= MaxSharedActions) _actions.Clear();
        _actions.TryAdd(key, action);
        return action;
    }

    private bool IsComponentImage(ImageReference image)
    {
        foreach (var repository in _imageRepositories)
        {
            if (image.HasName(repository)) return true;
        }

        return false;
    }

    /// <summary>Whether the upstream release of a version is one the data says was never released (compared by number, allocating nothing).</summary>
    private bool IsNeverReleased(ComponentVersion version)
    {
        foreach (var never in _neverReleased)
        {
            if (never.Major == version.Major && never.Minor == version.Minor && never.Patch == version.Patch && string.Equals(never.Prerelease, version.Prerelease, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>The answer under the text as published: the published range alone decides, so a version it leaves out is NotAffected even if it was never released.</summary>
    private AffectedStatus AsPublished(ComponentVersion version)
    {
        if (_advisory.AsPublished is not { } published) return AffectedStatus.Unknown;
        var range = published.Range;
        return range.IsUndecidedCandidate(version) ? AffectedStatus.Unknown
            : range.Contains(version) ? AffectedStatus.Affected : AffectedStatus.NotAffected;
    }

    private AdvisoryVerdict EvaluateLine(ComponentVersion version)
    {
        var advisory = _advisory;

        // A partial version names every release of its line, pre-releases included: [X.Y.0-0, X.(Y+1).0-0).
        var low = new SemVersion(version.Major, version.Minor ?? 0, 0, [new PrereleaseIdentifier(0)], null);
        var high = version.Minor is { } minor
            ? new SemVersion(version.Major, minor + 1, 0, [new PrereleaseIdentifier(0)], null)
            : new SemVersion(version.Major + 1, 0, 0, [new PrereleaseIdentifier(0)], null);
        var line = version.Release + ".x";
        var all = advisory.Affected.Range.ContainsAll(low, high, out var splitter);
        var allPublished = advisory.AsPublished?.Range.ContainsAll(low, high, out _);
        var published = allPublished is null ? AffectedStatus.Unknown : allPublished.Value ? AffectedStatus.Affected : AffectedStatus.NotAffected;
        if (all is null)
        {
            return new AdvisoryVerdict(advisory.Id, version.Original, AffectedStatus.Unknown, published, version,
                $"'{version.Original}' could be any {line} release, and that line holds both affected and unaffected releases (the range {advisory.Affected.Range} changes at {(ComponentVersion.TryParse(splitter!.Version, out var at) ? at : splitter.Version)}); give the full version, such as 'v{version.Major}.{version.Minor ?? 0}.0-eksbuild.1'.",
                null);
        }

        var status = all.Value ? AffectedStatus.Affected : AffectedStatus.NotAffected;
        var reason = all.Value
            ? $"Every {line} release is inside the affected range {advisory.Affected.Range} of {advisory.Id}."
            : $"No {line} release is inside the affected range {advisory.Affected.Range} of {advisory.Id}.";
        return new AdvisoryVerdict(advisory.Id, version.Original, status, published, version, reason,
            all.Value ? Action(version, null, null) : null);
    }

    private AdvisoryVerdict Unknown(string input, ComponentVersion? version, string reason) =>
        new(_advisory.Id, input, AffectedStatus.Unknown, AffectedStatus.Unknown, version, reason, null);

    private static string Describe(ComponentVersion version)
    {
        var text = version.ToString();
        return version.EksBuild is null ? text : $"{text} (the EKS add-on build of {version.Release})";
    }
}
