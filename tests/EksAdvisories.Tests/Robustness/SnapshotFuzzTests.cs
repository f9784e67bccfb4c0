using CsCheck;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Robustness;

/// <summary>
/// Damaged snapshot files: the example snapshots with one file mutated (byte flips, truncation, JSON tokens deleted or
/// duplicated, values swapped for other types, deep nesting, huge numbers, invalid UTF-8, the file removed). Reading one
/// either gives a snapshot that the checker turns into a report, or throws a <see cref="SnapshotException"/> that names
/// the damaged file; nothing else escapes.
/// </summary>
public class SnapshotFuzzTests
{
    private static readonly string[] Required = ["enis.json", "imds.json", "ec2-network-interfaces.json"];

    /// <summary>
    /// Damage to the first file that is reported against the second: instance-type.json must describe the instance type
    /// IMDS names, so a changed instance type in imds.json makes instance-type.json the file that does not fit.
    /// </summary>
    private static readonly (string Damaged, string? Named)[] CrossChecks = [("imds.json", "instance-type.json")];

    /// <summary>Each example folder's files, by name, read once.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, byte[]>> Examples =
        Directory.GetDirectories(RepositoryPaths.Combine("samples", "snapshots")).Order(StringComparer.Ordinal).ToDictionary(
            d => Path.GetFileName(d),
            d => (IReadOnlyDictionary<string, byte[]>)Directory.GetFiles(d).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes));

    private static readonly Gen<SnapshotMutation> Mutations =
        Gen.Select(Gen.Int[0, Examples.Count - 1], Gen.Int[0, 15], Gen.Enum<SnapshotMutationKind>(), Gen.Int[0, int.MaxValue], Gen.Int[0, 1_000])
            .Select((folder, file, kind, position, choice) =>
            {
                var name = Examples.Keys.ElementAt(folder);
                var files = Examples[name].Keys.Order(StringComparer.Ordinal).ToArray();
                return new SnapshotMutation(name, files[file % files.Length], kind, position, choice);
            });

    [Fact]
    public void Damaged_snapshots_give_a_report_or_a_snapshot_exception_naming_the_file()
    {
        var reports = 0;
        var refused = 0;
        Mutations.Sample(mutation =>
        {
            var files = new Dictionary<string, byte[]>(Examples[mutation.Folder]);
            var damaged = mutation.Apply(files[mutation.File]);
            if (damaged is null) files.Remove(mutation.File);
            else files[mutation.File] = damaged;

            // Most cases go through FromStreams (no disk); every sixteenth, and every removed required file, through Load.
            var viaFolder = mutation.Position % 16 == 0 || (damaged is null && Required.Contains(mutation.File));
            NodeSnapshot snapshot;
            try
            {
                snapshot = viaFolder ? LoadFromFolder(files) : FromStreams(files);
            }
            catch (SnapshotException e)
            {
                Assert.True(
                    e.FileName == mutation.File || CrossChecks.Contains((mutation.File, e.FileName)),
                    $"{mutation}: the exception names {e.FileName}: {e.Message}");
                Assert.StartsWith(e.FileName!, e.Message, StringComparison.Ordinal);
                Interlocked.Increment(ref refused);
                return;
            }

            var report = IpamdReconcileChecker.Check(snapshot);
            Assert.False(string.IsNullOrWhiteSpace(report.Summary));
            Assert.NotEmpty(report.ToJson());
            Assert.NotEmpty(report.ToText());
            Interlocked.Increment(ref reports);
        }, iter: 10_000, print: m => m.ToString());

        // Both outcomes must be common, or the mutations are too weak (or too strong) to test anything.
        Assert.True(reports > 1_000 && refused > 1_000, $"{reports} reports, {refused} refused");
    }

    private static NodeSnapshot FromStreams(Dictionary<string, byte[]> files)
    {
        MemoryStream? Open(string name) => files.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null;
        return NodeSnapshot.FromStreams(
            Open("enis.json")!, Open("imds.json")!, Open("ec2-network-interfaces.json")!, Open("instance-type.json"),
            Open("ipamd-env-settings.json"), Open("aws-node-daemonset.json"), Open("cni-version.txt"), Open("ipamd.log"));
    }

    private static NodeSnapshot LoadFromFolder(Dictionary<string, byte[]> files)
    {
        var directory = Path.Combine(Path.GetTempPath(), "eksadvisories-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(directory, name), bytes);
            return NodeSnapshot.Load(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
