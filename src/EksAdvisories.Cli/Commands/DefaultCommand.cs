using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary>What runs with no arguments: the advisory summary, then the checker on the bundled example snapshots.</summary>
internal static class DefaultCommand
{
    public static int Run()
    {
        var catalog = AdvisoryCatalog.Default;
        foreach (var advisory in catalog.Advisories) Console.Out.WriteLine(VerdictWriter.Summary(advisory, catalog.DataVersion));

        var examples = Path.Combine(AppContext.BaseDirectory, "snapshots");
        if (Directory.Exists(examples))
        {
            Console.Out.WriteLine("The reference checker on the bundled example snapshots:");
            foreach (var folder in Directory.GetDirectories(examples).Order(StringComparer.Ordinal))
            {
                try
                {
                    var report = IpamdReconcileChecker.Check(NodeSnapshot.Load(folder));
                    Console.Out.WriteLine($"  {Path.GetFileName(folder),-20} {report.Verdict,-8} {report.Summary}");
                }
                catch (SnapshotException e)
                {
                    Console.Out.WriteLine($"  {Path.GetFileName(folder),-20} error: {e.Message}");
                }
            }

            Console.Out.WriteLine();
        }

        Console.Out.WriteLine("Next: eks-advisories check-version v1.12.2-eksbuild.1 --k8s 1.27");
        Console.Out.WriteLine("      eks-advisories check-node <snapshot folder>   (collect one with samples/collect-node-snapshot.sh)");
        return ExitCodes.Fine;
    }
}
