using System.Collections.ObjectModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// The checker's answer for one node: the verdict and why, the findings, what the reference model predicts for each
/// IPAMD behaviour (from the current datastore and after a restart now), the advisory's verdict for the node's CNI version
/// with the action to take, and what was assumed or missing. Renders as text (<see cref="ToText"/>) and JSON
/// (<see cref="ToJson"/>). This type is immutable and thread-safe.
/// </summary>
public sealed class ReconcileReport
{
    internal ReconcileReport(
        ReconcileVerdict verdict, Func<string> summary, string? cniVersion, string? cniVersionSource, IpamdBehavior? behavior, string behaviorReason,
        AdvisoryVerdict? advisory, string? instanceType, int? ipv4AddressesPerInterface, int? maximumNetworkInterfaces, IpamdSettings settings,
        TimeSpan horizon, IList<ReconcileFinding> findings, IList<BehaviorOutcome> outcomes, IList<BehaviorOutcome> restartOutcomes,
        IList<string> assumptions, IList<string> missingParts, IReadOnlyList<LogSignatureMatch> logMatches, bool dependsOnEniChoice)
    {
        LogMatches = logMatches;
        DependsOnEniChoice = dependsOnEniChoice;
        Verdict = verdict;
        _summarize = summary;
        CniVersion = cniVersion;
        CniVersionSource = cniVersionSource;
        Behavior = behavior;
        BehaviorReason = behaviorReason;
        Advisory = advisory;
        InstanceType = instanceType;
        Ipv4AddressesPerInterface = ipv4AddressesPerInterface;
        MaximumNetworkInterfaces = maximumNetworkInterfaces;
        Settings = settings;
        Horizon = horizon;
        Findings = new ReadOnlyCollection<ReconcileFinding>(findings);
        Outcomes = new ReadOnlyCollection<BehaviorOutcome>(outcomes);
        RestartOutcomes = new ReadOnlyCollection<BehaviorOutcome>(restartOutcomes);
        Assumptions = new ReadOnlyCollection<string>(assumptions);
        MissingParts = new ReadOnlyCollection<string>(missingParts);
    }

    /// <summary>The verdict.</summary>
    public ReconcileVerdict Verdict { get; }

    /// <summary>Why this verdict, in a sentence or two; for <see cref="ReconcileVerdict.Unknown"/> it names what is missing.</summary>
    public string Summary => _summary ??= _summarize();

    // Worded when first read: a fleet check reads the verdicts of every node and the summaries of few.
    private readonly Func<string> _summarize;
    private string? _summary;

    /// <summary>The normalized CNI version the check used (<c>1.12.2-eksbuild.1</c>), or null when unknown.</summary>
    public string? CniVersion { get; }

    /// <summary>Where the CNI version came from (<c>cni-version.txt</c>, the DaemonSet's image, or the options), or null.</summary>
    public string? CniVersionSource { get; }

    /// <summary>The IPAMD behaviour the CNI version has, or null when the version is unknown or does not decide it.</summary>
    public IpamdBehavior? Behavior { get; }

    /// <summary>Why the version maps to <see cref="Behavior"/>, or why no behaviour could be chosen.</summary>
    public string BehaviorReason { get; }

    /// <summary>The advisory's verdict for the CNI version (EKSA-2023-0001), or null when the version is unknown.</summary>
    [JsonIgnore]
    public AdvisoryVerdict? Advisory { get; }

    /// <summary>The advisory's answer for the CNI version, or null when the version is unknown.</summary>
    public AffectedStatus? AdvisoryStatus => Advisory?.Status;

    /// <summary>The advisory's reason for <see cref="AdvisoryStatus"/>, or null when the version is unknown.</summary>
    public string? AdvisoryReason => Advisory?.Reason;

    /// <summary>What to do about the CNI version (upgrade target, mitigation and its caveats), or null when nothing is to be done or the version is unknown.</summary>
    public string? Action => Advisory?.Action?.Summary;

    /// <summary>The node's instance type, or null when unknown.</summary>
    public string? InstanceType { get; }

    /// <summary>The instance type's IPv4 addresses per ENI, primary included (L), or null when unknown.</summary>
    public int? Ipv4AddressesPerInterface { get; }

    /// <summary>The instance type's ENI limit, or null when unknown.</summary>
    public int? MaximumNetworkInterfaces { get; }

    /// <summary>The IPAMD settings the model ran with.</summary>
    public IpamdSettings Settings { get; }

    /// <summary>How much simulated time the model ran.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>What the checker found, most severe first.</summary>
    public IReadOnlyList<ReconcileFinding> Findings { get; }

    /// <summary>The advisory's log signatures found in the snapshot's ipamd log, in the advisory's order; empty without a log.</summary>
    public IReadOnlyList<LogSignatureMatch> LogMatches { get; }

    /// <summary>True when the verdict depends on which ENI with room IPAMD asks (Go's map order): the best and the worst choice end differently.</summary>
    public bool DependsOnEniChoice { get; }

    /// <summary>One outcome per <see cref="IpamdBehavior"/>, each run from the current datastore (so the report also says whether a fixed IPAMD would recover); empty when the model did not run (views in agreement, IPv6, limits unknown).</summary>
    public IReadOnlyList<BehaviorOutcome> Outcomes { get; }

    /// <summary>One outcome per <see cref="IpamdBehavior"/>, each run from a datastore rebuilt from IMDS as a restart now would (nodeInit's first request included); empty when the model did not run.</summary>
    public IReadOnlyList<BehaviorOutcome> RestartOutcomes { get; }

    /// <summary>Values the check assumed because the snapshot did not give them.</summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>Parts the snapshot lacked, each with what it would have told.</summary>
    public IReadOnlyList<string> MissingParts { get; }

    /// <summary>The report as indented JSON: camelCase names, enums as strings, durations as <c>hh:mm:ss</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        // The writer's encoder decides the escaping: the relaxed one keeps apostrophes and '>' in messages readable
        // (the JSON is a file for people and tools, never embedded in HTML); it is still escaped, valid JSON.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, this, ReportJsonContext.Default.ReconcileReport);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The report as text for people: verdict, findings, model outcomes, advisory, assumptions.</summary>
    /// <returns>The text, lines separated by <c>\n</c>.</returns>
    public string ToText() => ReportTextWriter.Write(this);

    /// <summary>The verdict and its summary on one line.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Verdict}: {Summary}";
}
