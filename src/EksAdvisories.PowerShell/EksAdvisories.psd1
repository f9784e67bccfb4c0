# Module manifest for EksAdvisories. The build writes the copy in the module folder with the version placeholders below
# replaced by the package version (Directory.Build.props), so the module and the package always carry the same version,
# and the release notes by the newest release's section of CHANGELOG.md.
@{
    RootModule           = 'EksAdvisories.PowerShell.dll'
    ModuleVersion        = '@ModuleVersion@'
    GUID                 = '4786b3a2-b4a3-4bc6-ba6f-20a52dc49108'
    Author               = 'EksAdvisories contributors'
    CompanyName          = 'EksAdvisories contributors'
    Copyright            = 'Copyright (c) 2026 EksAdvisories contributors'
    Description          = 'The Amazon VPC CNI IPAMD reconcile regression (v1.11.4-rc1 through v1.12.2, and v1.11.5; fixed in v1.12.5) as versioned advisory data: look the advisory up and test VPC CNI versions, EKS add-on builds and aws-node images against it, with what to do about each; check node snapshots for the IPAMD reconcile failure with the reference model; export the advisory as an OSV record, Markdown or JSON.'

    # Semver 3 and the library target .NET 8; Windows PowerShell 5.1 (.NET Framework) cannot load them.
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'

    # Loaded on import, so that the library's types ([EksAdvisories.AdvisoryCatalog], [EksAdvisories.AdvisoryExport], ...)
    # resolve in the session before any cmdlet has run; otherwise .NET loads the dll only when a cmdlet first needs it.
    RequiredAssemblies   = @('EksAdvisories.dll')

    FormatsToProcess     = @('EksAdvisories.Format.ps1xml')

    # Explicit lists keep discovery fast and the public surface deliberate; a new cmdlet is one line here.
    CmdletsToExport      = @(
        'Export-EksAdvisory'
        'Get-EksAdvisory'
        'Test-EksAdvisory'
        'Test-IpamdReconcile'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('EKS', 'AWS', 'VPC-CNI', 'aws-node', 'IPAMD', 'Kubernetes', 'Advisory', 'Security', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/eksadvisories/EksAdvisories/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/eksadvisories/EksAdvisories'
            # The newest package release's section of CHANGELOG.md, written in by the build; the gallery shows it.
            ReleaseNotes = '@ReleaseNotes@'
            Prerelease   = '@Prerelease@'
        }
    }
}
