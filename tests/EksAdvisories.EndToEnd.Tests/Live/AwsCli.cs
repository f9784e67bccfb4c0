using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>The real AWS CLI (part of the machine image), run against a scenario's moto.</summary>
internal static class AwsCli
{
    public static string Path => MotoServer.Which("aws")
        ?? throw new InvalidOperationException("the AWS CLI (aws) is not on PATH; it is part of this machine image (pip install awscli).");

    public static string Kubectl => MotoServer.Which("kubectl")
        ?? throw new InvalidOperationException("kubectl is not on PATH; it is part of this machine image.");

    public static async Task<string> RunAsync(LiveScenario live, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(Path, arguments, System.IO.Path.GetTempPath(), TimeSpan.FromSeconds(60), live.Environment);
        Assert.True(run.ExitCode == 0, run.Describe());
        return run.StandardOutput;
    }
}
