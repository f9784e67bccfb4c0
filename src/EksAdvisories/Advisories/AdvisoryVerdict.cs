namespace EksAdvisories;

/// <summary>The answer of an advisory for one version. This type is immutable.</summary>
public sealed class AdvisoryVerdict
{
    internal AdvisoryVerdict(string advisoryId, string input, AffectedStatus status, AffectedStatus asPublished, ComponentVersion? version, string reason, AdvisoryAction? action)
    {
        AdvisoryId = advisoryId;
        Input = input;
        Status = status;
        AsPublished = asPublished;
        Version = version;
        _reason = reason;
        Action = action;
    }

    /// <summary>A verdict whose reason <paramref name="explainer"/> writes when it is first read.</summary>
    internal AdvisoryVerdict(string advisoryId, string input, AffectedStatus status, AffectedStatus asPublished, ComponentVersion version, AdvisoryEvaluator explainer, AdvisoryAction? action)
    {
        AdvisoryId = advisoryId;
        Input = input;
        Status = status;
        AsPublished = asPublished;
        Version = version;
        _explainer = explainer;
        Action = action;
    }

    private readonly AdvisoryEvaluator? _explainer;
    private string? _reason;

    /// <summary>The reason's length if written, else a generous bound (for the cache's byte estimate, without writing it).</summary>
    internal int ReasonLengthBound => _reason?.Length ?? 512;

    /// <summary>The advisory that answered.</summary>
    public string AdvisoryId { get; }

    /// <summary>The version text as given.</summary>
    public string Input { get; }

    /// <summary>The answer under the corrected range.</summary>
    public AffectedStatus Status { get; }

    /// <summary>The answer under the range as originally published (it differs for v1.11.3, for example).</summary>
    public AffectedStatus AsPublished { get; }

    /// <summary>True when <see cref="Status"/> and <see cref="AsPublished"/> differ.</summary>
    public bool DiffersFromPublished => AsPublished != AffectedStatus.Unknown && Status != AsPublished;

    /// <summary>The normalized version, or null when the input could not be read.</summary>
    public ComponentVersion? Version { get; }

    /// <summary>Why, in one sentence a person can read; for <see cref="AffectedStatus.Unknown"/> it quotes the input.</summary>
    public string Reason => _reason ??= _explainer!.ExplainRange(this);

    /// <summary>
    /// How each of the advisory's <see cref="Advisory.Conditions"/> came out for this node, when the version is inside
    /// the range; empty when the advisory has none or the range alone decided.
    /// </summary>
    public IReadOnlyList<ConditionOutcome> Conditions { get; private init; } = [];

    /// <summary>What to do; non-null exactly when <see cref="Status"/> is <see cref="AffectedStatus.Affected"/>.</summary>
    public AdvisoryAction? Action { get; }

    /// <summary>This verdict after the advisory's conditions were judged: a new status, reason and action, and the outcomes.</summary>
    internal AdvisoryVerdict WithConditions(AffectedStatus status, string reason, AdvisoryAction? action, IList<ConditionOutcome> outcomes) =>
        new(AdvisoryId, Input, status, AsPublished, Version, reason, action) { Conditions = outcomes.AsReadOnly() };

    /// <inheritdoc/>
    public override string ToString() => $"{AdvisoryId} {Status}: {Reason}";
}
