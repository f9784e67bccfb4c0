namespace EksAdvisories.Ipamd;

/// <summary>
/// What the reference model predicts for one IPAMD behaviour over the horizon: whether the datastore comes to hold every
/// address EC2 has on the node's ENIs, when, and what it cost in EC2 calls. The figures are those of the run where IPAMD
/// asks, whenever it can, an ENI whose request EC2 refuses (Go's map order is random); <see cref="BestChoiceRecovers"/>
/// tells the other extreme. This type is immutable.
/// </summary>
public sealed class BehaviorOutcome
{
    internal BehaviorOutcome(ModelRun worst, ModelRun? best, Func<string> summary)
    {
        Behavior = worst.Behavior;
        Start = worst.Start;
        RecoveredAfter = worst.RecoveredAfter;
        AssignPrivateIpAddressesCalls = worst.AssignCalls;
        AssignPrivateIpAddressesRefused = worst.AssignRefused;
        DescribeNetworkInterfacesCalls = worst.DescribeCalls;
        EnisAttached = worst.EnisAttached;
        ReconcileRuns = worst.ReconcileRuns;
        MissingAtStart = new FormattedList<MissingUnit>(worst.MissingAtStart);
        MissingAtEnd = new FormattedList<MissingUnit>(worst.MissingAtEnd);
        EnisRefusedToTheEnd = worst.RefusedToTheEnd;
        DependsOnEniChoice = best is not null && (best.Recovers != worst.Recovers || (best.RefusedToTheEnd.Count > 0) != (worst.RefusedToTheEnd.Count > 0));
        BestChoiceRecovers = (best ?? worst).Recovers;
        _summary = summary;
    }

    private readonly Func<string> _summary;
    private string? _summaryText;

    /// <summary>The IPAMD behaviour modelled.</summary>
    public IpamdBehavior Behavior { get; }

    /// <summary>Whether the run started from the current datastore or from a restart now.</summary>
    public SimulationStart Start { get; }

    /// <summary>True when, at the end of the horizon, the datastore holds every address EC2 has on the node's ENIs.</summary>
    public bool Recovers => MissingAtEnd.Count == 0;

    /// <summary>
    /// The simulated time at which the datastore first held every address EC2 has (zero when nothing was missing at the
    /// start), or null when that never happened within the horizon.
    /// </summary>
    public TimeSpan? RecoveredAfter { get; }

    /// <summary>AssignPrivateIpAddresses calls made over the horizon, refused ones included.</summary>
    public int AssignPrivateIpAddressesCalls { get; }

    /// <summary>AssignPrivateIpAddresses calls EC2 refused with PrivateIpAddressLimitExceeded.</summary>
    public int AssignPrivateIpAddressesRefused { get; }

    /// <summary>DescribeNetworkInterfaces calls made over the horizon.</summary>
    public int DescribeNetworkInterfacesCalls { get; }

    /// <summary>ENIs IPAMD attached over the horizon.</summary>
    public int EnisAttached { get; }

    /// <summary>How often the 60 s nodeIPPoolReconcile ran; zero on an affected IPAMD whose pool stays low (the reconcile is starved).</summary>
    public int ReconcileRuns { get; }

    /// <summary>Addresses (secondary IPs, or prefixes in CIDR notation) EC2 has that the datastore lacked at the start, as <c>eni-…:10.0.1.15</c>.</summary>
    public IReadOnlyList<string> MissingAtStart { get; }

    /// <summary>Addresses EC2 has that the datastore still lacks at the end of the horizon, as <c>eni-…:10.0.1.15</c>.</summary>
    public IReadOnlyList<string> MissingAtEnd { get; }

    /// <summary>ENIs whose requests EC2 kept refusing to the end of the horizon while they still missed addresses.</summary>
    public IReadOnlyList<string> EnisRefusedToTheEnd { get; }

    /// <summary>True when the outcome depends on which ENI with room IPAMD asks (Go's map order): the best choice ends otherwise.</summary>
    public bool DependsOnEniChoice { get; }

    /// <summary>Whether the datastore comes to hold every address when IPAMD asks, whenever it can, an ENI whose request EC2 grants.</summary>
    public bool BestChoiceRecovers { get; }

    /// <summary>The outcome in one sentence.</summary>
    public string Summary => _summaryText ??= _summary();

    /// <inheritdoc/>
    public override string ToString() => $"{Behavior} ({Start}): {Summary}";
}
