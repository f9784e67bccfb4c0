# The catalog's later advisories through the module: EKSA-2023-0002 (v1.15.0), EKSA-2024-0001 (v1.16.3) and
# EKSA-2026-0001 (v1.22.0 - v1.22.1), every advisory answering at once, and records without published text.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    Import-Module $ModulePath -Force -ErrorAction Stop
}

Describe 'The later advisories' {
    It 'Get-EksAdvisory lists every advisory in id order' {
        @(Get-EksAdvisory).Id | Should-BeCollection @('EKSA-2023-0001', 'EKSA-2023-0002', 'EKSA-2024-0001', 'EKSA-2026-0001')
    }

    It '<Id> has no published text to correct' -ForEach @(@{ Id = 'EKSA-2023-0002' }, @{ Id = 'EKSA-2024-0001' }, @{ Id = 'EKSA-2026-0001' }) {
        $advisory = Get-EksAdvisory $Id
        $advisory.AsPublished | Should-BeNull
        $advisory.Corrections.Count | Should-Be 0
    }

    It 'exports <Id> as OSV, Markdown and JSON' -ForEach @(@{ Id = 'EKSA-2023-0002' }, @{ Id = 'EKSA-2024-0001' }, @{ Id = 'EKSA-2026-0001' }) {
        (Export-EksAdvisory $Id -Format Osv | ConvertFrom-Json).id | Should-BeString "x_$Id"
        Export-EksAdvisory $Id -Format Markdown | Should-MatchString "^# ${Id}: "
        (Export-EksAdvisory $Id -Format Json | ConvertFrom-Json).id | Should-BeString $Id
    }

    It 'answers <Version> with <Affected> affected' -ForEach @(
        @{ Version = 'v1.16.3-eksbuild.2'; Affected = 'EKSA-2024-0001' }
        @{ Version = 'v1.22.1-eksbuild.2'; Affected = 'EKSA-2026-0001' }
        @{ Version = 'v1.15.0-eksbuild.2'; Affected = 'EKSA-2023-0002' }
        @{ Version = 'v1.12.2-eksbuild.1'; Affected = 'EKSA-2023-0001' }
    ) {
        $verdicts = @(Test-EksAdvisory $Version)
        $verdicts.AdvisoryId | Should-BeCollection @('EKSA-2023-0001', 'EKSA-2023-0002', 'EKSA-2024-0001', 'EKSA-2026-0001')
        @($verdicts | Where-Object Status -eq Affected).AdvisoryId | Should-BeCollection @($Affected)
    }

    It 'names what would clear EKSA-2026-0001 when the aws-node settings are not given' {
        $verdict = Test-EksAdvisory 'v1.22.1-eksbuild.2' -Id EKSA-2026-0001
        $verdict.Status | Should-Be ([EksAdvisories.AffectedStatus]::Affected)
        $verdict.Reason | Should-BeLikeString '*ENABLE_SUBNET_DISCOVERY=false*'
        $verdict.Action.UpgradeTo.ToString() | Should-BeString 'v1.22.2'
    }
}
