# The module as users get it: Publish-PSResource of the built module folder to a file repository, then, in a fresh
# pwsh whose HOME is a temporary folder (so CurrentUser scope, the repository list and the module path are temporary
# too), Install-PSResource by name, Import-Module EksAdvisories by name, and each cmdlet called once.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ("eksadvisories-psresource-" + [guid]::NewGuid().ToString('N'))
    $home_ = Join-Path $work 'home'
    $repository = Join-Path $work 'repository'
    New-Item -ItemType Directory -Force -Path $home_, $repository | Out-Null
    $snapshot = Join-Path $RepositoryRoot 'samples/snapshots/stuck-affected'
    $dataFile = Join-Path $RepositoryRoot 'advisories/EKSA-2023-0001.json'

    # Everything below runs in the child, with the temporary HOME: nothing touches the user's own PSResourceGet setup.
    $script = Join-Path $work 'install.ps1'
    Set-Content -LiteralPath $script -Encoding utf8NoBOM -Value @'
param($ModulePath, $Repository, $Snapshot, $DataFile, $Work)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name EksAdvisoriesTest -Uri $Repository -Trusted
Publish-PSResource -Path $ModulePath -Repository EksAdvisoriesTest
Install-PSResource -Name EksAdvisories -Repository EksAdvisoriesTest -Scope CurrentUser -TrustRepository -Reinstall
Import-Module EksAdvisories
$module = Get-Module EksAdvisories
$out = Join-Path $Work 'osv.json'
[pscustomobject]@{
    ModuleBase    = $module.ModuleBase
    Version       = "$($module.Version)"
    Package       = @(Get-ChildItem -LiteralPath $Repository -Filter '*.nupkg' | ForEach-Object { @{ Name = $_.Name; Length = $_.Length } })
    Installed     = @(Get-InstalledPSResource -Name EksAdvisories -Scope CurrentUser | ForEach-Object { "$($_.Name) $($_.Version)" })
    Advisory      = (Get-EksAdvisory EKSA-2023-0001 -DataPath $DataFile).Id
    Verdict       = "$((Test-EksAdvisory -Version v1.12.2-eksbuild.1 | Where-Object AdvisoryId -EQ 'EKSA-2023-0001').Status)"
    Node          = "$((Test-IpamdReconcile -Path $Snapshot -DataPath $DataFile).Verdict)"
    Exported      = (Export-EksAdvisory -Id EKSA-2023-0001 -Format Osv -Path $out -PassThru | Get-Content -Raw | ConvertFrom-Json).id
} | ConvertTo-Json -Depth 4 -Compress
'@

    $pwsh = [Environment]::ProcessPath
    # Under 'dotnet pwsh' (the repository's local tool) the process is dotnet and PowerShell is pwsh.dll in $PSHOME.
    [string[]] $prefix = if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' } else { @() }
    $saved = @{ HOME = $env:HOME; PSModulePath = $env:PSModulePath; XDG_DATA_HOME = $env:XDG_DATA_HOME; XDG_CONFIG_HOME = $env:XDG_CONFIG_HOME; XDG_CACHE_HOME = $env:XDG_CACHE_HOME }
    try {
        $env:HOME = $home_
        Remove-Item Env:PSModulePath, Env:XDG_DATA_HOME, Env:XDG_CONFIG_HOME, Env:XDG_CACHE_HOME -ErrorAction SilentlyContinue
        $output = & $pwsh @prefix -NoLogo -NoProfile -NonInteractive -File $script -ModulePath $ModulePath -Repository $repository -Snapshot $snapshot -DataFile $dataFile -Work $work 2>&1
        $exitCode = $LASTEXITCODE
    }
    finally {
        foreach ($name in $saved.Keys) {
            if ($null -eq $saved[$name]) { Remove-Item "Env:$name" -ErrorAction SilentlyContinue } else { Set-Item "Env:$name" $saved[$name] }
        }
    }
    $text = ($output | ForEach-Object { "$_" }) -join "`n"
    $result = $null
    $json = @($output | ForEach-Object { "$_" } | Where-Object { $_.StartsWith('{') }) | Select-Object -Last 1
    if ($json) { $result = $json | ConvertFrom-Json }
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Installing EksAdvisories from a PSResourceGet repository' {
    It 'publishes, installs by name and imports by name without an error' {
        $exitCode | Should-Be 0 -Because $text
        $result | Should-NotBeNull -Because $text
    }

    It 'publishes one EksAdvisories package of the module''s version' {
        $manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $ModulePath 'EksAdvisories.psd1')
        @($result.Package).Count | Should-Be 1
        $result.Package[0].Name | Should-BeString "EksAdvisories.$($manifest.ModuleVersion).nupkg"
        $result.Version | Should-BeString $manifest.ModuleVersion
    }

    It 'imports the installed copy under the temporary home, found by name' {
        $result.ModuleBase | Should-BeLikeString "$home_*"
        @($result.Installed) | Should-BeCollection @("EksAdvisories $($result.Version)")
    }

    It 'answers from each cmdlet of the installed module' {
        $result.Advisory | Should-BeString 'EKSA-2023-0001'
        $result.Verdict | Should-BeString 'Affected'
        $result.Node | Should-BeString 'Stuck'
        $result.Exported | Should-BeString 'x_EKSA-2023-0001'
    }
}
