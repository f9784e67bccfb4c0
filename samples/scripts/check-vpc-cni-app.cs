#!/usr/bin/env -S dotnet run
// Is this Amazon VPC CNI (vpc-cni add-on / aws-node) version hit by a known EKS advisory? (.NET 10 file-based app)
//
//   dotnet run samples/scripts/check-vpc-cni-app.cs -- v1.12.2-eksbuild.1 v1.12.5 --k8s 1.27
//   kubectl get ds aws-node -n kube-system -o jsonpath='{.spec.template.spec.containers[0].image}' | dotnet run samples/scripts/check-vpc-cni-app.cs
//
// Versions come from the arguments, or, when no version is given, one per line from standard input (blank lines and
// lines starting with '#' are skipped). Every form the library reads is accepted: v1.12.2, 1.12.2, v1.12.2-eksbuild.1,
// an image reference. --k8s <version> (or --k8s=<version>) gives the cluster's Kubernetes version, so that the roll-back
// mitigation is only offered where it is safe (not on Kubernetes 1.26 and later).
//
// Exit code: 0 no version is affected; 1 at least one is affected; 2 none is affected but at least one could not be
// judged (unreadable or ambiguous), or the arguments are wrong.
//
// Outside this repository, replace the #:project line with: #:package EksAdvisories@1.0.0
// PublishAot=false: file-based apps default to NativeAOT publishing, which would restore the AOT toolchain on first run.
// The file name must not equal a package id (a file named EksAdvisories.cs could not reference the EksAdvisories package).
#:project ../../src/EksAdvisories/EksAdvisories.csproj
#:property PublishAot=false

using EksAdvisories;

var versions = new List<string>();
string? kubernetes = null;
for (var i = 0; i < args.Length; i++)
{
    var arg = args[i];
    if (arg is "--k8s" or "--kubernetes")
    {
        if (i + 1 == args.Length)
        {
            Console.Error.WriteLine($"{arg} needs a Kubernetes version, such as '{arg} 1.27'.");
            return 2;
        }

        kubernetes = args[++i];
    }
    else if (arg.StartsWith("--k8s=", StringComparison.Ordinal))
    {
        kubernetes = arg["--k8s=".Length..];
    }
    else if (arg is "-h" or "--help")
    {
        Console.WriteLine("usage: dotnet run check-vpc-cni-app.cs -- [--k8s <kubernetes version>] [<vpc-cni version or image> ...]");
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
