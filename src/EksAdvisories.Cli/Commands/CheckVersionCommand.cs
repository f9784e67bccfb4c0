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
            Description = "A file with versions: 'aws eks describe-addon' JSON, the aws-node DaemonSet JSON, or one version per line ('-' for standard input). At most 64 MiB; UTF-8, or UTF-16/32 with a byte-order mark.",
        };
        var kubernetes = KubernetesOption.Create("The cluster's Kubernetes version (1.27), so the roll-back mitigation is only offered where it is safe.");
        var component = new Option<string>("--component")
        {
            Description = "The component the versions belong to (vpc-cni or an alias such as aws-node).",
            DefaultValueFactory = _ => "vpc-cni",
        };
        var addonVersions = new Option<string?>("--addon-versions")
        {
            Description = "The JSON of 'aws eks describe-addon-versions --addon-name vpc-cni [--kubernetes-version X]' ('-' for standard input): also say which offered build to install (the lowest that clears every advisory, the newest, and whether the default is affected). Exits 1 when no offered build clears every advisory.",
        };
        var format = new OutputFormatOption();
        var failOn = FindingPolicy.CreateOption();

        var command = new Command("check-version", "Tell whether VPC CNI versions are affected, and what to do. " + ExitCodes.Help)
        {
            versions, file, kubernetes, component, addonVersions, failOn,
        };
        format.AddTo(command);
        command.SetAction(result =>
        {
            var outputFormat = format.Resolve(result);
            var policy = FindingPolicy.Parse(result.GetValue(failOn)!);
            var k8s = KubernetesOption.Validated(result, kubernetes);
            var catalog = AdvisoryCatalog.Default;
            var name = result.GetValue(component)!;
            var about = catalog.Advisories.FirstOrDefault(a => a.Component.Matches(name))?.Component
                ?? throw new InputException($"--component: no advisory is about '{name}'; known components: {string.Join(", ", catalog.Advisories.Select(a => a.Component.Name).Distinct())}.");

            var inputs = new List<(string Source, string Version)>();
            var problems = new List<InputProblem>();
            void ReadDocument(string source, Func<string> read)
            {
                try
                {
                    inputs.AddRange(VersionDocumentReader.Read(read(), source, about).Select(v => (source, v)));
                }
                catch (InputException e)
                {
                    problems.Add(new InputProblem(source, e.Message));
                }
            }

            foreach (var v in result.GetValue(versions) ?? [])
            {
                if (v == "-") ReadDocument(StandardInput.Name, StandardInput.Read);
                else inputs.Add(("argument", v));
            }

            if (result.GetValue(file) is { } path)
            {
                if (path == "-") ReadDocument(StandardInput.Name, StandardInput.Read);
                else ReadDocument(path, () => InputText.ReadFile(path));
            }

            var addonVersionsPath = result.GetValue(addonVersions);
            if (addonVersionsPath == "-" && (result.GetValue(file) == "-" || (result.GetValue(versions) ?? []).Contains("-")))
            {
                throw new InputException("--addon-versions -: standard input can hold only one document; give the versions or the other file by name.");
            }

            AddonVersionsDocument? offered = null;
            if (addonVersionsPath is not null)
            {
                try
                {
                    offered = addonVersionsPath == "-"
                        ? AddonVersionsDocument.Read(Console.OpenStandardInput(), StandardInput.Name)
                        : AddonVersionsDocument.ReadFile(addonVersionsPath);
                }
                catch (ClusterDocumentException e)
                {
                    throw new InputException("--addon-versions: " + e.Message, e);
                }
            }

            if (inputs.Count == 0 && problems.Count == 0 && offered is null && Console.IsInputRedirected) ReadDocument(StandardInput.Name, StandardInput.Read);
            if (inputs.Count == 0 && problems.Count == 0 && offered is null)
            {
                throw new InputException("No version given; pass versions, --file <describe-addon.json>, --addon-versions <describe-addon-versions.json>, or pipe versions to standard input.");
            }

            var verdicts = inputs.SelectMany(i => catalog.Evaluate(name, i.Version, k8s).Select(v => new JudgedVersion(i.Source, v))).ToList();
            // The build choice starts from the current version when exactly one readable version was given.
            AddonBuildChoice? choice = null;
            if (offered is not null)
            {
                var current = inputs.Count == 1 && ComponentVersion.TryParse(inputs[0].Version, out var one) && !one.IsPartial ? inputs[0].Version : null;
                choice = catalog.ChooseAddonBuild(name, offered, k8s, current);
            }

            var check = new VersionCheck(catalog.DataVersion, verdicts, problems, policy, choice);
            foreach (var problem in problems) ErrorOutput.WriteLine(problem.Message);
            StandardOutput.Write(CheckOutput.Render(outputFormat, check));
            return check.ExitCode;
        });
        return command;
    }
}
