using System.Management.Automation;
using EksAdvisories.Ipamd;
using Microsoft.PowerShell.Commands;

namespace EksAdvisories.PowerShell.Commands;

/// <summary>
/// <c>Test-IpamdReconcile</c>: runs the reference IPAMD reconcile checker on node snapshot folders and writes the library's
/// <see cref="ReconcileReport"/> for each, with a <c>Path</c> note property naming the folder it came from.
/// </summary>
/// <remarks>
/// Folders bind from the pipeline as strings, or by property name from <c>Get-ChildItem -Directory</c> output
/// (<c>FullName</c>, <c>PSPath</c>). A folder that cannot be checked is a non-terminating error, so that one bad snapshot
/// does not stop the check of the others, whatever the failure (bad data, an unexpected exception, running out of
/// memory on one huge snapshot); <c>-ErrorAction Stop</c> makes it terminating. <c>-DataPath</c> judges the node's CNI
/// version against a newer advisory data file.
/// </remarks>
[Cmdlet(VerbsDiagnostic.Test, "IpamdReconcile")]
[OutputType(typeof(ReconcileReport))]
public sealed class TestIpamdReconcileCommand : AdvisoryCatalogCmdlet
{
    /// <summary>The name of the note property that carries the snapshot folder on each report.</summary>
    internal const string PathProperty = "Path";

    private ReconcileCheckOptions _options = ReconcileCheckOptions.Default;

    /// <summary>
    /// Snapshot folders, resolved from the current PowerShell location and taken literally (no wildcards). Binds from the
    /// pipeline by value and from a <c>FullName</c> or <c>PSPath</c> property.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LiteralPath", "FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>A CNI version to check with instead of the snapshot's (<c>cni-version.txt</c> or the aws-node image).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CniVersion { get; set; }

    /// <summary>The cluster's Kubernetes version, so that the advisory's action offers the rollback only where it is safe.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubernetesVersion { get; set; }

    /// <summary>How much simulated time the model runs: 5 seconds to 1 day; the library's default is 10 minutes.</summary>
    [Parameter]
    public TimeSpan? Horizon { get; set; }

    /// <summary>Checks the options once: a mistyped one would otherwise change the answer for every folder.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();

        // The checker would report an unparsable override as an unknown version, node by node; a typed-in value is a
        // mistake to stop on, as Test-EksAdvisory does for -KubernetesVersion.
        if (CniVersion is not null && !ComponentVersion.TryParse(CniVersion, out _, out var versionError))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("CniVersionInvalid", "-CniVersion: " + versionError, CniVersion));
        }

        if (KubernetesVersion is not null && !EksAdvisories.KubernetesVersion.TryParse(KubernetesVersion, out _, out var kubernetesError))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("KubernetesVersionInvalid", "-KubernetesVersion: " + kubernetesError, KubernetesVersion));
        }

        try
        {
            _options = new ReconcileCheckOptions
            {
                Horizon = Horizon ?? ReconcileCheckOptions.Default.Horizon,
                CniVersionOverride = CniVersion,
                KubernetesVersion = KubernetesVersion,
                Advisory = DataPath is null ? ReconcileCheckOptions.Default.Advisory : ReconcileAdvisoryFrom(Catalog),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            // The library owns the range; its exception message carries .NET's parameter suffix, so it is restated here.
            ThrowTerminatingError(ErrorRecords.InvalidArgument(
                "HorizonOutOfRange",
                $"-Horizon {Horizon}: the horizon must be between 00:00:05 (one pool tick) and 1.00:00:00 (one day), such as 00:30:00 or (New-TimeSpan -Minutes 30); a bare number is read as ticks.",
                Horizon));
        }
        catch (ArgumentException e)
        {
            // A data file without the advisory the checker models: nothing it could say would come from that data.
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DataPathWithoutAdvisory", $"-DataPath '{DataPath}': {e.Message.Split(" (Parameter", 2)[0]}", DataPath));
        }
    }

    // The checker is handed the advisory it models; a data file without it cannot drive the checker.
    private static Advisory ReconcileAdvisoryFrom(AdvisoryCatalog catalog) =>
        catalog.TryGet(ReconcileCheckOptions.ReconcileAdvisoryId, out var advisory)
            ? advisory
            : throw new ArgumentException($"The advisory data holds no {ReconcileCheckOptions.ReconcileAdvisoryId}, the advisory the reconcile checker models; its advisories are {string.Join(", ", catalog.Advisories.Select(a => a.Id))}.");

    /// <summary>Checks each folder of this pipeline input.</summary>
    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            var directory = Resolve(path);
            if (directory is not null) Check(directory);
        }
    }

    private void Check(string directory)
    {
        NodeSnapshot snapshot;
        try
        {
            snapshot = NodeSnapshot.Load(directory);
        }
        catch (SnapshotException e)
        {
            // The folder can vanish between the check in Resolve and the read; that is still a missing folder.
            WriteError(Directory.Exists(directory)
                ? ErrorRecords.SnapshotInvalid(e, directory)
                : ErrorRecords.SnapshotNotFound(directory, $"The snapshot folder '{directory}' does not exist."));
            return;
        }
#pragma warning disable CA1031 // As below: the folder's error, and the next folder is checked.
        catch (Exception e) when (e is not PipelineStoppedException)
#pragma warning restore CA1031
        {
            WriteError(ErrorRecords.CheckFailed(e, directory));
            return;
        }

        ReconcileReport checkedReport;
        try
        {
            checkedReport = IpamdReconcileChecker.Check(snapshot, _options);
        }
#pragma warning disable CA1031 // One folder's failure of any kind (a bug, memory) is that folder's error, not the pipeline's end.
        catch (Exception e) when (e is not PipelineStoppedException)
#pragma warning restore CA1031
        {
            WriteError(ErrorRecords.CheckFailed(e, directory));
            return;
        }

        var report = PSObject.AsPSObject(checkedReport);
        report.Properties.Add(new PSNoteProperty(PathProperty, directory));
        WriteObject(report);
    }

    /// <summary>The file system path of a snapshot folder, or null after writing the error that says why there is none.</summary>
    private string? Resolve(string path)
    {
        string resolved;
        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                WriteError(ErrorRecords.InvalidArgument(
                    "PathNotAFolder", $"'{path}' is a path of the {provider.Name} provider; expected the path of a snapshot folder.", path));
                return null;
            }
        }
        catch (SessionStateException e)
        {
            // A drive or provider that does not exist: PowerShell's own message names it.
            WriteError(ErrorRecords.SnapshotNotFound(path, $"The snapshot folder '{path}' cannot be found: {e.Message}"));
            return null;
        }

        if (File.Exists(resolved))
        {
            WriteError(ErrorRecords.InvalidArgument(
                "PathNotAFolder",
                $"'{resolved}' is a file; expected a snapshot folder holding enis.json, imds.json and ec2-network-interfaces.json (Get-ChildItem -Directory lists folders only).",
                resolved));
            return null;
        }

        if (!Directory.Exists(resolved))
        {
            WriteError(ErrorRecords.SnapshotNotFound(resolved, $"The snapshot folder '{resolved}' does not exist."));
            return null;
        }

        // Get-ChildItem's FullName has no trailing separator; a typed 'snap/' should name the folder the same way.
        return System.IO.Path.TrimEndingDirectorySeparator(resolved);
    }
}
