using System.Management.Automation;

namespace EksAdvisories.PowerShell.Commands;

/// <summary>
/// <c>Test-EksAdvisory</c>: evaluates VPC CNI versions, EKS add-on builds and image references against the advisories and
/// writes one <see cref="AdvisoryVerdict"/> per input and advisory.
/// </summary>
/// <remarks>
/// Versions bind from the pipeline as strings, or by property name from the objects the AWS CLI and kubectl print:
/// <c>addonVersion</c> of <c>aws eks describe-addon</c>, <c>image</c> of a container of the <c>aws-node</c> DaemonSet.
/// Text that is not a version is the library's <see cref="AffectedStatus.Unknown"/> answer, with a reason; only a missing
/// (null or empty) input is an error, because there is nothing to answer about.
/// </remarks>
[Cmdlet(VerbsDiagnostic.Test, "EksAdvisory")]
[OutputType(typeof(AdvisoryVerdict), typeof(AddonBuildChoice))]
public sealed class TestEksAdvisoryCommand : AdvisoryCatalogCmdlet
{
    private const string DefaultComponent = "vpc-cni";
    private Advisory? _onlyAdvisory;
    private AdvisoryEvaluationOptions _options = AdvisoryEvaluationOptions.None;
    private AddonVersionsDocument? _offered;
    private readonly List<string> _versionsSeen = [];

    /// <summary>The versions: <c>v1.12.2-eksbuild.1</c>, <c>1.11.5</c>, <c>v1.12</c>, or an image reference with such a tag.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("addonVersion", "Image")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Version { get; set; }

    /// <summary>
    /// The cluster's Kubernetes version (<c>1.27</c>, <c>v1.29.3-eks-5e0fdde</c>). With it, the rollback workaround is
    /// offered only where it is safe; without it, the action explains both cases.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubernetesVersion { get; set; }

    /// <summary>Evaluates against this advisory only, instead of every advisory about the component.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Id { get; set; }

    /// <summary>
    /// The component the versions are of: <c>vpc-cni</c> (the default) or an alias such as <c>aws-node</c>. Binds from an
    /// <c>addonName</c> property, so that a describe-addon document of another add-on is not judged by a VPC CNI advisory.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("addonName")]
    [ValidateNotNullOrEmpty]
    public string Component { get; set; } = DefaultComponent;

    /// <summary>
    /// The JSON of <c>aws eks describe-addon-versions --addon-name vpc-cni [--kubernetes-version X]</c>. After the
    /// verdicts, the command then writes one <see cref="AddonBuildChoice"/>: the lowest offered build that clears every
    /// advisory (never below the version given when exactly one was), the newest, and the default flagged when affected.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AddonVersionsPath { get; set; }

    /// <summary>
    /// The JSON of <c>kubectl get ds aws-node -n kube-system -o json</c>: the aws-node settings, so that an advisory whose
    /// trigger depends on them (EKSA-2026-0001: ENABLE_SUBNET_DISCOVERY, …) answers for this cluster.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AwsNodeDaemonSetPath { get; set; }

    /// <summary>Reads the catalog and checks the parameters that hold for the whole pipeline.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (KubernetesVersion is not null)
        {
            // A mistyped cluster version would quietly turn "safe to roll back" into "it depends" for every input; stop instead.
            if (!EksAdvisories.KubernetesVersion.TryParse(KubernetesVersion, out _, out var error))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("KubernetesVersionInvalid", "-KubernetesVersion: " + error, KubernetesVersion));
            }
        }

        if (AwsNodeDaemonSetPath is not null)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(AwsNodeDaemonSetPath);
            try
            {
                _options = new AdvisoryEvaluationOptions(AwsNodeSettings.ReadDaemonSetFile(path));
            }
            catch (ClusterDocumentException e)
            {
                ThrowTerminatingError(ErrorRecords.ClusterDocumentInvalid("AwsNodeDaemonSetInvalid", e, path));
            }
        }

        if (AddonVersionsPath is not null)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(AddonVersionsPath);
            try
            {
                _offered = AddonVersionsDocument.ReadFile(path);
            }
            catch (ClusterDocumentException e)
            {
                ThrowTerminatingError(ErrorRecords.ClusterDocumentInvalid("AddonVersionsInvalid", e, path));
            }
        }

        if (Id is not null)
        {
            try
            {
                _onlyAdvisory = Catalog.Get(Id);
            }
            catch (KeyNotFoundException e)
            {
                ThrowTerminatingError(ErrorRecords.AdvisoryNotFound(Id, e.Message));
            }
        }
    }

    /// <summary>Writes the verdicts for the versions of this pipeline input.</summary>
    protected override void ProcessRecord()
    {
        var advisories = Advisories();
        if (advisories.Count == 0)
        {
            WriteError(ErrorRecords.NoAdvisoryForComponent(Component, _onlyAdvisory is null
                ? $"No advisory in data version {Catalog.DataVersion} is about the component '{Component}'; the advisories are about {string.Join(", ", Catalog.Advisories.Select(a => a.Component.Name).Distinct(StringComparer.Ordinal))}."
                : $"The advisory {_onlyAdvisory.Id} is about {_onlyAdvisory.Component.Name}, not about the component '{Component}'."));
            return;
        }

        if (Version is null)
        {
            WriteError(MissingVersion(null));
            return;
        }

        foreach (var version in Version)
        {
            if (string.IsNullOrWhiteSpace(version))
            {
                WriteError(MissingVersion(version));
                continue;
            }

            _versionsSeen.Add(version);
            foreach (var advisory in advisories)
            {
                WriteObject(advisory.Evaluate(version, KubernetesVersion, _options));
            }
        }
    }

    /// <summary>Writes the add-on build choice, when -AddonVersionsPath was given.</summary>
    protected override void EndProcessing()
    {
        if (_offered is null) return;
        var current = _versionsSeen.Count == 1 && ComponentVersion.TryParse(_versionsSeen[0], out var one) && !one.IsPartial && one.Image is null ? _versionsSeen[0] : null;
        try
        {
            WriteObject(Catalog.ChooseAddonBuild(Component, _offered, KubernetesVersion, current));
        }
        catch (ArgumentException e)
        {
            WriteError(ErrorRecords.InvalidArgument("AddonBuildNotChosen", e.Message, AddonVersionsPath));
        }
    }

    private static ErrorRecord MissingVersion(string? input)
    {
        var what = input is null ? "null" : input.Length == 0 ? "an empty string" : "only white space";
        return ErrorRecords.InvalidArgument(
            "VersionMissing",
            $"No version was given (the input was {what}); expected a VPC CNI version such as 'v1.12.2-eksbuild.1', an image reference such as 'amazon-k8s-cni:v1.12.2-eksbuild.1', or an object with an addonVersion or image property.",
            input);
    }

    private List<Advisory> Advisories()
    {
        var candidates = _onlyAdvisory is null ? Catalog.Advisories : [_onlyAdvisory];
        return candidates.Where(a => a.Component.Matches(Component)).ToList();
    }
}
