using System.Text;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Robustness;

/// <summary>The documented limits, for every snapshot file: 64 MiB per file, 64 levels of JSON nesting, and a log scanned in bounded memory.</summary>
public sealed class SnapshotLimitTests : IDisposable
{
    private const long Limit = 64L * 1024 * 1024;

    private readonly SampleSnapshotCopy _snapshot = new("stuck-affected");
    private readonly string _dir;

    public SnapshotLimitTests() => _dir = _snapshot.Directory;

    public void Dispose() => _snapshot.Dispose();

    [Theory]
    [InlineData("enis.json")]
    [InlineData("imds.json")]
    [InlineData("ec2-network-interfaces.json")]
    [InlineData("instance-type.json")]
    [InlineData("ipamd-env-settings.json")]
    [InlineData("aws-node-daemonset.json")]
    [InlineData("cni-version.txt")]
    [InlineData("ipamd.log")]
    public void Every_file_one_byte_over_64_MiB_is_refused_by_name_without_being_read(string file)
    {
        Sparse(file, Limit + 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(file, e.FileName);
        Assert.Contains($"{Limit + 1} bytes", e.Message);
        Assert.Contains("64 MiB", e.Message);
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated} bytes to refuse a 64 MiB + 1 file");
    }

    [Fact]
    public void An_ipamd_log_of_exactly_64_MiB_is_scanned()
    {
        Sparse("ipamd.log", Limit);
        var snapshot = NodeSnapshot.Load(_dir);
        Assert.True(snapshot.HasLog);
        Assert.Empty(IpamdReconcileChecker.Check(snapshot).LogMatches);
    }

    [Theory]
    [InlineData("enis.json")]
    [InlineData("imds.json")]
    [InlineData("ec2-network-interfaces.json")]
    [InlineData("instance-type.json")]
    [InlineData("ipamd-env-settings.json")]
    [InlineData("aws-node-daemonset.json")]
    public void Every_json_file_nested_65_levels_is_refused_and_64_levels_is_parsed(string file)
    {
        File.WriteAllText(Path.Combine(_dir, file), "{\"a\":" + new string('[', 64) + new string(']', 64) + "}");
        var deep = Assert.Throws<SnapshotException>(() => NodeSnapshot.Load(_dir));
        Assert.Equal(file, deep.FileName);
        Assert.Contains("nested deeper than 64 levels", deep.Message);

        // 64 levels parse; the document is then refused for its content (or read, where "a" is simply ignored), never for its depth.
        File.WriteAllText(Path.Combine(_dir, file), "{\"a\":" + new string('[', 63) + new string(']', 63) + "}");
        try
        {
            NodeSnapshot.Load(_dir);
        }
        catch (SnapshotException e)
        {
            Assert.Equal(file, e.FileName);
            Assert.DoesNotContain("nested", e.Message);
        }
    }

    [Fact]
    public void Ipamd_log_lines_nested_deeper_than_64_levels_are_searched_as_text()
    {
        var deep = new string('[', 200) + "DataStore has no available IP/Prefix addresses" + new string(']', 200);
        File.WriteAllText(Path.Combine(_dir, "ipamd.log"), "{\"msg\":" + deep + "}\n");
        var snapshot = NodeSnapshot.Load(_dir);
        Assert.Contains(IpamdReconcileChecker.Check(snapshot).LogMatches, m => m.Text == "DataStore has no available IP/Prefix addresses");
    }

    [Fact]
    public void A_ten_megabyte_ipamd_log_is_loaded_in_bounded_memory()
    {
        var line = Encoding.UTF8.GetBytes("""{"level":"debug","ts":"2023-02-10T09:40:05.912Z","caller":"ipamd/ipamd.go:650","msg":"IP pool stats: Total IPs/Prefixes = 14/0, AssignedIPs/CooldownIPs: 12/0, c.maxIPsPerENI = 9"}""" + "\n");
        var hit = Encoding.UTF8.GetBytes("""{"level":"error","ts":"2023-02-10T09:40:21.003Z","msg":"DataStore has no available IP/Prefix addresses"}""" + "\n");
        var path = Path.Combine(_dir, "ipamd.log");
        long size = 0;
        using (var log = File.Create(path))
        {
            while (size < 10_000_000)
            {
                log.Write(line);
                size += line.Length;
            }

            log.Write(hit);
        }

        // Warm up first: the first load also reads the embedded advisory (the log signatures) and fills caches.
        NodeSnapshot.Load(_dir);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var snapshot = NodeSnapshot.Load(_dir);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains(IpamdReconcileChecker.Check(snapshot).LogMatches, m => m.Text == "DataStore has no available IP/Prefix addresses" && m.Count == 1);
        // The JSON files are read whole (tens of KB), the log through fixed buffers: far below the log's 10 MB.
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes to load a snapshot with a {size}-byte ipamd.log");
    }

    /// <summary>A file of the given length without writing its bytes (sparse where the file system supports it).</summary>
    private void Sparse(string file, long length)
    {
        using var stream = File.Create(Path.Combine(_dir, file));
        stream.SetLength(length);
    }
}
