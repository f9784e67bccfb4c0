using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace EksAdvisories.PowerShell.Commands;

/// <summary>
/// The base of the cmdlets that read advisories: it owns <c>-DataPath</c> and picks the catalog once per pipeline,
/// so every such cmdlet answers from the same data, the embedded one or a newer file.
/// </summary>
public abstract class AdvisoryCatalogCmdlet : PSCmdlet
{
    private AdvisoryCatalog? _catalog;

    /// <summary>Initializes the cmdlet; PowerShell creates the derived cmdlets.</summary>
    protected AdvisoryCatalogCmdlet()
    {
    }

    /// <summary>
    /// A file of advisory data in the format of the repository's <c>advisories/</c> folder (one advisory or a bundle) to
    /// answer from instead of the data embedded in the module; newer data without a new module.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DataPath { get; set; }

    /// <summary>The catalog this pipeline answers from; set in <see cref="BeginProcessing"/>.</summary>
    private protected AdvisoryCatalog Catalog => _catalog ?? throw new InvalidOperationException("The catalog is read in BeginProcessing.");

    /// <summary>Reads the catalog: the embedded one, or the file named by <see cref="DataPath"/>.</summary>
    /// <remarks>A missing or invalid data file ends the command: nothing it could answer would come from the data asked for.</remarks>
    protected override void BeginProcessing()
    {
        if (DataPath is null)
        {
            _catalog = AdvisoryCatalog.Default;
            return;
        }

        string path;
        try
        {
            path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(DataPath, out var provider, out _);
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "DataPathNotAFile", $"-DataPath '{DataPath}' is a path of the {provider.Name} provider; expected the path of an advisory data file.", DataPath));
                return;
            }
        }
        catch (SessionStateException e)
        {
            // A drive or provider that does not exist: PowerShell's own message names it.
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DataPathInvalid", $"-DataPath '{DataPath}': {e.Message}", DataPath));
            return;
        }

        try
        {
            _catalog = AdvisoryCatalog.LoadFile(path);
        }
        catch (AdvisoryDataException e)
        {
            ThrowTerminatingError(ErrorRecords.DataError(e, DataPath));
        }
    }
}
