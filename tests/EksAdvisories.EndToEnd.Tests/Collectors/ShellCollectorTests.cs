using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Collectors;

/// <summary>samples/collect-node-snapshot.sh, run with bash and curl.</summary>
public class ShellCollectorTests : CollectorTests
{
    private protected override Task<ProcessResult> CollectAsync(string output, string imdsUrl, string ipamdUrl, FakeAwsTools tools, string ipamdLog) =>
        Collector.RunShellAsync(output, imdsUrl, ipamdUrl, tools, ipamdLog);
}
