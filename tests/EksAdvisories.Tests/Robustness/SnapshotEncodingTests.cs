using System.Text;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Robustness;

/// <summary>Text that is not valid UTF-8 or Unicode, found by the snapshot fuzz test: refused by file and path, or read as text, never a crash.</summary>
public sealed class SnapshotEncodingTests : IDisposable
{
    private readonly SampleSnapshotCopy _snapshot = new("stuck-affected");
    private readonly string _dir;

    public SnapshotEncodingTests() => _dir = _snapshot.Directory;

    public void Dispose() => _snapshot.Dispose();

    [Fact]
    public void Invalid_utf8_inside_a_json_string_is_refused_naming_the_file_line_and_byte()
    {
        var path = Path.Combine(_dir, "imds.json");
        var text = File.ReadAllBytes(path);
        var at = Encoding.UTF8.GetString(text).IndexOf("m5.large", StringComparison.Ordinal);
        text[at] = 0xFF;
        File.WriteAllBytes(path, text);

        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal("imds.json", e.FileName);
        Assert.Contains("not valid UTF-8", e.Message);
        Assert.Contains($"byte {at + 1}", e.Message);
        Assert.Contains("0xFF", e.Message);
    }

    [Fact]
    public void An_escaped_lone_surrogate_is_refused_naming_the_json_path()
    {
        File.WriteAllText(Path.Combine(_dir, "ipamd-env-settings.json"), """{"WARM_IP_TARGET":"\ud800"}""");
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal("ipamd-env-settings.json", e.FileName);
        Assert.Equal("$.WARM_IP_TARGET", e.JsonPath);
        Assert.Contains("not valid Unicode", e.Message);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_a_property_name_is_refused_naming_the_object()
    {
        File.WriteAllText(Path.Combine(_dir, "enis.json"), """{"TotalIPs":0,"AssignedIPs":0,"ENIs":{"eni-\udc00":{}}}""");
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal("enis.json", e.FileName);
        Assert.Equal("$.ENIs", e.JsonPath);
    }

    [Fact]
    public void A_utf8_byte_order_mark_before_the_json_is_accepted()
    {
        var reference = IpamdReconcileChecker.Check(NodeSnapshot.Load(_dir)).ToJson();
        foreach (var file in Directory.GetFiles(_dir, "*.json"))
        {
            File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(file)]);
        }

        Assert.Equal(reference.Replace(_dir, "x", StringComparison.Ordinal), IpamdReconcileChecker.Check(NodeSnapshot.Load(_dir)).ToJson().Replace(_dir, "x", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ipamd_log_line_with_invalid_utf8_in_its_msg_is_searched_as_text()
    {
        var line = Encoding.UTF8.GetBytes("""{"level":"error","msg":"DataStore has no available IP/Prefix addresses X"}""" + "\n");
        line[^4] = 0xC3; // "X" becomes half of a two-byte sequence
        File.WriteAllBytes(Path.Combine(_dir, "ipamd.log"), line);

        var snapshot = NodeSnapshot.Load(_dir);
        Assert.Contains(IpamdReconcileChecker.Check(snapshot).LogMatches, m => m.Text == "DataStore has no available IP/Prefix addresses");
    }
}
