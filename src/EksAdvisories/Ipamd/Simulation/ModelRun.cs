namespace EksAdvisories.Ipamd;

/// <summary>
/// What one run of the reference model found, as facts (counts, times, addresses); the report layer words them.
/// </summary>
/// <param name="Behavior">The IPAMD behaviour modelled.</param>
/// <param name="Start">Where the run started.</param>
/// <param name="Choice">How the run chose among ENIs with room.</param>
/// <param name="Horizon">How long it ran.</param>
/// <param name="RecoveredAfter">When the datastore first held every address EC2 has on the managed ENIs (zero when nothing was missing), or null.</param>
/// <param name="AssignCalls">AssignPrivateIpAddresses calls.</param>
/// <param name="AssignRefused">Those EC2 refused with PrivateIpAddressLimitExceeded.</param>
/// <param name="DescribeCalls">DescribeNetworkInterfaces calls.</param>
/// <param name="EnisAttached">ENIs attached.</param>
/// <param name="ReconcileRuns">Runs of the 60 s reconcile.</param>
/// <param name="MissingAtStart">Addresses EC2 has that the datastore lacked at the start.</param>
/// <param name="MissingAtEnd">Those still missing at the end.</param>
/// <param name="RefusedToTheEnd">ENIs whose requests EC2 kept refusing to the end of the horizon while they still missed addresses.</param>
/// <param name="ChoiceMattered">True when, at some request, one ENI with room would have been granted and another refused.</param>
internal sealed record ModelRun(
    IpamdBehavior Behavior, SimulationStart Start, EniChoice Choice, TimeSpan Horizon, TimeSpan? RecoveredAfter, int AssignCalls, int AssignRefused,
    int DescribeCalls, int EnisAttached, int ReconcileRuns, IReadOnlyList<MissingUnit> MissingAtStart, IReadOnlyList<MissingUnit> MissingAtEnd,
    IReadOnlyList<string> RefusedToTheEnd, bool ChoiceMattered)
{
    public bool Recovers => MissingAtEnd.Count == 0;
}
