using System.Text.Json;
using System.Text.Json.Nodes;
using EksAdvisories.EndToEnd.Tests.Infrastructure;
using EksAdvisories.Ipamd;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>Checks that a folder a collector wrote is the snapshot it was collected from, as the checker sees it.</summary>
internal static class CollectedSnapshot
{
    /// <summary>The files the collectors write; cni-version.txt is a person's override and never collected.</summary>
    private static readonly string[] CollectedFiles =
        ["enis.json", "imds.json", "ec2-network-interfaces.json", "instance-type.json", "ipamd-env-settings.json", "aws-node-daemonset.json", "ipamd.log"];

    public static void AssertSameAs(string original, string collected, ProcessResult run, FakeNodeServer server)
    {
        var context = run.Describe() + "\n--- requests ---\n" + server.Log();
        var written = Directory.GetFiles(collected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var expected = CollectedFiles.Where(f => File.Exists(Path.Combine(original, f))).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(written), $"files: expected {string.Join(", ", expected)}, written {string.Join(", ", written)}\n{context}");

        AssertSameImds(original, collected, run, server);

        foreach (var json in expected.Where(f => f.EndsWith(".json", StringComparison.Ordinal) && f != "imds.json"))
        {
            var same = JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(Path.Combine(original, json))), JsonNode.Parse(File.ReadAllText(Path.Combine(collected, json))));
            Assert.True(same, $"{json} differs from the original\n{context}");
        }

        if (expected.Contains("ipamd.log"))
        {
            Assert.Equal(File.ReadAllLines(Path.Combine(original, "ipamd.log")), File.ReadAllLines(Path.Combine(collected, "ipamd.log")));
        }

        var before = IpamdReconcileChecker.Check(NodeSnapshot.Load(original));
        var after = IpamdReconcileChecker.Check(NodeSnapshot.Load(collected));
        Assert.True(before.Verdict == after.Verdict, $"verdict {after.Verdict}, the original's is {before.Verdict}\n{context}");
        Assert.Equal(before.Findings.Select(f => f.Code + " " + f.Message), after.Findings.Select(f => f.Code + " " + f.Message));
    }

    /// <summary>imds.json holds the same keys with the same text, whatever JSON escaping each collector chose.</summary>
    public static void AssertSameImds(string original, string collected, ProcessResult run, FakeNodeServer server)
    {
        var context = run.Describe() + "\n--- requests ---\n" + server.Log();
        Dictionary<string, string> collectedImds;
        try
        {
            collectedImds = ReadImds(Path.Combine(collected, "imds.json"));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new Xunit.Sdk.XunitException($"imds.json is not a JSON object of strings: {e.Message}\n{File.ReadAllText(Path.Combine(collected, "imds.json"))}\n{context}");
        }

        var originalImds = ReadImds(Path.Combine(original, "imds.json"));
        foreach (var (key, value) in originalImds)
        {
            Assert.True(collectedImds.TryGetValue(key, out var got), $"imds.json lacks '{key}'\n{context}");
            Assert.True(value == got, $"imds.json '{key}': expected {JsonSerializer.Serialize(value)}, got {JsonSerializer.Serialize(got)}\n{context}");
        }

        Assert.True(originalImds.Count == collectedImds.Count, $"imds.json has extra keys: {string.Join(", ", collectedImds.Keys.Except(originalImds.Keys))}\n{context}");
    }

    private static Dictionary<string, string> ReadImds(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
}
