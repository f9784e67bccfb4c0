<#
.SYNOPSIS
    Runs the Pester suite of the EksAdvisories PowerShell module against the built module folder.

.DESCRIPTION
    Imports Pester from the NuGet package folder (the version in Directory.Packages.props, downloaded by restoring
    EksAdvisories.PowerShell.Tests.csproj), runs every *.Tests.ps1 beside this script with the module folder
    artifacts/module/<Configuration>/EksAdvisories, writes "<passed> <failed>" to -SummaryPath and exits 1 when a test,
    a block or a file failed, or when no test ran. tests/run-all.sh calls it after building the solution.

.EXAMPLE
    dotnet build EksAdvisories.sln -c Release
    dotnet pwsh -NoProfile -File tests/EksAdvisories.PowerShell.Tests/run-pester.ps1 -SummaryPath pester.txt
#>
[CmdletBinding()]
param(
    # The build configuration whose module folder is tested.
    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # A file to receive one line "<passed> <failed>"; tests/run-all.sh adds these counts to its total.
    [string] $SummaryPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$resultsDir = Join-Path $root 'artifacts/test-results'

function Write-Summary([int] $Passed, [int] $Failed) {
    if ($SummaryPath) {
        $dir = Split-Path -Parent ([System.IO.Path]::GetFullPath($SummaryPath))
        if ($dir) { New-Item -ItemType Directory -Force -Path $dir | Out-Null }
        Set-Content -LiteralPath $SummaryPath -Value "$Passed $Failed" -Encoding utf8NoBOM
    }
}

# A setup problem is reported as one failure, so that the caller's total cannot read as green.
function Stop-Setup([string] $Message) {
    Write-Host "run-pester: $Message" -ForegroundColor Red
    Write-Summary 0 1
    exit 1
}

$modulePath = Join-Path $root "artifacts/module/$Configuration/EksAdvisories"
if (-not (Test-Path (Join-Path $modulePath 'EksAdvisories.psd1'))) {
    Stop-Setup "no module folder at $modulePath; build first: dotnet build EksAdvisories.sln -c $Configuration"
}

# The Pester version is read from Directory.Packages.props, where the PackageDownload that fetches it takes it from.
[xml] $packagesProps = Get-Content -Raw -LiteralPath (Join-Path $root 'Directory.Packages.props')
$pesterVersion = @($packagesProps.Project.PropertyGroup | ForEach-Object { $_['PesterVersion'] } | Where-Object { $_ })[0].InnerText
if (-not $pesterVersion) { Stop-Setup 'Directory.Packages.props defines no PesterVersion' }

$packageRoot = $env:NUGET_PACKAGES
if (-not $packageRoot) {
    # "global-packages: /root/.nuget/packages/" is the documented output of this command.
    $line = & dotnet nuget locals global-packages --list 2>$null | Where-Object { $_ -match '^global-packages:\s*(.+)$' } | Select-Object -First 1
    if ($line -match '^global-packages:\s*(.+)$') { $packageRoot = $Matches[1].Trim() }
}
if (-not $packageRoot) { Stop-Setup 'cannot find the NuGet global packages folder (set NUGET_PACKAGES)' }

$pesterManifest = Join-Path $packageRoot "pester/$pesterVersion/tools/Pester.psd1"
if (-not (Test-Path -LiteralPath $pesterManifest)) {
    Stop-Setup "Pester $pesterVersion is not at $pesterManifest; restore it: dotnet restore tests/EksAdvisories.PowerShell.Tests"
}

# Another Pester (an older one on PSModulePath) must not answer for this one.
Get-Module Pester | Remove-Module -Force
Import-Module -Name $pesterManifest -Force
$loaded = (Get-Module Pester).Version
Write-Host "run-pester: Pester $loaded from $pesterManifest; module under test: $modulePath"

$testFiles = @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.Tests.ps1' | Sort-Object Name)
if ($testFiles.Count -eq 0) { Stop-Setup "no *.Tests.ps1 in $PSScriptRoot" }
$containers = foreach ($file in $testFiles) {
    New-PesterContainer -Path $file.FullName -Data @{ ModulePath = $modulePath; RepositoryRoot = $root }
}

New-Item -ItemType Directory -Force -Path $resultsDir | Out-Null
$config = New-PesterConfiguration
$config.Run.Container = $containers
$config.Run.PassThru = $true
# The exit code is decided below from the counts: plain Invoke-Pester exits 0 on failures, and Run.Exit would exit
# before the summary file is written.
$config.Run.Exit = $false
$config.Run.Throw = $false
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $resultsDir 'pester-results.xml'

$result = Invoke-Pester -Configuration $config

# A failure in BeforeAll or in a file itself fails no test, yet it must fail the run.
$passed = [int] $result.PassedCount
$failed = [int] $result.FailedCount + [int] $result.FailedBlocksCount + [int] $result.FailedContainersCount
Write-Summary $passed $failed
Write-Host ("run-pester: {0} passed, {1} failed ({2} failed blocks, {3} failed files), {4} skipped, {5} not run" -f `
        $passed, $failed, $result.FailedBlocksCount, $result.FailedContainersCount, $result.SkippedCount, $result.NotRunCount)

if ($failed -gt 0 -or $result.Result -ne 'Passed') { exit 1 }
if ($passed -eq 0) {
    Write-Host 'run-pester: no test ran' -ForegroundColor Red
    exit 1
}
exit 0
