using System.CommandLine;
using EksAdvisories.Collection;

namespace EksAdvisories.Cli;

/// <summary>
/// The options shared by <c>collect</c> and <c>check-node --live</c>: where the node's sources are, when they are not
/// where an EKS node has them. EC2 credentials and endpoints come from the AWS SDK's standard settings, Kubernetes from
/// the in-cluster service account or KUBECONFIG, so neither has an option here.
/// </summary>
internal sealed class LiveOptions
{
    private readonly Option<string?> imdsUrl = new("--imds-url") { Description = "IMDS base URL (default http://169.254.169.254)." };
    private readonly Option<string?> ipamdUrl = new("--ipamd-url") { Description = "IPAMD introspection base URL (default http://127.0.0.1:61679)." };
    private readonly Option<string?> log = new("--log") { Description = "The ipamd log file (default /var/log/aws-routed-eni/ipamd.log)." };
    private readonly Option<int?> logLines = new("--log-lines") { Description = "How many lines of the end of the ipamd log to keep (default 20000)." };
    private readonly Option<bool> noKubernetes = new("--no-kubernetes") { Description = "Do not read the aws-node DaemonSet and the Kubernetes version from the Kubernetes API." };

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [imdsUrl, ipamdUrl, log, logLines, noKubernetes];

    /// <summary>True when any of these options was given (they mean nothing to a folder check).</summary>
    public bool AnyGiven(ParseResult result) => All.Any(o => result.GetResult(o) is { Implicit: false });

    /// <summary>The collection options the command line asks for; a bad value is an <see cref="InputException"/> naming the option.</summary>
    public NodeCollectionOptions Read(ParseResult result, string? cniVersion)
    {
        var options = NodeCollectionOptions.Default with
        {
            ImdsUrl = Url(result.GetValue(imdsUrl), "--imds-url") ?? NodeCollectionOptions.Default.ImdsUrl,
            IpamdUrl = Url(result.GetValue(ipamdUrl), "--ipamd-url") ?? NodeCollectionOptions.Default.IpamdUrl,
            IpamdLogPath = result.GetValue(log) ?? NodeCollectionOptions.Default.IpamdLogPath,
            LogLines = result.GetValue(logLines) ?? NodeCollectionOptions.Default.LogLines,
            CniVersion = cniVersion,
            ReadKubernetes = !result.GetValue(noKubernetes),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message.Split(" (Parameter", 2)[0]);
        }

        return options;
    }

    /// <summary>Collects the node, writing each problem to standard error as one line.</summary>
    public static CollectedSnapshot Collect(NodeCollectionOptions options)
    {
        var collected = NodeCollector.CollectAsync(options).GetAwaiter().GetResult();
        foreach (var problem in collected.Problems) ErrorOutput.WriteLine(problem.Message);
        return collected;
    }

    private static Uri? Url(string? text, string option)
    {
        if (text is null) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InputException($"{option}: '{text}' is not an absolute http or https URL.");
    }
}
