using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EksAdvisories.Cli;

/// <summary>Writes a check as JSON through <see cref="CliJsonContext"/>; the documents are described by the schemas in Schemas/.</summary>
internal static class JsonOutput
{
    /// <summary>The <c>schemaVersion</c> of every JSON document the commands write.</summary>
    public const string SchemaVersion = "1.0";

    // Relaxed escaping keeps apostrophes and '>' in reasons readable; the serializer is still the source-generated one.
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Render(VersionCheck check) => Serialize(new VersionCheckDocument(
        SchemaVersion, "check-version", check.DataVersion, check.ExitCode,
        check.Verdicts.Select(v => Verdict(v, check.Policy)).ToList(),
        check.Problems.Select(p => new ProblemDocument(p.Input, p.Message)).ToList(),
        check.AddonBuild is { } c
            ? new AddonBuildDocument(
                c.KubernetesVersion?.ToString(), c.OfferedCount, c.LowestClear?.Version.ToString(), c.Newest?.Version.ToString(), c.Default?.Version.ToString(),
                c.IsDefaultAffected, c.DefaultCoveredBy, c.Summary)
            : null), Context.VersionCheckDocument);

    public static string Render(NodeCheck check)
    {
        var nodes = new List<NodeDocument>();
        foreach (var node in check.Nodes)
        {
            if (node.Report is not { } report) continue;
            // The report's shape is the library's (ReconcileReport.ToJson); it is carried as a JSON value, not re-described.
            using var document = JsonDocument.Parse(report.ToJson());
            nodes.Add(new NodeDocument(node.Folder, $"{report.Verdict}", check.Policy.IsFinding(report.Verdict), document.RootElement.Clone()));
        }

        return Serialize(new NodeCheckDocument(
            SchemaVersion, "check-node", AdvisoryCatalog.Default.DataVersion, check.ExitCode, nodes,
            check.Nodes.Where(n => n.Problem is not null).Select(n => new ProblemDocument(n.Problem!.Input, n.Problem.Message)).ToList()), Context.NodeCheckDocument);
    }

    private static VerdictDocument Verdict(JudgedVersion judged, FindingPolicy policy)
    {
        var v = judged.Verdict;
        var action = v.Action is { } a
            ? new ActionDocument($"{a.UpgradeTo}", a.RecommendedAddonVersion?.ToString(), a.Mitigation?.TargetVersion.ToString(), a.MitigationWithheldReason, a.Summary)
            : null;
        var asPublished = $"{v.AsPublished}";
        return new VerdictDocument(judged.Source, v.Input, v.AdvisoryId, $"{v.Status}", asPublished.Length == 0 ? null : asPublished,
            policy.IsFinding(v.Status), v.Version is null ? null : $"{v.Version}", v.Reason, action);
    }

    private static string Serialize<T>(T document, JsonTypeInfo<T> type) => JsonSerializer.Serialize(document, type) + "\n";
}
