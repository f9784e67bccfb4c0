using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Tests;

namespace EksAdvisories.EndToEnd.Tests.Cli;

/// <summary>
/// --format json|sarif|junit|markdown on both judging commands: SARIF valid against the official 2.1.0 schema, JSON
/// valid against the schemas in the repository, JUnit in the testsuites/testsuite/testcase shape with a failure per
/// finding and an error per Unknown or unreadable input.
/// </summary>
public sealed class OutputFormatTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("cli-formats");

    public void Dispose() => _temp.Dispose();

    private static string Example(string name) => RepositoryPaths.Combine("samples", "snapshots", name);

    private string Missing => _temp.Combine("not-collected");

    private Task<ProcessResult> Versions(string format) =>
        CliProcess.RunAsync(["check-version", "--format", format, "--k8s", "1.27", "v1.12.2-eksbuild.1", "v1.12.5", "latest", "--file", _temp.Combine("none.json")]);

    private Task<ProcessResult> Nodes(string format) =>
        CliProcess.RunAsync(["check-node", "--format", format, Example("stuck-affected"), Example("in-sync"), Example("stuck-fixed"), Missing]);

    [Fact]
    public async Task Check_version_sarif_is_valid_sarif_2_1_0_with_a_rule_per_advisory_and_a_result_per_verdict()
    {
        var run = await Versions("sarif");

        Assert.True(run.ExitCode == 3, run.Describe());
        var errors = await SarifValidator.ErrorsAsync(run.StandardOutput);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors) + "\n" + run.StandardOutput);
        var sarif = JsonNode.Parse(run.StandardOutput)!;
        var runNode = sarif["runs"]![0]!;
        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        Assert.Equal("EKSA-2023-0001", runNode["tool"]!["driver"]!["rules"]![0]!["id"]!.GetValue<string>());
        // Every input gets a result per advisory in the catalog; the first advisory's tell the three kinds apart.
        var all = runNode["results"]!.AsArray();
        Assert.Equal(3 * AdvisoryCatalog.Default.Advisories.Count, all.Count);
        var results = all.Where(r => r!["ruleId"]!.GetValue<string>() == "EKSA-2023-0001").ToList();
        Assert.Equal(["fail", "pass", "review"], results.Select(r => r!["kind"]!.GetValue<string>()));
        Assert.Equal(["error", "none", "none"], results.Select(r => r!["level"]!.GetValue<string>()));
        Assert.All(results, r => Assert.Equal(0, r!["ruleIndex"]!.GetValue<int>()));
        var invocation = runNode["invocations"]![0]!;
        Assert.False(invocation["executionSuccessful"]!.GetValue<bool>());
        Assert.Equal(3, invocation["exitCode"]!.GetValue<int>());
        Assert.Contains("none.json", invocation["toolExecutionNotifications"]![0]!["message"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_node_sarif_is_valid_with_verdict_and_finding_code_rules()
    {
        var run = await Nodes("sarif");

        Assert.True(run.ExitCode == 3, run.Describe());
        var errors = await SarifValidator.ErrorsAsync(run.StandardOutput);
        Assert.True(errors.Count == 0, "SARIF schema errors:\n" + string.Join("\n", errors));
        var runNode = JsonNode.Parse(run.StandardOutput)!["runs"]![0]!;
        var ruleIds = runNode["tool"]!["driver"]!["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("verdict/stuck", ruleIds);
        Assert.Contains("IPAMD001", ruleIds);
        var results = runNode["results"]!.AsArray();
        Assert.All(results, r => Assert.Equal(r!["ruleId"]!.GetValue<string>(), ruleIds[r["ruleIndex"]!.GetValue<int>()]));
        var stuck = results.Single(r => r!["ruleId"]!.GetValue<string>() == "verdict/stuck")!;
        Assert.Equal("error", stuck["level"]!.GetValue<string>());
        Assert.Equal("pass", results.Single(r => r!["ruleId"]!.GetValue<string>() == "verdict/in-sync")!["kind"]!.GetValue<string>());
        var missing = results.First(r => r!["ruleId"]!.GetValue<string>() == "IPAMD001")!;
        Assert.Equal("eni-0b2c3d4e5f6071829", missing["locations"]![0]!["logicalLocations"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sarif_validator_rejects_a_log_that_breaks_the_schema()
    {
        var run = await CliProcess.RunAsync(["check-version", "--format", "sarif", "v1.12.2"]);
        var broken = JsonNode.Parse(run.StandardOutput)!;
        broken["runs"]![0]!["results"]![0]!["level"] = "fatal";
        broken["runs"]![0]!["results"]![0]!["message"] = new JsonObject();

        var errors = await SarifValidator.ErrorsAsync(broken.ToJsonString());

        Assert.True(errors.Count >= 2, "the validator accepted a result with level 'fatal' and an empty message: " + string.Join("\n", errors));
    }

    [Fact]
    public async Task Check_version_junit_has_a_testcase_per_verdict_a_failure_per_finding_and_an_error_per_unknown_or_unreadable_input()
    {
        var run = await Versions("junit");

        Assert.True(run.ExitCode == 3, run.Describe());
        var suites = XDocument.Parse(run.StandardOutput).Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        var advisories = AdvisoryCatalog.Default.Advisories.Count;
        var all = suite.Elements("testcase").ToList();
        Assert.Equal(3 * advisories + 1, all.Count);
        var cases = all.Where(c => c.Attribute("name")!.Value.EndsWith(" EKSA-2023-0001", StringComparison.Ordinal) || c.Element("error")?.Attribute("type")?.Value == "InputError").ToList();
        Assert.Equal(4, cases.Count);
        Assert.Equal("v1.12.2-eksbuild.1 EKSA-2023-0001", cases[0].Attribute("name")!.Value);
        Assert.Equal("Affected", cases[0].Element("failure")!.Attribute("type")!.Value);
        Assert.Null(cases[1].Element("failure") ?? cases[1].Element("error"));
        Assert.Equal("Unknown", cases[2].Element("error")!.Attribute("type")!.Value);
        Assert.Equal("InputError", cases[3].Element("error")!.Attribute("type")!.Value);
        // 'latest' is Unknown for every advisory, and the missing file is one input error.
        var expected = ($"{3 * advisories + 1}", "1", $"{advisories + 1}");
        Assert.Equal(expected, (suite.Attribute("tests")!.Value, suite.Attribute("failures")!.Value, suite.Attribute("errors")!.Value));
        Assert.Equal(expected, (suites.Attribute("tests")!.Value, suites.Attribute("failures")!.Value, suites.Attribute("errors")!.Value));
    }

    [Fact]
    public async Task Check_node_junit_has_a_testcase_per_folder()
    {
        var run = await Nodes("junit");

        var cases = XDocument.Parse(run.StandardOutput).Root!.Element("testsuite")!.Elements("testcase").ToList();
        Assert.Equal([Example("stuck-affected"), Example("in-sync"), Example("stuck-fixed"), Missing], cases.Select(c => c.Attribute("name")!.Value));
        Assert.Equal("Stuck", cases[0].Element("failure")!.Attribute("type")!.Value);
        Assert.Contains("IPAMD001", cases[0].Element("failure")!.Value, StringComparison.Ordinal);
        Assert.Null(cases[1].Element("failure"));
        Assert.Null(cases[2].Element("failure")); // Drifted is not in the default --fail-on
        Assert.Equal("InputError", cases[3].Element("error")!.Attribute("type")!.Value);
    }

    [Fact]
    public async Task Junit_failures_follow_fail_on()
    {
        var run = await CliProcess.RunAsync(["check-node", "--format", "junit", "--fail-on", "drifted", Example("stuck-fixed"), Example("stuck-affected")]);

        Assert.True(run.ExitCode == 1, run.Describe());
        var cases = XDocument.Parse(run.StandardOutput).Root!.Element("testsuite")!.Elements("testcase").ToList();
        Assert.Equal("Drifted", cases[0].Element("failure")!.Attribute("type")!.Value);
        Assert.Null(cases[1].Element("failure"));
    }

    [Fact]
    public async Task Check_version_json_is_valid_against_its_schema_and_carries_the_schema_version()
    {
        var run = await Versions("json");

        var errors = OutputSchemaValidator.Errors("check-version", run.StandardOutput);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + run.StandardOutput);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var root = document.RootElement;
        Assert.Equal("1.0", root.GetProperty("schemaVersion").GetString());
        Assert.Equal(3, root.GetProperty("exitCode").GetInt32());
        Assert.Equal([true, false, false], root.GetProperty("verdicts").EnumerateArray()
            .Where(v => v.GetProperty("advisoryId").GetString() == "EKSA-2023-0001").Select(v => v.GetProperty("finding").GetBoolean()));
        Assert.Equal(_temp.Combine("none.json"), root.GetProperty("errors")[0].GetProperty("input").GetString());
    }

    [Fact]
    public async Task Check_node_json_is_valid_against_its_schema_with_the_library_report_inside()
    {
        var run = await Nodes("json");

        var errors = OutputSchemaValidator.Errors("check-node", run.StandardOutput);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + run.StandardOutput);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var nodes = document.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["Stuck", "InSync", "Drifted"], nodes.Select(n => n.GetProperty("report").GetProperty("verdict").GetString()));
        Assert.Equal(Missing, document.RootElement.GetProperty("errors")[0].GetProperty("input").GetString());
    }

    [Theory]
    [InlineData("check-version", """{"schemaVersion":"1.0","command":"check-version","dataVersion":"x","exitCode":0,"verdicts":[{"source":"argument"}],"errors":[]}""")]
    [InlineData("check-version", """{"schemaVersion":"2.0","command":"check-version","dataVersion":"x","exitCode":0,"verdicts":[],"errors":[]}""")]
    [InlineData("check-node", """{"schemaVersion":"1.0","command":"check-node","dataVersion":"x","exitCode":7,"nodes":[],"errors":[]}""")]
    [InlineData("check-node", """{"schemaVersion":"1.0","command":"check-node","dataVersion":"x","exitCode":0,"nodes":[{"folder":"a","verdict":"InSync","finding":false,"report":{"verdict":"InSync"}}],"errors":[]}""")]
    public void The_output_schemas_reject_documents_that_break_them(string command, string json)
    {
        Assert.NotEmpty(OutputSchemaValidator.Errors(command, json));
    }

    [Fact]
    public async Task Markdown_is_a_table_with_a_row_per_verdict()
    {
        var run = await CliProcess.RunAsync(["check-version", "--format", "markdown", "v1.12.2", "v1.12.5"]);

        Assert.True(run.ExitCode == 1, run.Describe());
        var all = CliProcess.Lines(run.StandardOutput).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.Equal(2 * AdvisoryCatalog.Default.Advisories.Count, all.Count);
        var rows = all.Where(l => l.Contains(" | EKSA-2023-0001 | ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        // '<' is escaped so that a Markdown renderer does not take "<1.12.5" for the start of an HTML tag.
        Assert.StartsWith("| `v1.12.2` | EKSA-2023-0001 | **Affected** | v1.12.2 is inside the affected range >=1.11.4-rc1 &lt;1.12.5", rows[0], StringComparison.Ordinal);
        Assert.All(all, r => Assert.Equal(5, r.Split(" | ").Length));
    }

    [Fact]
    public async Task Check_node_markdown_lists_the_findings_of_each_node()
    {
        var run = await CliProcess.RunAsync(["check-node", "--format", "markdown", Example("stuck-affected")]);

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("| **Stuck** |", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("| IPAMD001 | Error | eni-0b2c3d4e5f6071829 |", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_shorthand_and_another_format_is_a_usage_error()
    {
        var run = await CliProcess.RunAsync(["check-version", "--json", "--format", "sarif", "v1.12.2"]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("--json and --format sarif", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var run = await CliProcess.RunAsync(["check-node", "--format", "xml", Example("in-sync")]);

        Assert.True(run.ExitCode == 3, run.Describe());
        Assert.Contains("xml", run.StandardError, StringComparison.Ordinal);
    }
}
