# The README's PowerShell examples run as written, with stand-ins for the aws and kubectl commands a cluster would answer.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    $root = (Resolve-Path $RepositoryRoot).ProviderPath
    $readme = (Get-Content -Raw (Join-Path $root 'README.md')) -replace "`r`n", "`n"
    $section = [regex]::Match($readme, '(?ms)^## PowerShell\n(.*?)(?=^## )').Groups[1].Value
    $blocks = [regex]::Matches($section, '(?ms)^```powershell\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
    # The first block builds and imports the module; the second is the tour of the cmdlets.
    $tour = $blocks[1]

    # The examples use paths relative to the repository root and write export files into the current folder.
    $work = Join-Path $TestDrive 'repo'
    New-Item -ItemType Directory -Path $work | Out-Null
    Copy-Item -Recurse (Join-Path $root 'samples') (Join-Path $work 'samples')
    Copy-Item -Recurse (Join-Path $root 'advisories') (Join-Path $work 'advisories')
}

Describe 'README PowerShell examples' {
    It 'has the build-and-import block and the tour block' {
        $blocks.Count | Should-BeGreaterThanOrEqual 2
        $blocks[0] | Should-BeLikeString '*Import-Module ./artifacts/module/Release/EksAdvisories*'
    }

    It 'runs the tour end to end and every example produces what its comment says' {
        $script = @"
Import-Module '$ModulePath' -Force
function aws { '{"addon":{"addonName":"vpc-cni","clusterName":"my-cluster","addonVersion":"v1.12.2-eksbuild.1","status":"ACTIVE"}}' }
function kubectl { '{"kind":"DaemonSet","spec":{"template":{"spec":{"containers":[{"name":"aws-node","image":"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1"},{"name":"aws-eks-nodeagent","image":"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon/aws-network-policy-agent:v1.0.4-eksbuild.1"}]}}}}' }
Set-Location '$work'
`$ErrorActionPreference = 'Stop'
$tour
"@
        # A runspace of its own, so the examples' Set-Location and stand-in functions do not leak into other tests.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript($script)
            $results = $shell.Invoke()
            $errors = @($shell.Streams.Error) + @(if ($shell.InvocationStateInfo.Reason) { $shell.InvocationStateInfo.Reason })
            ($errors | Out-String) | Should-BeEmptyString
            $output = $results | Out-String -Width 300
        } finally {
            $shell.Dispose()
        }

        $output | Should-BeLikeString '*EKSA-2023-0001*'
        $output | Should-BeLikeString '*Affected*'
        $output | Should-BeLikeString '*NotAffected*'
        $output | Should-BeLikeString '*Stuck*'
        $output | Should-BeLikeString '*v1.12.5*'
        Test-Path (Join-Path $work 'EKSA-2023-0001.json') | Should-BeTrue
        Test-Path (Join-Path $work 'x_EKSA-2023-0001.json') | Should-BeFalse    # -WhatIf writes nothing
    }
}
