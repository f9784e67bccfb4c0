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
        var json = new Option<bool>("--json") { Description = "Write JSON for machines instead of text." };

        var command = new Command("check-version", "Tell whether VPC CNI versions are affected, and what to do.")
        {
            versions, file, kubernetes, component, json,
        };
        command.SetAction(result =>
        {
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

            if (inputs.Count == 0 && Console.IsInputRedirected)
            {
                inputs.AddRange(VersionDocumentReader.Read(Console.In.ReadToEnd(), "standard input"));
            }

            if (inputs.Count == 0)
            {
                throw new InputException("No version given; pass versions, --file <describe-addon.json>, or pipe versions to standard input.");
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
            if (result.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                VerdictWriter.WriteJson(stdout, catalog.DataVersion, verdicts);
            }
            else
            {
                VerdictWriter.WriteText(Console.Out, verdicts);
            }

            return verdicts.Any(v => v.Status == AffectedStatus.Affected) ? ExitCodes.AffectedOrStuck
                : verdicts.Any(v => v.Status == AffectedStatus.Unknown) ? ExitCodes.BadInput
                : ExitCodes.Fine;
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
