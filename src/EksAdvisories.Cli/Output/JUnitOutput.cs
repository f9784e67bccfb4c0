using System.Text;
using System.Xml;

namespace EksAdvisories.Cli;

/// <summary>
/// Writes a check as JUnit XML in the Ant/Jenkins shape CI servers read: <c>testsuites/testsuite/testcase</c>, a testcase
/// per input and advisory (check-version) or per snapshot folder (check-node), a <c>failure</c> per finding (as
/// <c>--fail-on</c> counts them), an <c>error</c> for an Unknown verdict or an input that could not be read.
/// </summary>
internal static class JUnitOutput
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };

    public static string Render(VersionCheck check)
    {
        var cases = check.Verdicts.Select(judged =>
        {
            var v = judged.Verdict;
            var detail = v.Reason + (v.Action is { } a ? "\n" + a.Summary : string.Empty);
            var outcome = v.Status == AffectedStatus.Unknown ? Outcome.Error
                : check.Policy.IsFinding(v.Status) ? Outcome.Failure
                : Outcome.Passed;
            return new TestCase($"{v.Input} {v.AdvisoryId}", "eks-advisories.check-version." + v.AdvisoryId, outcome, $"{v.Status}", detail);
        }).Concat(check.Problems.Select(Unreadable("check-version")));
        return Write("check-version", cases.ToList());
    }

    public static string Render(NodeCheck check)
    {
        var cases = check.Nodes.Select(node =>
        {
            if (node.Report is not { } report) return Unreadable("check-node")(node.Problem!);
            var outcome = report.Verdict == Ipamd.ReconcileVerdict.Unknown ? Outcome.Error
                : check.Policy.IsFinding(report.Verdict) ? Outcome.Failure
                : Outcome.Passed;
            var detail = report.Summary + string.Concat(report.Findings.Select(f => $"\n{f.Code} {f.Severity}: {f.Message}"))
                + (report.Action is { } action ? "\n" + action : string.Empty);
            return new TestCase(node.Folder, "eks-advisories.check-node", outcome, $"{report.Verdict}", detail);
        });
        return Write("check-node", cases.ToList());
    }

    private static Func<InputProblem, TestCase> Unreadable(string command) =>
        p => new TestCase(p.Input, $"eks-advisories.{command}", Outcome.Error, "InputError", p.Message);

    private static string Write(string suite, IReadOnlyList<TestCase> cases)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            var failures = cases.Count(c => c.Outcome == Outcome.Failure).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var errors = cases.Count(c => c.Outcome == Outcome.Error).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var tests = cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", ToolInfo.Name);
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures);
            xml.WriteAttributeString("errors", errors);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"{ToolInfo.Name} {suite}");
            xml.WriteAttributeString("tests", tests);
            xml.WriteAttributeString("failures", failures);
            xml.WriteAttributeString("errors", errors);
            xml.WriteAttributeString("skipped", "0");
            foreach (var c in cases)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", c.Name);
                xml.WriteAttributeString("classname", c.ClassName);
                if (c.Outcome == Outcome.Passed)
                {
                    xml.WriteElementString("system-out", $"{c.Verdict}: {c.Detail}");
                }
                else
                {
                    xml.WriteStartElement(c.Outcome == Outcome.Failure ? "failure" : "error");
                    xml.WriteAttributeString("message", $"{c.Verdict}: {FirstLine(c.Detail)}");
                    xml.WriteAttributeString("type", c.Verdict);
                    xml.WriteString(c.Detail);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private enum Outcome
    {
        Passed,
        Failure,
        Error,
    }

    private sealed record TestCase(string Name, string ClassName, Outcome Outcome, string Verdict, string Detail);
}
