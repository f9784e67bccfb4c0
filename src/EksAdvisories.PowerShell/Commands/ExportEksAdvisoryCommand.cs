using System.Management.Automation;
using System.Text;
using Microsoft.PowerShell.Commands;

namespace EksAdvisories.PowerShell.Commands;

/// <summary>
/// <c>Export-EksAdvisory</c>: renders an advisory as an OSV record, a Markdown document or the repository's own JSON data
/// format, to the pipeline as one string or into a file.
/// </summary>
/// <remarks>
/// The file semantics follow PowerShell's own export cmdlets (<c>Export-Csv</c>, <c>Export-Clixml</c>, <c>Out-File</c>),
/// because that is what users of an <c>Export-</c> verb already know: an existing file is overwritten unless
/// <c>-NoClobber</c> is given, a read-only file only with <c>-Force</c>, nothing is written under <c>-WhatIf</c>, and nothing
/// is written to the pipeline unless <c>-PassThru</c> is given.
/// </remarks>
[Cmdlet(VerbsData.Export, "EksAdvisory", SupportsShouldProcess = true, DefaultParameterSetName = ToPipelineSet)]
[OutputType(typeof(string), ParameterSetName = [ToPipelineSet])]
[OutputType(typeof(FileInfo), ParameterSetName = [ToFileSet])]
public sealed class ExportEksAdvisoryCommand : AdvisoryCatalogCmdlet
{
    private const string ToPipelineSet = "ToPipeline";
    private const string ToFileSet = "ToFile";

    // Without a byte order mark: JSON readers (RFC 8259 section 8.1) and Markdown tools do not expect one.
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The names -Format accepts, as ValidateSet lists them; it accepts any case, so the value is mapped back to one of these.
    private static readonly string[] Formats = ["Osv", "Markdown", "Json"];

    private string _format = string.Empty;
    private string? _outputPath;
    private string? _firstAdvisoryId;

    /// <summary>
    /// The advisory to export, such as <c>EKSA-2023-0001</c> (case-insensitive). Binds from the pipeline, and from an
    /// <c>Id</c> or <c>AdvisoryId</c> property, so that advisories and verdicts pipe in.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AdvisoryId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = string.Empty;

    /// <summary>The format: <c>Osv</c> (an OSV 1.7 record), <c>Markdown</c>, or <c>Json</c> (the repository's data format).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateSet("Osv", "Markdown", "Json")]
    public string Format { get; set; } = string.Empty;

    /// <summary>
    /// The file to write, resolved from the current PowerShell location and taken literally (no wildcards). Without it,
    /// the text goes to the pipeline.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ToFileSet)]
    [Alias("LiteralPath")]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Overwrites a read-only file (its read-only attribute is restored afterwards).</summary>
    [Parameter(ParameterSetName = ToFileSet)]
    public SwitchParameter Force { get; set; }

    /// <summary>Refuses to overwrite an existing file.</summary>
    [Parameter(ParameterSetName = ToFileSet)]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>Writes the file written, as a <see cref="FileInfo"/>; by default nothing is written to the pipeline.</summary>
    [Parameter(ParameterSetName = ToFileSet)]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Reads the catalog and resolves <see cref="Path"/> once, because it is the same for every input.</summary>
    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _format = Formats.First(f => string.Equals(f, Format, StringComparison.OrdinalIgnoreCase));
        if (Path is null) return;

