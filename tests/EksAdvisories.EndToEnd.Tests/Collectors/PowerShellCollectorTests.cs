using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>samples/collect-node-snapshot.ps1, run with the repository's <c>dotnet pwsh</c>.</summary>
public class PowerShellCollectorTests : CollectorTests
{
    private protected override Task<ProcessResult> CollectAsync(string output, string imdsUrl, string ipamdUrl, FakeAwsTools tools, string ipamdLog) =>
        Collector.RunPowerShellAsync(output, imdsUrl, ipamdUrl, tools, ipamdLog);
}
