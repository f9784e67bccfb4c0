using System.Text;
using System.Text.Json.Nodes;

namespace EksAdvisories.Tests.Export;

public class JsonExportTests
{
    private static readonly Advisory Original = AdvisoryCatalog.Default.Get("EKSA-2023-0001");

    private static Advisory RoundTrip(Advisory advisory)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(advisory.ToJson()));
        return Assert.Single(AdvisoryCatalog.Load(stream, "ToJson output").Advisories);
    }

    [Fact]
    public void ToJson_is_the_data_file_itself()
    {
        // Same properties, same values, same order of list items as advisories/EKSA-2023-0001.json (formatting aside).
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Advisories, "EKSA-2023-0001.json")));
        var exported = JsonNode.Parse(Original.ToJson());
        Assert.True(JsonNode.DeepEquals(file, exported), "ToJson differs from the data file:\n" + Original.ToJson());
    }

    [Fact]
    public void ToJson_round_trips_through_AdvisoryCatalog_Load_field_by_field()
    {
        var a = Original;
        var b = RoundTrip(a);

        Assert.Equal(a.SchemaVersion, b.SchemaVersion);
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.Revision, b.Revision);
        Assert.Equal(a.Published, b.Published);
        Assert.Equal(a.Modified, b.Modified);
        Assert.Equal(a.Title, b.Title);
        Assert.Equal(a.Summary, b.Summary);

        Assert.Equal(a.Component.Name, b.Component.Name);
        Assert.Equal(a.Component.Aliases, b.Component.Aliases);
        Assert.Equal(a.Component.ImageRepositories, b.Component.ImageRepositories);
        Assert.Equal(a.Component.UpstreamModule, b.Component.UpstreamModule);

        AssertEvents(a.Affected.Range, b.Affected.Range);
        Assert.Equal(a.Affected.KnownAffectedReleases, b.Affected.KnownAffectedReleases);
        Assert.Equal(a.Affected.KnownUnaffectedReleases, b.Affected.KnownUnaffectedReleases);
        Assert.Equal(a.Affected.NeverReleased, b.Affected.NeverReleased);

        Assert.NotNull(a.AsPublished);
        Assert.NotNull(b.AsPublished);
        Assert.Equal(a.AsPublished.RangeText, b.AsPublished.RangeText);
        AssertEvents(a.AsPublished.Range, b.AsPublished.Range);
        Assert.Equal(a.AsPublished.FixedIn, b.AsPublished.FixedIn);
        Assert.Equal(a.AsPublished.MitigationTarget, b.AsPublished.MitigationTarget);

        Assert.Equal(a.RootCause.Description, b.RootCause.Description);
        Assert.Equal(a.RootCause.IntroducedIn, b.RootCause.IntroducedIn);
        Assert.Equal(a.RootCause.IntroducedBy, b.RootCause.IntroducedBy);
        Assert.Equal(a.RootCause.IntroducedByCommit, b.RootCause.IntroducedByCommit);
        Assert.Equal(a.RootCause.FixedBy, b.RootCause.FixedBy);
        Assert.Equal(a.RootCause.FixedByCommit, b.RootCause.FixedByCommit);

        Assert.Equal(a.Impact, b.Impact);
        Assert.Equal(a.TriggerConditions, b.TriggerConditions);

        Assert.Equal(a.Remediation.FixedIn, b.Remediation.FixedIn);
        Assert.Equal(a.Remediation.FirstReleasedFixedVersion, b.Remediation.FirstReleasedFixedVersion);
        Assert.Equal(a.Remediation.FirstFixedAddonVersion, b.Remediation.FirstFixedAddonVersion);
        Assert.Equal(a.Remediation.RecommendedAddonVersion, b.Remediation.RecommendedAddonVersion);
        Assert.Equal(a.Remediation.Description, b.Remediation.Description);
        Assert.Equal(a.Remediation.Caveats, b.Remediation.Caveats);

        Assert.Equal(a.Mitigation.TargetVersion, b.Mitigation.TargetVersion);
        Assert.Equal(a.Mitigation.Description, b.Mitigation.Description);
        Assert.Equal(a.Mitigation.UnsafeFromKubernetesVersion, b.Mitigation.UnsafeFromKubernetesVersion);
        Assert.Equal(a.Mitigation.Caveats, b.Mitigation.Caveats);

        Assert.Equal(
            a.Detection.LogSignatures.Select(s => (s.Id, s.Text, s.Meaning)),
            b.Detection.LogSignatures.Select(s => (s.Id, s.Text, s.Meaning)));
        Assert.Equal(a.Detection.IntrospectionChecks, b.Detection.IntrospectionChecks);
        Assert.Equal(a.Glossary.Select(g => (g.Term, g.Definition, g.Link)), b.Glossary.Select(g => (g.Term, g.Definition, g.Link)));
        Assert.Equal(a.References.Select(r => (r.Type, r.Url, r.Description)), b.References.Select(r => (r.Type, r.Url, r.Description)));
        Assert.Equal(
            a.Corrections.Select(c => (c.Field, c.Claim, c.CorrectedStatement, string.Join(" ", c.Evidence))),
            b.Corrections.Select(c => (c.Field, c.Claim, c.CorrectedStatement, string.Join(" ", c.Evidence))));
        Assert.Equal(a.History.Select(h => (h.Revision, h.Date, h.Summary)), b.History.Select(h => (h.Revision, h.Date, h.Summary)));

        // Same data, same answers.
        foreach (var version in new[] { "v1.11.3", "v1.11.5", "v1.12.2-eksbuild.1", "v1.12.5", "v1.12.3" })
        {
            var x = a.Evaluate(version, "1.27");
            var y = b.Evaluate(version, "1.27");
            Assert.Equal((x.Status, x.AsPublished, x.Reason, x.Action?.Summary), (y.Status, y.AsPublished, y.Reason, y.Action?.Summary));
        }
    }

    [Fact]
    public void ToJson_of_a_round_tripped_advisory_is_identical()
    {
        Assert.Equal(Original.ToJson(), RoundTrip(Original).ToJson());
        Assert.Equal(Original.ToOsvJson(), RoundTrip(Original).ToOsvJson());
        Assert.Equal(Original.ToMarkdown(), RoundTrip(Original).ToMarkdown());
    }

    [Fact]
    public void Optional_fields_absent_in_the_data_stay_absent()
    {
        var node = JsonNode.Parse(Original.ToJson())!.AsObject();
        node["rootCause"]!.AsObject().Remove("introducedByCommit");
        node["glossary"]![0]!.AsObject().Remove("link");
        node["references"]![0]!.AsObject().Remove("description");
        node["published"] = "2023-11-21T00:00:00.25Z";
        node["history"]![0]!["date"] = "2023-11-21T00:00:00.25Z";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(node.ToJsonString()));
        var edited = Assert.Single(AdvisoryCatalog.Load(stream).Advisories);

        var again = JsonNode.Parse(edited.ToJson())!;
        Assert.Null(again["rootCause"]!["introducedByCommit"]);
        Assert.Null(again["glossary"]![0]!["link"]);
        Assert.Null(again["references"]![0]!["description"]);
        Assert.Equal("2023-11-21T00:00:00.25Z", again["published"]!.GetValue<string>());
        Assert.Equal(edited.Published, RoundTrip(edited).Published);
    }

    private static void AssertEvents(AffectedRange expected, AffectedRange actual) =>
        Assert.Equal(expected.Events.Select(e => (e.Kind, e.Version)), actual.Events.Select(e => (e.Kind, e.Version)));
}