        try
        {
            _outputPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "PathNotAFile", $"-Path '{Path}' is a path of the {provider.Name} provider; expected the path of a file.", Path));
            }
        }
        catch (SessionStateException e)
        {
            // A drive or provider that does not exist: PowerShell's own message names it.
            ThrowTerminatingError(ErrorRecords.InvalidArgument("PathInvalid", $"-Path '{Path}': {e.Message}", Path));
        }
    }

    /// <summary>Exports the advisory of this pipeline input; an unknown id is a non-terminating error listing the known ids.</summary>
    protected override void ProcessRecord()
    {
        Advisory advisory;
        try
        {
            advisory = Catalog.Get(Id);
        }
        catch (KeyNotFoundException e)
        {
            WriteError(ErrorRecords.AdvisoryNotFound(Id, e.Message));
            return;
        }

        var text = _format switch
        {
            // The data version tells a consumer of the OSV record which catalog it came from, e.g. a newer -DataPath file.
            "Osv" => advisory.ToOsvJson(Catalog.DataVersion),
            "Markdown" => advisory.ToMarkdown(),
            _ => advisory.ToJson(),
        };

        if (_outputPath is null)
        {
            WriteObject(text);
            return;
        }

        WriteFile(advisory, text, _outputPath);
    }

    private void WriteFile(Advisory advisory, string text, string path)
    {
        // One file holds one document: a second advisory would either overwrite the first or make the JSON invalid.
        // The first input claims the file even under -WhatIf, so that the preview shows this error too.
        if (_firstAdvisoryId is not null)
        {
            WriteError(ErrorRecords.OutputFileError(
                "PathAlreadyUsed",
                ErrorCategory.InvalidOperation,
                new InvalidOperationException($"-Path '{path}' is already the file of {_firstAdvisoryId} in this command, so {advisory.Id} is not written to it. Export each advisory to its own file, e.g. Get-EksAdvisory | ForEach-Object {{ Export-EksAdvisory -Id $_.Id -Format {_format} -Path \"$($_.Id).{Extension()}\" }}."),
                path));
            return;
        }

        _firstAdvisoryId = advisory.Id;
        if (!ShouldProcess(path, $"Export {advisory.Id} as {_format}")) return;

        if (Directory.Exists(path))
        {
            WriteError(ErrorRecords.OutputFileError(
                "PathIsDirectory", ErrorCategory.InvalidArgument, new IOException($"'{path}' is a directory; expected the path of a file."), path));
            return;
        }

        var existing = new FileInfo(path);
        if (existing.Exists && NoClobber)
        {
            WriteError(ErrorRecords.OutputFileError(
                "FileExists", ErrorCategory.ResourceExists, new IOException($"'{path}' already exists and -NoClobber was given; it is left as it is."), path));
            return;
        }

        // Checked here rather than left to the file system, because root (and Windows administrators' tools) can write
        // a read-only file anyway: the attribute should mean the same for every user, as it does for Export-Csv.
        var readOnly = existing.Exists && existing.IsReadOnly;
        if (readOnly && !Force)
        {
            WriteError(ErrorRecords.OutputFileError(
                "FileReadOnly", ErrorCategory.PermissionDenied, new UnauthorizedAccessException($"'{path}' is read-only; use -Force to overwrite it."), path));
            return;
        }

        // Files end with a line break, as text files do; the pipeline gets the exporter's text unchanged.
        var content = text.EndsWith('\n') ? text : text + "\n";
        try
        {
            if (readOnly) existing.IsReadOnly = false;
            try
            {
                // CreateNew makes -NoClobber hold even if the file appeared after the check above.
                using var stream = new FileStream(path, NoClobber ? FileMode.CreateNew : FileMode.Create, FileAccess.Write, FileShare.Read);
                using var writer = new StreamWriter(stream, Utf8NoBom);
                writer.Write(content);
            }
            finally
            {
                if (readOnly) existing.IsReadOnly = true;
            }
        }
        catch (DirectoryNotFoundException e)
        {
            WriteError(ErrorRecords.OutputFileError(
                "DirectoryNotFound", ErrorCategory.ObjectNotFound,
                new DirectoryNotFoundException($"The folder '{System.IO.Path.GetDirectoryName(path)}' of '{path}' does not exist; create it first.", e), path));
            return;
        }
        catch (UnauthorizedAccessException e)
        {
            WriteError(ErrorRecords.OutputFileError(
                "FileWriteDenied", ErrorCategory.PermissionDenied, new UnauthorizedAccessException($"'{path}' cannot be written: {e.Message}", e), path));
            return;
        }
        catch (IOException e)
        {
            WriteError(ErrorRecords.OutputFileError(
                "FileWriteFailed", ErrorCategory.WriteError, new IOException($"'{path}' cannot be written: {e.Message}", e), path));
            return;
        }

        if (PassThru)
        {
            // Through the provider, so that the object carries PSPath and friends like the output of Get-Item.
            WriteObject(SessionState.InvokeProvider.Item.Get([path], force: true, literalPath: true), enumerateCollection: true);
        }
    }

    private string Extension() => _format == "Markdown" ? "md" : "json";
}
