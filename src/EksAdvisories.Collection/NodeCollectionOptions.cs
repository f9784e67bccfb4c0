namespace EksAdvisories.Collection;

/// <summary>
/// Where <see cref="NodeCollector"/> reads a node from, and how long it waits for each source. The defaults are the
/// real places on an EKS node; every endpoint can be pointed elsewhere (a debug pod, a test). This type is immutable.
/// </summary>
public sealed record NodeCollectionOptions
{
    /// <summary>The defaults: IMDS at its link-local address, IPAMD's introspection endpoint on loopback, the ipamd log where aws-node writes it.</summary>
    public static NodeCollectionOptions Default { get; } = new();

    /// <summary>The IMDS base URL (without <c>/latest</c>); default <c>http://169.254.169.254</c>.</summary>
    public Uri ImdsUrl { get; init; } = new("http://169.254.169.254");

    /// <summary>The IPAMD introspection base URL; default <c>http://127.0.0.1:61679</c>.</summary>
    public Uri IpamdUrl { get; init; } = new("http://127.0.0.1:61679");

    /// <summary>The ipamd log file; default <c>/var/log/aws-routed-eni/ipamd.log</c>.</summary>
    public string IpamdLogPath { get; init; } = "/var/log/aws-routed-eni/ipamd.log";

    /// <summary>How many lines of the end of the ipamd log are kept; default 20,000 (the collectors' default).</summary>
    public int LogLines { get; init; } = 20_000;

    /// <summary>A VPC CNI version to record as <c>cni-version.txt</c> (it wins over the DaemonSet's image), or null.</summary>
    public string? CniVersion { get; init; }

    /// <summary>Whether the aws-node DaemonSet and the Kubernetes version are read from the Kubernetes API; default true.</summary>
    public bool ReadKubernetes { get; init; } = true;

    /// <summary>The time allowed for each IMDS request; default 2 s (IMDS answers in milliseconds on a node).</summary>
    public TimeSpan ImdsTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The time allowed for all IMDS requests together (a node with 15 ENIs makes 81); default 15 s.</summary>
    public TimeSpan ImdsBudget { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The time allowed for each introspection request; default 5 s.</summary>
    public TimeSpan IpamdTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The time allowed for each EC2 attempt; the SDK retries up to <see cref="Ec2MaxRetries"/> times in its standard
    /// retry mode. Default 10 s.
    /// </summary>
    public TimeSpan Ec2Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The number of SDK retries for an EC2 call (throttling, 5xx, network errors); default 2.</summary>
    public int Ec2MaxRetries { get; init; } = 2;

    /// <summary>The time allowed for each Kubernetes API request; default 5 s.</summary>
    public TimeSpan KubernetesTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The time allowed for reading the ipamd log; default 20 s.</summary>
    public TimeSpan LogTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest a whole collection can take with these options: the IMDS reads (within <see cref="ImdsBudget"/>), then
    /// the slowest of the parts read side by side (with the defaults: 15 s + 60 s for EC2's two calls with retries). A caller that runs the collection under a deadline (node-problem-detector's plugin timeout) needs
    /// at least this much.
    /// </summary>
    public TimeSpan MaximumDuration
    {
        get
        {
            var ec2 = TimeSpan.FromTicks(Ec2Timeout.Ticks * (Ec2MaxRetries + 1) * Ec2Collector.CallsPerCollection);
            var kubernetes = TimeSpan.FromTicks(KubernetesTimeout.Ticks * KubernetesCollector.RequestsPerCollection);
            var ipamd = TimeSpan.FromTicks(IpamdTimeout.Ticks * IntrospectionCollector.RequestsPerCollection);
            var slowest = new[] { ec2, kubernetes, ipamd, LogTimeout }.Max();
            var imds = TimeSpan.FromTicks(Math.Min(ImdsBudget.Ticks, ImdsTimeout.Ticks * ImdsCollector.MaximumRequests));
            return imds + slowest;
        }
    }

    /// <summary>Checks that the options can be used; every problem names the option.</summary>
    /// <exception cref="ArgumentException">A URL is not an absolute http(s) URL, a count or time is not positive.</exception>
    public void Validate()
    {
        CheckUrl(ImdsUrl, nameof(ImdsUrl));
        CheckUrl(IpamdUrl, nameof(IpamdUrl));
        if (string.IsNullOrWhiteSpace(IpamdLogPath)) throw new ArgumentException("IpamdLogPath: expected a file path.", nameof(IpamdLogPath));
        if (LogLines is < 1 or > 10_000_000) throw new ArgumentException($"LogLines: {LogLines} is out of range; expected 1 to 10,000,000.", nameof(LogLines));
        if (Ec2MaxRetries is < 0 or > 10) throw new ArgumentException($"Ec2MaxRetries: {Ec2MaxRetries} is out of range; expected 0 to 10.", nameof(Ec2MaxRetries));
        foreach (var (value, name) in new[] { (ImdsTimeout, nameof(ImdsTimeout)), (ImdsBudget, nameof(ImdsBudget)), (IpamdTimeout, nameof(IpamdTimeout)), (Ec2Timeout, nameof(Ec2Timeout)), (KubernetesTimeout, nameof(KubernetesTimeout)), (LogTimeout, nameof(LogTimeout)) })
        {
            if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(10)) throw new ArgumentException($"{name}: {value} is out of range; expected more than 0 and at most 10 minutes.", name);
        }
    }

    private static void CheckUrl(Uri? url, string name)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{name}: '{url}' is not an absolute http or https URL.", name);
        }
    }
}
