#!/usr/bin/env dotnet-script
// Is this Amazon VPC CNI (vpc-cni add-on / aws-node) version hit by a known EKS advisory? (dotnet-script)
//
//   dotnet script check-vpc-cni.csx -- v1.12.2-eksbuild.1 v1.12.5 --k8s 1.27
//   kubectl get ds aws-node -n kube-system -o jsonpath='{.spec.template.spec.containers[0].image}' | dotnet script check-vpc-cni.csx
//
// Versions come from the arguments, or, when no version is given, one per line from standard input (blank lines and
// lines starting with '#' are skipped). Every form the library reads is accepted: v1.12.2, 1.12.2, v1.12.2-eksbuild.1,
// an image reference such as 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1.
// --k8s <version> (or --k8s=<version>) gives the cluster's Kubernetes version, so that the roll-back mitigation is only
// offered where it is safe (not on Kubernetes 1.26 and later).
//
// Output: one line per version and advisory: the input, the status, the status under the range as originally
// published, the reason, and for affected versions the action.
//
// Exit code: the script's `return` value, which dotnet-script passes on as the process exit code:
//   0  no version is affected
//   1  at least one version is affected
//   2  none is affected, but at least one version could not be judged (unreadable or ambiguous), or the arguments are wrong
// dotnet-script also exits 1 when the script fails to compile or throws. Environment.Exit is not used, so that a host
// running the script in its own process (a test, a REPL) is not shut down with it.
#r "nuget: EksAdvisories, 1.0.0"
#nullable enable

using EksAdvisories;

var versions = new List<string>();
string? kubernetes = null;
for (var i = 0; i < Args.Count; i++)
{
    var arg = Args[i];
    if (arg == "--k8s" || arg == "--kubernetes")
    {
        if (i + 1 == Args.Count)
        {
            Console.Error.WriteLine($"{arg} needs a Kubernetes version, such as '{arg} 1.27'.");
            return 2;
        }

        kubernetes = Args[++i];
    }
    else if (arg.StartsWith("--k8s=", StringComparison.Ordinal))
    {
        kubernetes = arg.Substring("--k8s=".Length);
    }
    else if (arg == "-h" || arg == "--help")
    {
        Console.WriteLine("usage: dotnet script check-vpc-cni.csx -- [--k8s <kubernetes version>] [<vpc-cni version or image> ...]");
        Console.WriteLine("Without versions, reads one per line from standard input. Exit code: 0 none affected, 1 affected, 2 unknown or bad arguments.");
        return 0;
    }
    else if (arg.StartsWith("--", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"Unknown option '{arg}'; expected --k8s <version> or versions.");
        return 2;
    }
    else
    {
        versions.Add(arg);
    }
}

if (kubernetes is not null && !KubernetesVersion.TryParse(kubernetes, out _, out var kubernetesError))
{
    Console.Error.WriteLine(kubernetesError);
    return 2;
}

if (versions.Count == 0)
{
    if (!Console.IsInputRedirected) Console.Error.WriteLine("Reading versions from standard input, one per line (end with Ctrl+D).");
    while (Console.In.ReadLine() is { } line)
    {
        var text = line.Trim();
        if (text.Length > 0 && !text.StartsWith('#')) versions.Add(text);
    }
}

if (versions.Count == 0)
{
    Console.Error.WriteLine("No version given; pass versions as arguments or on standard input.");
    return 2;
}

var catalog = AdvisoryCatalog.Default;
Console.WriteLine($"# EksAdvisories data {catalog.DataVersion}" + (kubernetes is null ? "" : $", Kubernetes {kubernetes}"));
var anyAffected = false;
var anyUnknown = false;
foreach (var version in versions)
{
    foreach (var verdict in catalog.Evaluate("vpc-cni", version, kubernetes))
    {
        anyAffected |= verdict.Status == AffectedStatus.Affected;
        anyUnknown |= verdict.Status == AffectedStatus.Unknown;
        var action = verdict.Action is null ? "" : " Action: " + verdict.Action.Summary;
        Console.WriteLine($"{version}: {verdict.Status} (as published: {verdict.AsPublished}) [{verdict.AdvisoryId}] {verdict.Reason}{action}");
    }
}

return anyAffected ? 1 : anyUnknown ? 2 : 0;
