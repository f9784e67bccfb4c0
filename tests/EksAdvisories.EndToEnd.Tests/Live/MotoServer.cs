using System.Diagnostics;
using Amazon.EC2;
using Amazon.Runtime;
using EksAdvisories.EndToEnd.Tests.Infrastructure;

namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>
/// A real EC2 API emulator: <c>moto_server</c> (part of the machine image; <c>pip install "moto[server]"</c>) started on
/// 127.0.0.1 and a port free for this run, waited for within a bound, and stopped (the process tree) on dispose. A class
/// fixture: each test class seeds its own nodes into it. When moto_server is missing, every test using it fails saying so.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string Region = "us-west-2";
    public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private Process? process;

    public string Url { get; private set; } = string.Empty;

    /// <summary>The environment that points the AWS SDK and the AWS CLI at this server, with test credentials and no IMDS credential lookup.</summary>
    public IReadOnlyDictionary<string, string?> AwsEnvironment(string? endpoint = null) => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = endpoint ?? Url,
        ["AWS_ENDPOINT_URL_EC2"] = null,
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = Region,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        ["AWS_MAX_ATTEMPTS"] = "2",
        ["AWS_PAGER"] = string.Empty,
    };

    public AmazonEC2Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonEC2Config
    {
        ServiceURL = Url,
        AuthenticationRegion = Region,
        Timeout = TimeSpan.FromSeconds(20),
        MaxErrorRetry = 1,
    });

    public async ValueTask InitializeAsync()
    {
        var executable = Which("moto_server")
            ?? throw new InvalidOperationException("moto_server is not on PATH. The live-collection tests run against it; it is part of this machine image "
                + "(pip install \"moto[server]\", moto 5.2.1). Install it, or see .ci/run, which checks for it.");
        var port = LoopbackHttpServer.FreePort();
        Url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        // Drain its output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 240 && deadline.Elapsed < StartTimeout; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"moto_server exited with {process.ExitCode} before answering on {Url}");
            try
            {
                using var response = await http.GetAsync(Url + "/moto-api/", TestContext.Current.CancellationToken);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }

        throw new TimeoutException($"moto_server did not answer on {Url} within {StartTimeout.TotalSeconds:0} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not stopping: the test run ends it.
        }

        process.Dispose();
    }

    internal static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists);
}
