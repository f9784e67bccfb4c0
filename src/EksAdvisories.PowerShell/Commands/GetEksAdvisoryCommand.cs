using System.Management.Automation;

namespace EksAdvisories.PowerShell.Commands;

/// <summary>
/// <c>Get-EksAdvisory</c>: the advisories of the catalog, all of them or by id, as the library's <see cref="Advisory"/> objects.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EksAdvisory")]
[OutputType(typeof(Advisory))]
public sealed class GetEksAdvisoryCommand : AdvisoryCatalogCmdlet
{
    /// <summary>
    /// Advisory ids such as <c>EKSA-2023-0001</c> (case-insensitive, wildcards allowed); all advisories when omitted.
    /// Binds from the pipeline, and from an <c>AdvisoryId</c> property so that verdicts pipe in.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AdvisoryId")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Id { get; set; }

    /// <summary>Writes the advisories asked for; an id that matches nothing is a non-terminating error listing the known ids.</summary>
    protected override void ProcessRecord()
    {
        if (Id is null)
        {
            WriteObject(Catalog.Advisories, enumerateCollection: true);
            return;
        }

        foreach (var id in Id)
        {
            if (WildcardPattern.ContainsWildcardCharacters(id))
            {
                // As with Get-Process, a pattern that matches nothing is not an error: it asked for "any such".
                var pattern = new WildcardPattern(id, WildcardOptions.IgnoreCase);
                try
                {
                    // IsMatch parses the pattern on first use, so a malformed one ('[EKSA') throws here.
                    foreach (var advisory in Catalog.Advisories.Where(a => pattern.IsMatch(a.Id)).ToList()) WriteObject(advisory);
                }
                catch (WildcardPatternException e)
                {
                    WriteError(ErrorRecords.InvalidWildcard(id, e));
                }

                continue;
            }

            try
            {
                WriteObject(Catalog.Get(id));
            }
            catch (KeyNotFoundException e)
            {
                WriteError(ErrorRecords.AdvisoryNotFound(id, e.Message));
            }
        }
    }
}
