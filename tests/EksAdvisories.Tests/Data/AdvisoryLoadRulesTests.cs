using System.Text;
using System.Text.Json.Nodes;
using EksAdvisories.Data;

namespace EksAdvisories.Tests.Data;

/// <summary>What Load accepts and refuses beyond one field at a time: encodings, unusable streams, optional parts.</summary>
public class AdvisoryLoadRulesTests
{
    private static string Original => File.ReadAllText(Path.Combine(RepositoryPaths.Advisories, "EKSA-2023-0001.json"));

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_as_set_content_utf8bom_writes_it()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Original)).ToArray();
        var catalog = AdvisoryCatalog.Load(new MemoryStream(bytes), "bom.json");
        Assert.Equal("EKSA-2023-0001", catalog.Advisories[0].Id);
    }

    [Fact]
    public void A_disposed_stream_is_an_advisory_data_exception_naming_the_source()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Original));
        stream.Dispose();
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(stream, "closed.json"));
        Assert.Equal("closed.json", e.DataSource);
    }

    [Fact]
    public void A_stream_that_cannot_read_is_an_advisory_data_exception()
    {
        var e = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new WriteOnlyStream(), "write-only"));
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
        var failing = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new ThrowingStream(new NotSupportedException("no reads")), "odd"));
        Assert.IsType<NotSupportedException>(failing.InnerException);
        var disposedMidway = Assert.Throws<AdvisoryDataException>(() => AdvisoryCatalog.Load(new ThrowingStream(new ObjectDisposedException("pipe")), "pipe"));
        Assert.IsType<ObjectDisposedException>(disposedMidway.InnerException);
    }

    [Fact]
    public void An_advisory_without_published_text_or_corrections_loads_evaluates_and_exports()
    {
        var node = JsonNode.Parse(Original)!.AsObject();
        node.Remove("asPublished");
        node.Remove("corrections");
        var json = node.ToJsonString();
        Assert.Empty(AdvisorySchema.Errors(json));

        var advisory = AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "unpublished.json").Advisories[0];
        Assert.Null(advisory.AsPublished);
        Assert.Empty(advisory.Corrections);

        var affected = advisory.Evaluate("v1.12.2-eksbuild.1");
        Assert.Equal(AffectedStatus.Affected, affected.Status);
        Assert.Equal(AffectedStatus.Unknown, affected.AsPublished);
        Assert.False(affected.DiffersFromPublished);
        Assert.Equal(AffectedStatus.Unknown, advisory.Evaluate("v1.12.3").Status);
        Assert.DoesNotContain("published", advisory.Evaluate("v1.12.3").Reason, StringComparison.Ordinal);

        Assert.DoesNotContain("as_published", advisory.ToOsvJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("## Corrections", advisory.ToMarkdown(), StringComparison.Ordinal);
        var written = advisory.ToJson();
        Assert.DoesNotContain("asPublished", written, StringComparison.Ordinal);
        Assert.DoesNotContain("corrections", written, StringComparison.Ordinal);
        Assert.Empty(AdvisorySchema.Errors(written));
        Assert.Null(AdvisoryCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(written))).Advisories[0].AsPublished);
    }

    [Fact]
    public void The_semantic_validator_finds_nothing_wrong_with_the_embedded_data()
    {
        foreach (var advisory in AdvisoryCatalog.Default.Advisories)
        {
            Assert.Empty(AdvisoryValidator.Validate(advisory, "$"));
        }
    }

    [Fact]
    public void The_validator_reports_every_broken_rule_not_only_the_first()
    {
        var node = JsonNode.Parse(Original)!.AsObject();
        node["mitigation"]!["targetVersion"] = "1.11.5";
        node["remediation"]!["fixedIn"] = "1.12.0";
        var data = new DataPath("two-problems.json");
        var advisory = AdvisoryMapper.ToAdvisory(System.Text.Json.JsonSerializer.Deserialize(node.ToJsonString(), AdvisoryJsonContext.Default.AdvisoryDocument)!, "$", data, new Dictionary<string, ComponentData>());
        var problems = AdvisoryValidator.Validate(advisory, "$");
        Assert.Contains(problems, p => p.Path == "$.mitigation.targetVersion");
        Assert.Contains(problems, p => p.Path == "$.remediation.fixedIn");
    }

    private sealed class WriteOnlyStream : MemoryStream
    {
        public override bool CanRead => false;
    }

    private sealed class ThrowingStream(Exception exception) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw exception;
        public override long Position { get => 0; set => throw exception; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw exception;
        public override long Seek(long offset, SeekOrigin origin) => throw exception;
        public override void SetLength(long value) => throw exception;
        public override void Write(byte[] buffer, int offset, int count) => throw exception;
    }
}
