using System.Text.Encodings.Web;
using System.Text.Json;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary>
/// Writes a check as SARIF 2.1.0. check-version: a rule per advisory, a result per input and advisory. check-node: a
/// rule per verdict and per finding code, a result for each node's verdict and one per finding. Results carry
/// <c>kind</c> (fail, pass, review, notApplicable) and, for failures, a level (error when <c>--fail-on</c> counts it);
/// unreadable inputs are tool-execution notifications of the invocation.
/// </summary>
internal static class SarifOutput
{
    private const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static readonly SarifJsonContext Context = new(new JsonSerializerOptions(SarifJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>What each finding code means, for the rule that describes it.</summary>
    private static readonly Dictionary<string, string> FindingDescriptions = new(StringComparer.Ordinal)
    {
        [FindingCodes.DatastoreMissingAddresses] = "Addresses EC2 has on an ENI are missing from IPAMD's datastore.",
        [FindingCodes.ImdsStale] = "IMDS lists fewer addresses than EC2 has: an aws-node restart would rebuild the datastore without them.",
        [FindingCodes.Ec2WouldRefuse] = "IPAMD's next allocation would be refused by EC2 (PrivateIpAddressLimitExceeded).",
        [FindingCodes.LogSignatureSeen] = "The IPAMD log shows a line the advisory names as a sign of the condition.",
        [FindingCodes.DatastoreExtraAddresses] = "The datastore holds addresses EC2 no longer has on the ENI.",
        [FindingCodes.EniMismatch] = "The datastore, IMDS and EC2 disagree on which ENIs the node has.",
        [FindingCodes.AffectedVersion] = "The node runs a VPC CNI version the advisory says is affected.",
    };

    public static string Render(VersionCheck check)
    {
        var catalog = AdvisoryCatalog.Default;
        var rules = catalog.Advisories.Select(AdvisoryRule).ToList();
        var results = check.Verdicts.Select(judged =>
        {
            var v = judged.Verdict;
            var (kind, level) = v.Status switch
            {
                AffectedStatus.Affected => ("fail", check.Policy.IsFinding(v.Status) ? "error" : "note"),
                AffectedStatus.NotAffected => ("pass", "none"),
                _ => ("review", "none"),
            };
            var text = $"{v.Input}: {v.Status} ({v.AdvisoryId}). {v.Reason}" + (v.Action is { } a ? " " + a.Summary : string.Empty);
            var properties = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["input"] = v.Input,
                ["source"] = judged.Source,
                ["status"] = $"{v.Status}",
            };
            if (v.Version is not null) properties["version"] = $"{v.Version}";
            if (v.Action is { } action) properties["upgradeTo"] = $"{action.UpgradeTo}";
            return new SarifResult(v.AdvisoryId, rules.FindIndex(r => r.Id == v.AdvisoryId), kind, level, new SarifText(text), FileLocations(judged.Source), properties);
        }).ToList();
        return Serialize(rules, results, check.ExitCode, check.Problems);
    }

    public static string Render(NodeCheck check)
    {
        var rules = Enum.GetValues<ReconcileVerdict>().Select(VerdictRule).ToList();
        var results = new List<SarifResult>();
        foreach (var node in check.Nodes)
        {
            if (node.Report is not { } report) continue;
            var verdictRule = VerdictRuleId(report.Verdict);
            var (kind, level) = VerdictKind(report.Verdict, check.Policy);
            results.Add(new SarifResult(verdictRule, rules.FindIndex(r => r.Id == verdictRule), kind, level,
                new SarifText($"{node.Folder}: {report.Verdict}. {report.Summary}" + (report.Action is { } action ? " " + action : string.Empty)),
                FileLocations(node.Folder),
                new Dictionary<string, string>(StringComparer.Ordinal) { ["verdict"] = $"{report.Verdict}", ["cniVersion"] = report.CniVersion ?? "unknown" }));

            foreach (var finding in report.Findings)
            {
                if (rules.FindIndex(r => r.Id == finding.Code) < 0) rules.Add(FindingRule(finding.Code));
                var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["severity"] = $"{finding.Severity}", ["verdict"] = $"{report.Verdict}" };
                if (finding.Addresses.Count > 0) properties["addresses"] = string.Join(' ', finding.Addresses);
                var location = new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(UriOf(node.Folder))),
                    finding.EniId is { } eni ? [new SarifLogicalLocation(eni, "networkInterface")] : null);
                results.Add(new SarifResult(finding.Code, rules.FindIndex(r => r.Id == finding.Code), "fail", SeverityLevel(finding.Severity),
                    new SarifText($"{node.Folder}: {finding.Message}"), [location], properties));
            }
        }

        var problems = check.Nodes.Where(n => n.Problem is not null).Select(n => n.Problem!).ToList();
        return Serialize(rules, results, check.ExitCode, problems);
    }

    private static string Serialize(IReadOnlyList<SarifRule> rules, IReadOnlyList<SarifResult> results, int exitCode, IReadOnlyList<InputProblem> problems)
    {
        var notifications = problems.Select(p => new SarifNotification("error", new SarifText(p.Message), FileLocations(p.Input))).ToList();
        var driver = new SarifToolComponent(ToolInfo.Name, ToolInfo.Version, ToolInfo.Version, ToolInfo.InformationUri, rules);
        var run = new SarifRun(new SarifTool(driver), [new SarifInvocation(problems.Count == 0, exitCode, notifications)], results);
        return JsonSerializer.Serialize(new SarifLog(SchemaUri, "2.1.0", [run]), Context.SarifLog) + "\n";
    }

    private static SarifRule AdvisoryRule(Advisory advisory) => new(
        advisory.Id, "AffectedVpcCniVersion", new SarifText(advisory.Title), new SarifText(advisory.Summary),
        advisory.References.Count > 0 ? advisory.References[0].Url.AbsoluteUri : null, new SarifText(advisory.Remediation.Description),
        new SarifConfiguration("error"), new Dictionary<string, string>(StringComparer.Ordinal) { ["component"] = advisory.Component.Name });

    private static SarifRule VerdictRule(ReconcileVerdict verdict) => new(
        VerdictRuleId(verdict), "IpamdReconcile" + verdict, new SarifText($"IPAMD reconcile verdict {verdict}."),
        new SarifText($"The reference IPAMD reconcile checker's verdict {verdict} for a node snapshot."), null, null,
        new SarifConfiguration(verdict is ReconcileVerdict.Stuck or ReconcileVerdict.AtRisk ? "error" : "note"), null);

    private static SarifRule FindingRule(string code)
    {
        var text = FindingDescriptions.GetValueOrDefault(code, $"IPAMD reconcile finding {code}.");
        return new SarifRule(code, "IpamdFinding" + code, new SarifText(text), new SarifText(text), null, null, new SarifConfiguration("warning"), null);
    }

    private static string VerdictRuleId(ReconcileVerdict verdict) => "verdict/" + FindingPolicy.KebabName($"{verdict}");

    private static (string Kind, string Level) VerdictKind(ReconcileVerdict verdict, FindingPolicy policy) => $"{verdict}" switch
    {
        nameof(ReconcileVerdict.Unknown) => ("review", "none"),
        nameof(ReconcileVerdict.InSync) => ("pass", "none"),
        "NotApplicable" => ("notApplicable", "none"),
        _ => ("fail", policy.IsFinding(verdict) ? "error" : "note"),
    };

    private static string SeverityLevel(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A location for a file or folder input; none for arguments and standard input, which have no place.</summary>
    private static IReadOnlyList<SarifLocation>? FileLocations(string source) =>
        source is "argument" or StandardInput.Name ? null : [new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(UriOf(source))), null)];

    /// <summary>An absolute path as a file: URI, a relative one as a URI reference with '/' and escaped segments.</summary>
    private static string UriOf(string path) =>
        Path.IsPathRooted(path)
            ? new Uri(Path.GetFullPath(path)).AbsoluteUri
            : string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
