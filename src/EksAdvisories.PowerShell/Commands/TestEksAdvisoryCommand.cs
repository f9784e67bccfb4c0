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
[OutputType(typeof(AdvisoryVerdict))]
public sealed class TestEksAdvisoryCommand : AdvisoryCatalogCmdlet
{
    private const string DefaultComponent = "vpc-cni";
    private Advisory? _onlyAdvisory;

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

            foreach (var advisory in advisories)
            {
                WriteObject(advisory.Evaluate(version, KubernetesVersion));
            }
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
