using System.Reflection;
using EksAdvisories.Ipamd;

namespace EksAdvisories.Tests.Robustness;

/// <summary>
/// Concurrency from a cold start and under load: eight threads released together at the first access of
/// <c>AdvisoryCatalog.Default</c> (in a fresh copy of the library), and eight threads hammering the catalog, Evaluate and
/// the checker, all get exactly the answers one thread gets.
/// </summary>
public class FirstAccessConcurrencyTests
{
    private const int Threads = 8;

    private static readonly string[] Versions =
        ["v1.12.2-eksbuild.1", "v1.11.3", "v1.12.6-eksbuild.2", "latest", "v1.12", "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.1-eksbuild.2"];

    private static readonly string[] SnapshotFolders =
        Directory.GetDirectories(RepositoryPaths.Combine("samples", "snapshots")).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Eight_threads_racing_the_first_access_of_Default_share_one_catalog_and_agree()
    {
        var expectedVerdicts = Versions.Select(v => AdvisoryCatalog.Default.Get("EKSA-2023-0001").Evaluate(v).Reason).ToArray();
        var expectedReports = SnapshotFolders.Select(f => IpamdReconcileChecker.Check(NodeSnapshot.Load(f)).ToJson()).ToArray();

        // Several fresh copies, each raced once, for several chances to hit the interleavings.
        for (var round = 0; round < 10; round++)
        {
            var context = new FreshLibraryContext();
            try
            {
                var catalogType = context.Type("EksAdvisories.AdvisoryCatalog");
                var defaultProperty = catalogType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!;
                var load = context.Type("EksAdvisories.Ipamd.NodeSnapshot").GetMethod("Load", [typeof(string)])!;
                var check = context.Type("EksAdvisories.Ipamd.IpamdReconcileChecker").GetMethod("Check", [load.ReturnType])!;
                var toJson = check.ReturnType.GetMethod("ToJson", Type.EmptyTypes)!;

                var catalogs = new object?[Threads];
                var verdicts = new string?[Threads][];
                var reports = new string?[Threads];
                using var barrier = new Barrier(Threads);
                var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
                var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
                {
                    try
                    {
                        barrier.SignalAndWait();
                        // Half the threads start with Default itself, half with the checker, which reaches Default on its own.
                        if (t % 2 == 1) reports[t] = (string)toJson.Invoke(check.Invoke(null, [load.Invoke(null, [SnapshotFolders[t % SnapshotFolders.Length]])]), null)!;
                        var catalog = defaultProperty.GetValue(null)!;
                        catalogs[t] = catalog;
                        var advisory = catalogType.GetMethod("Get")!.Invoke(catalog, ["EKSA-2023-0001"])!;
                        var evaluate = advisory.GetType().GetMethod("Evaluate", [typeof(string)])!;
                        verdicts[t] = Versions.Select(v => (string)Reason(evaluate.Invoke(advisory, [v])!)).ToArray();
                        if (t % 2 == 0) reports[t] = (string)toJson.Invoke(check.Invoke(null, [load.Invoke(null, [SnapshotFolders[t % SnapshotFolders.Length]])]), null)!;
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());

                Assert.Empty(failures);
                Assert.All(catalogs, c => Assert.Same(catalogs[0], c));
                Assert.NotSame(AdvisoryCatalog.Default, catalogs[0]);
                Assert.All(verdicts, v => Assert.Equal(expectedVerdicts, v));
                for (var t = 0; t < Threads; t++) Assert.Equal(expectedReports[t % SnapshotFolders.Length], reports[t]);
            }
            finally
            {
                context.Unload();
            }
        }
    }

    [Fact]
    public void Eight_threads_hammering_Default_Evaluate_and_Check_get_the_answers_of_one_thread()
    {
        var snapshots = SnapshotFolders.Select(NodeSnapshot.Load).ToArray();
        var expectedReports = snapshots.Select(s => IpamdReconcileChecker.Check(s).ToJson()).ToArray();
        var expectedVerdicts = Versions.Select(v => Describe(AdvisoryCatalog.Default.Evaluate("vpc-cni", v))).ToArray();

        var mismatches = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var barrier = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            barrier.SignalAndWait();
            for (var round = 0; round < 60; round++)
            {
                var i = (round + t) % snapshots.Length;
                // Reading the snapshot again in some rounds: loading is part of what callers run in parallel.
                var snapshot = round % 4 == 0 ? NodeSnapshot.Load(SnapshotFolders[i]) : snapshots[i];
                var report = IpamdReconcileChecker.Check(snapshot).ToJson();
                if (report != expectedReports[i]) mismatches.Enqueue($"thread {t} round {round}: report of {SnapshotFolders[i]}");

                var v = (round * 7 + t) % Versions.Length;
                // A fresh copy of the string in some rounds, so both the cache hit and the evaluation race.
                var text = round % 3 == 0 ? new string(Versions[v].AsSpan()) : Versions[v];
                if (Describe(AdvisoryCatalog.Default.Evaluate("aws-node", text)) != expectedVerdicts[v]) mismatches.Enqueue($"thread {t} round {round}: verdict of {text}");
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(mismatches);
    }

    private static string Describe(IReadOnlyList<AdvisoryVerdict> verdicts) =>
        string.Join("\n", verdicts.Select(v => $"{v.AdvisoryId}|{v.Status}|{v.AsPublished}|{v.Version}|{v.Reason}|{v.Action?.Summary}"));

    private static object Reason(object verdict) => verdict.GetType().GetProperty("Reason")!.GetValue(verdict)!;
}
