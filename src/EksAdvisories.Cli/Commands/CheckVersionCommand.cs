using System.CommandLine;

namespace EksAdvisories.Cli;

/// <summary><c>check-version</c>: the verdict of every advisory for each given VPC CNI version.</summary>
internal static class CheckVersionCommand
{
    public static Command Create()
    {
        var versions = new Argument<string[]>("versions")
        {
            Description = "VPC CNI versions or image references (v1.12.2-eksbuild.1, 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2). '-' reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        OptionLikeTokens.Reject(versions, "check-version");
        var file = new Option<string?>("--file", "-f")
        {
            Description = "A file with versions: 'aws eks describe-addon' JSON, the aws-node DaemonSet JSON, or one version per line ('-' for standard input).",
        };
        var kubernetes = new Option<string?>("--k8s", "--kubernetes-version")
        {
            Description = "The cluster's Kubernetes version (1.27), so the roll-back mitigation is only offered where it is safe.",
        };
        var component = new Option<string>("--component")
        {
            Description = "The component the versions belong to (vpc-cni or an alias such as aws-node).",
            DefaultValueFactory = _ => "vpc-cni",
        };
        var addonVersions = new Option<string?>("--addon-versions")
        {
            Description = "The JSON of 'aws eks describe-addon-versions --addon-name vpc-cni [--kubernetes-version X]' ('-' for standard input): also say which offered build to install (the lowest that clears every advisory, the newest, and whether the default is affected). Exits 1 when no offered build clears every advisory.",
        };
        var json = new Option<bool>("--json") { Description = "Write JSON for machines instead of text." };
        var failOn = FindingPolicy.CreateOption();

        var command = new Command("check-version", "Tell whether VPC CNI versions are affected, and what to do. " + ExitCodes.Help)
        {
            versions, file, kubernetes, component, addonVersions, json, failOn,
        };
        command.SetAction(result =>
        {
            var policy = FindingPolicy.Parse(result.GetValue(failOn)!);
            var inputs = new List<string>();
            foreach (var v in result.GetValue(versions) ?? [])
            {
                if (v == "-") inputs.AddRange(VersionDocumentReader.Read(Console.In.ReadToEnd(), "standard input"));
                else inputs.Add(v);
            }

            if (result.GetValue(file) is { } path)
            {
                var text = path == "-" ? Console.In.ReadToEnd() : ReadFile(path);
                inputs.AddRange(VersionDocumentReader.Read(text, path == "-" ? "standard input" : path));
            }

            var addonVersionsPath = result.GetValue(addonVersions);
            if (addonVersionsPath == "-" && (result.GetValue(file) == "-" || inputs.Count == 0 && (result.GetValue(versions) ?? []).Contains("-")))
            {
                throw new InputException("--addon-versions -: standard input can hold only one document; give the versions or the other file by name.");
            }

            AddonVersionsDocument? offered = null;
            if (addonVersionsPath is not null)
            {
                try
                {
                    offered = addonVersionsPath == "-"
                        ? AddonVersionsDocument.Read(Console.OpenStandardInput(), "standard input")
                        : AddonVersionsDocument.ReadFile(addonVersionsPath);
                }
                catch (ClusterDocumentException e)
                {
                    throw new InputException("--addon-versions: " + e.Message, e);
                }
            }

            if (inputs.Count == 0 && offered is null && Console.IsInputRedirected)
            {
                inputs.AddRange(VersionDocumentReader.Read(Console.In.ReadToEnd(), "standard input"));
            }

            if (inputs.Count == 0 && offered is null)
            {
                throw new InputException("No version given; pass versions, --file <describe-addon.json>, --addon-versions <describe-addon-versions.json>, or pipe versions to standard input.");
            }

            var k8s = result.GetValue(kubernetes);
            if (k8s is not null && !KubernetesVersion.TryParse(k8s, out _, out var k8sError)) throw new InputException("--k8s: " + k8sError);

            var catalog = AdvisoryCatalog.Default;
            var name = result.GetValue(component)!;
            if (!catalog.Advisories.Any(a => a.Component.Matches(name)))
            {
                throw new InputException($"--component: no advisory is about '{name}'; known components: {string.Join(", ", catalog.Advisories.Select(a => a.Component.Name).Distinct())}.");
            }

            var verdicts = inputs.SelectMany(i => catalog.Evaluate(name, i, k8s)).ToList();

            // The build choice starts from the current version when exactly one readable version was given.
            AddonBuildChoice? choice = null;
            if (offered is not null)
            {
                var current = inputs.Count == 1 && ComponentVersion.TryParse(inputs[0], out var one) && !one.IsPartial ? inputs[0] : null;
                choice = catalog.ChooseAddonBuild(name, offered, k8s, current);
            }

            if (result.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                VerdictWriter.WriteJson(stdout, catalog.DataVersion, verdicts, choice);
            }
            else
            {
                VerdictWriter.WriteText(Console.Out, verdicts);
                if (choice is not null) Console.Out.WriteLine("add-on build: " + choice.Summary);
            }

            var exit = verdicts.Aggregate(ExitCodes.Fine, (exit, v) => ExitCodes.Combine(exit, policy.ExitCode(v.Status)));
            return choice is { LowestClear: null } ? ExitCodes.Combine(exit, policy.ExitCode(AffectedStatus.Affected)) : exit;
        });
        return command;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot read the file: {e.Message}", e);
        }
    }
}
