namespace EksAdvisories.Cli;

/// <summary>What runs with no arguments: the advisory summary, then the checker on the bundled example snapshots.</summary>
internal static class DefaultCommand
{
    public static int Run()
    {
        var catalog = AdvisoryCatalog.Default;
        foreach (var advisory in catalog.Advisories) Console.Out.WriteLine(VerdictWriter.Summary(advisory, catalog.DataVersion));
        Console.Out.WriteLine("Try: eks-advisories check-version v1.12.2-eksbuild.1 --k8s 1.27");
        return ExitCodes.Fine;
    }
}
