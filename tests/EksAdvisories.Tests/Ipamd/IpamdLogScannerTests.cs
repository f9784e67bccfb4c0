using System.Text;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Ipamd;

public class IpamdLogScannerTests
{
    private static IReadOnlyList<LogSignature> Signatures => AdvisoryCatalog.Default.Get("EKSA-2023-0001").Detection.LogSignatures;

    private static IReadOnlyList<LogSignatureMatch> Scan(string log) => IpamdLogScanner.Scan(new MemoryStream(Encoding.UTF8.GetBytes(log)), Signatures);

    [Fact]
    public void Zap_json_lines_are_matched_on_their_msg_and_plain_lines_as_text()
    {
        var log = string.Join("\n",
            """{"level":"debug","ts":"2023-02-10T09:40:05.912Z","caller":"ipamd/ipamd.go:900","msg":"AssignPrivateIpAddresses returned PrivateIpAddressLimitExceeded. This can happen if the data store is out of sync."}""",
            """{"level":"info","ts":"2023-02-10T09:40:06.001Z","caller":"ipamd/ipamd.go:650","msg":"IP pool stats: Total IPs/Prefixes = 14/0"}""",
            "2023-02-10T09:40:21.003Z [ERROR] DataStore has no available IP/Prefix addresses",
            """{"level":"debug","ts":"2023-02-10T09:40:10.912Z","msg":"AssignPrivateIpAddresses returned PrivateIpAddressLimitExceeded\u0021"}""");

        var matches = Scan(log);

        var refused = Assert.Single(matches, m => m.SignatureId == "limit-exceeded-swallowed");
        Assert.Equal(2, refused.Count);
        Assert.Equal(1, refused.FirstLine);
        Assert.Equal(4, refused.LastLine);
        Assert.StartsWith("AssignPrivateIpAddresses returned", refused.Example);
        Assert.Equal(3, Assert.Single(matches, m => m.SignatureId == "datastore-empty").FirstLine);
    }

    [Fact]
    public void A_signature_outside_the_msg_field_of_a_json_line_does_not_match()
    {
        Assert.Empty(Scan("""{"level":"info","msg":"ok","note":"DataStore has no available IP/Prefix addresses"}""" + "\r\n"));
    }

    [Fact]
    public void A_ten_megabyte_log_is_scanned_in_bounded_memory()
    {
        var line = Encoding.UTF8.GetBytes("""{"level":"debug","ts":"2023-02-10T09:40:05.912Z","caller":"ipamd/ipamd.go:650","msg":"IP pool stats: Total IPs/Prefixes = 14/0, AssignedIPs/CooldownIPs: 12/0"}""" + "\n");
        var hit = Encoding.UTF8.GetBytes("2023-02-10T09:40:21.003Z [ERROR] DataStore has no available IP/Prefix addresses\n");
        using var log = new MemoryStream();
        while (log.Length < 10 * 1024 * 1024) log.Write(line);
        log.Write(hit);
        log.Position = 0;
        Scan(string.Empty);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var matches = IpamdLogScanner.Scan(log, Signatures);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1, Assert.Single(matches).Count);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes to scan 10 MB");
    }

    [Fact]
    public void An_overlong_line_is_cut_rather_than_buffered_whole()
    {
        var log = new string('x', 200_000) + "\nDataStore has no available IP/Prefix addresses\n";
        Assert.Equal(2, Assert.Single(Scan(log)).FirstLine);
    }
}
