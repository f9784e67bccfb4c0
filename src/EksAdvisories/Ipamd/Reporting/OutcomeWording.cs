using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>Words the facts of a model run for people; the model itself returns no prose.</summary>
internal static class OutcomeWording
{
    public static string Summarize(ModelRun run, ModelRun? best)
    {
        var calls = string.Create(CultureInfo.InvariantCulture,
            $"{run.AssignCalls} AssignPrivateIpAddresses call(s) ({run.AssignRefused} refused with PrivateIpAddressLimitExceeded), {run.DescribeCalls} DescribeNetworkInterfaces, {run.EnisAttached} ENI(s) attached, {run.ReconcileRuns} reconcile run(s)");
        var choice = best is not null && best.Recovers && !run.Recovers
            ? string.Create(CultureInfo.InvariantCulture, $" If IPAMD happens to ask an ENI with room instead (Go's map order), it recovers{(best.RecoveredAfter is { } at ? $" after {at.TotalSeconds:0} s" : string.Empty)}.")
            : string.Empty;
        if (run.MissingAtStart.Count == 0 && run.MissingAtEnd.Count == 0) return $"Nothing is missing from the datastore; {calls}.";
        if (run.MissingAtEnd.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Recovers after {run.RecoveredAfter!.Value.TotalSeconds:0} s: the datastore holds all {run.MissingAtStart.Count} missing address(es); {calls}.");
        }

        if (run.RefusedToTheEnd.Count > 0)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Stays stuck for {run.Horizon.TotalMinutes:0.#} min: EC2 keeps refusing IPAMD's requests on {string.Join(", ", run.RefusedToTheEnd)}, and {run.MissingAtEnd.Count} address(es) EC2 has are still missing from the datastore; {calls}.{choice}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{run.MissingAtEnd.Count} address(es) EC2 has are still missing from the datastore after {run.Horizon.TotalMinutes:0.#} min, with no refusal pending; {calls}.{choice}");
    }
}
