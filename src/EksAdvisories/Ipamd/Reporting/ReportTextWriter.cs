using System.Globalization;
using System.Text;

namespace EksAdvisories.Ipamd;

/// <summary>Renders a <see cref="ReconcileReport"/> as text for a terminal or a ticket.</summary>
internal static class ReportTextWriter
{
    public static string Write(ReconcileReport report)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"IPAMD reconcile check: {report.Verdict}");
        Line(report.Summary);
        Line();
        var limits = report.Ipv4AddressesPerInterface is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"{l} IPv4 addresses per ENI, {report.MaximumNetworkInterfaces} ENIs")
            : "ENI limits unknown";
        Line($"Node:     {report.InstanceType ?? "unknown instance type"} ({limits}), {(report.Settings.PrefixDelegation ? "prefix-delegation" : "secondary-IP")} mode");
        Line($"Settings: {report.Settings}");
        Line($"CNI:      {(report.CniVersion is { } v ? v + " (from " + report.CniVersionSource + ")" : "unknown")}; behaviour {(report.Behavior?.ToString() ?? "unknown")}: {report.BehaviorReason}");
        if (report.Advisory is { } advisory)
        {
            Line($"Advisory: {advisory.AdvisoryId} {advisory.Status}: {advisory.Reason}");
            if (report.Action is { } action) Line($"Action:   {action}");
        }

        Line();
        Line(report.Findings.Count == 0 ? "Findings: none" : "Findings:");
        foreach (var finding in report.Findings)
        {
            Line($"  [{finding.Severity}] {finding.Code}{(finding.EniId is null ? string.Empty : " " + finding.EniId)}: {finding.Message}");
            if (finding.Addresses.Count > 0) Line("      " + string.Join(", ", finding.Addresses));
        }

        var horizon = string.Create(CultureInfo.InvariantCulture, $"{report.Horizon.TotalMinutes:0.#} min");
        WriteOutcomes(report.Outcomes, $"Model from the current datastore (horizon {horizon}):", Line);
        WriteOutcomes(report.RestartOutcomes, $"Model if aws-node restarted now (datastore rebuilt from IMDS, horizon {horizon}):", Line);
        WriteList("Assumptions:", report.Assumptions, Line);
        WriteList("Missing parts:", report.MissingParts, Line);
        return text.ToString();
    }

    private static void WriteOutcomes(IReadOnlyList<BehaviorOutcome> outcomes, string title, Action<string> line)
    {
        if (outcomes.Count == 0) return;
        line(string.Empty);
        line(title);
        foreach (var outcome in outcomes) line($"  {outcome.Behavior,-13} {outcome.Summary}");
    }

    private static void WriteList(string title, IReadOnlyList<string> items, Action<string> line)
    {
        if (items.Count == 0) return;
        line(string.Empty);
        line(title);
        foreach (var item in items) line("  - " + item);
    }
}
