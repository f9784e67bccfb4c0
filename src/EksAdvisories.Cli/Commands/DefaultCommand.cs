using EksAdvisories.Ipamd;

namespace EksAdvisories.Cli;

/// <summary>What runs with no arguments: the advisory summary, then the checker on the bundled example snapshots.</summary>
internal static class DefaultCommand
{
    public static int Run()
    {
        var output = new StringWriter();
        var catalog = AdvisoryCatalog.Default;
        foreach (var advisory in catalog.Advisories) output.WriteLine(VerdictWriter.Summary(advisory, catalog.DataVersion));

        var examples = Path.Combine(AppContext.BaseDirectory, "snapshots");
        if (Directory.Exists(examples))
        {
            output.WriteLine("The reference checker on the bundled example snapshots:");
            foreach (var folder in Directory.GetDirectories(examples).Order(StringComparer.Ordinal))
            {
                try
                {
                    var report = IpamdReconcileChecker.Check(NodeSnapshot.Load(folder));
                    output.WriteLine($"  {Path.GetFileName(folder),-20} {report.Verdict,-8} {report.Summary}");
                }
                catch (SnapshotException e)
                {
                    output.WriteLine($"  {Path.GetFileName(folder),-20} error: {e.Message}");
                }
            }

            output.WriteLine();
        }

        output.WriteLine("Next: eks-advisories check-version v1.12.2-eksbuild.1 --k8s 1.27");
        output.WriteLine("      eks-advisories check-node <snapshot folder>   (collect one with samples/collect-node-snapshot.sh)");
        StandardOutput.Write(output.ToString());
        return ExitCodes.Fine;
    }
}
