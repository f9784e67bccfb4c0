# The module folder and its manifest: what Import-Module and the PowerShell Gallery read.
param(
    # The built module folder; run-pester.ps1 passes it.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    # The repository root, for the package version in Directory.Build.props.
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    $manifestPath = Join-Path $ModulePath 'EksAdvisories.psd1'
    $manifest = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
    $data = Import-PowerShellDataFile -LiteralPath $manifestPath
    [xml] $buildProps = Get-Content -Raw -LiteralPath (Join-Path $RepositoryRoot 'Directory.Build.props')
    $packageVersion = @($buildProps.Project.PropertyGroup | ForEach-Object { $_['VersionPrefix'] } | Where-Object { $_ })[0].InnerText
    $expectedCmdlets = @('Export-EksAdvisory', 'Get-EksAdvisory', 'Test-EksAdvisory', 'Test-IpamdReconcile')
    Import-Module $ModulePath -Force -ErrorAction Stop
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        $manifest.Name | Should-Be 'EksAdvisories'
    }

    It 'carries the package version of Directory.Build.props' {
        $packageVersion | Should-NotBeNull
        $manifest.Version | Should-Be ([version] $packageVersion)
    }

    It 'has no version placeholder left' {
        Get-Content -Raw -LiteralPath $manifestPath | Should-NotMatchString '@\w+@'
    }

    It 'is for PowerShell 7.4 and later, Core edition only' {
        $manifest.PowerShellVersion | Should-Be ([version] '7.4')
        $manifest.CompatiblePSEditions | Should-BeCollection @('Core')
    }

    It 'exports exactly the cmdlets of the module and no function, alias or variable' {
        @($manifest.ExportedCmdlets.Keys | Sort-Object) | Should-BeCollection $expectedCmdlets
        $data.FunctionsToExport.Count | Should-Be 0
        $data.AliasesToExport.Count | Should-Be 0
        $data.VariablesToExport.Count | Should-Be 0
    }

    It 'names the module dll as root module and the formats file' {
        $data.RootModule | Should-Be 'EksAdvisories.PowerShell.dll'
        $data.FormatsToProcess | Should-BeCollection @('EksAdvisories.Format.ps1xml')
    }

    It 'has a GUID, a description, tags, license and project links' {
        $manifest.Guid | Should-NotBe ([guid]::Empty)
        $manifest.Description | Should-NotBeWhiteSpaceString
        $data.PrivateData.PSData.Tags | Should-ContainCollection 'EKS'
        $data.PrivateData.PSData.LicenseUri | Should-BeString 'https://github.com/eksadvisories/EksAdvisories/blob/main/LICENSE'
        $data.PrivateData.PSData.ProjectUri | Should-BeString 'https://github.com/eksadvisories/EksAdvisories'
    }

    It 'has the gallery tags for PowerShell Core and each OS' {
        $data.PrivateData.PSData.Tags | Should-ContainCollection @('PSEdition_Core', 'Windows', 'Linux', 'MacOS')
    }

    It 'carries the newest release''s section of CHANGELOG.md as its release notes' {
        $changelog = Get-Content -Raw -LiteralPath (Join-Path $RepositoryRoot 'CHANGELOG.md')
        $section = [regex]::Match($changelog.Replace("`r", ''), '(?s)(?<=## Package releases\s+)### .*?(?=\n### |\n## |$)').Value.Trim()
        $section | Should-BeLikeString '### *'
        $data.PrivateData.PSData.ReleaseNotes | Should-BeString $section
    }
}

Describe 'The module folder' {
    It 'holds <_>' -ForEach @(
        'EksAdvisories.psd1', 'EksAdvisories.PowerShell.dll', 'EksAdvisories.dll', 'Semver.dll',
        'Microsoft.Extensions.Primitives.dll', 'EksAdvisories.Format.ps1xml', 'EksAdvisories.PowerShell.dll-Help.xml'
    ) {
        Test-Path -LiteralPath (Join-Path $ModulePath $_) | Should-BeTrue -Because 'the module loads it from its own folder'
    }

    It 'does not ship System.Management.Automation: PowerShell provides it' {
        Test-Path (Join-Path $ModulePath 'System.Management.Automation.dll') | Should-BeFalse
    }
}

Describe 'The imported module' {
    It 'makes the library types usable right after Import-Module, before any cmdlet runs' {
        # A fresh process: in this one another test file may already have run a cmdlet, which loads the library. The same
        # PowerShell as this one; run as a dotnet tool, that is the dotnet host with pwsh.dll.
        $host_ = [System.Environment]::ProcessPath
        $hostArgs = @(if ([System.IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $out = & $host_ @hostArgs -NoProfile -NonInteractive -Command "Import-Module '$ModulePath'; [EksAdvisories.AdvisoryCatalog]::Default.DataVersion"
        $LASTEXITCODE | Should-Be 0
        $out | Should-MatchString '^\d{4}\.\d{2}\.\d{2}$'
    }

    It 'exports exactly the manifest cmdlets' {
        @((Get-Command -Module EksAdvisories).Name | Sort-Object) | Should-BeCollection $expectedCmdlets
    }

    It 'declares <Name> output type <Type>' -ForEach @(
        @{ Name = 'Get-EksAdvisory'; Type = 'EksAdvisories.Advisory' }
        @{ Name = 'Test-EksAdvisory'; Type = @('EksAdvisories.AdvisoryVerdict', 'EksAdvisories.AddonBuildChoice') }
        @{ Name = 'Test-IpamdReconcile'; Type = 'EksAdvisories.Ipamd.ReconcileReport' }
    ) {
        @((Get-Command $Name).OutputType.Name) | Should-BeCollection @($Type)
    }

    It 'declares Export-EksAdvisory output types String (to the pipeline) and FileInfo (-Path -PassThru)' {
        @((Get-Command Export-EksAdvisory).OutputType.Name | Sort-Object) | Should-BeCollection @('System.IO.FileInfo', 'System.String')
    }
}
