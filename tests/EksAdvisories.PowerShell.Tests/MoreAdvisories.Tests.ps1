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

Describe 'Test-EksAdvisory with cluster documents' {
    BeforeAll {
        $samples = (Resolve-Path (Join-Path $RepositoryRoot 'samples/addon-versions')).ProviderPath
        $dsPath = Join-Path $TestDrive 'aws-node.json'
        Set-Content -LiteralPath $dsPath -Value '{"kind":"DaemonSet","spec":{"template":{"spec":{"containers":[{"name":"aws-node","image":"602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.22.1-eksbuild.2","env":[{"name":"ENABLE_SUBNET_DISCOVERY","value":"false"}]}]}}}}'
    }

    It 'writes the add-on build choice after the verdicts with -AddonVersionsPath' {
        $out = @(Test-EksAdvisory 'v1.22.1-eksbuild.2' -KubernetesVersion 1.33 -AddonVersionsPath (Join-Path $samples 'vpc-cni-kubernetes-1.33.json'))
        $out.Count | Should-Be 5
        $choice = $out[-1]
        $choice | Should-HaveType ([EksAdvisories.AddonBuildChoice])
        $choice.LowestClear.Version.ToString() | Should-BeString 'v1.22.2-eksbuild.1'
        $choice.IsDefaultAffected | Should-BeTrue
        $choice.DefaultCoveredBy | Should-BeCollection @('EKSA-2026-0001')
    }

    It 'judges EKSA-2026-0001 with the DaemonSet settings: subnet discovery off clears it' {
        $verdict = Test-EksAdvisory 'v1.22.1-eksbuild.2' -Id EKSA-2026-0001 -AwsNodeDaemonSetPath $dsPath
        $verdict.Status | Should-Be ([EksAdvisories.AffectedStatus]::NotAffected)
        $verdict.Reason | Should-BeLikeString '*ENABLE_SUBNET_DISCOVERY=false*'
    }

    It 'stops with InvalidData naming the file for a document of the wrong shape' {
        $bad = Join-Path $TestDrive 'bad.json'
        Set-Content -LiteralPath $bad -Value '{"addons":[{"addonName":"coredns","addonVersions":[]}]}'
        { Test-EksAdvisory 'v1.22.1' -AddonVersionsPath $bad } | Should-Throw -FullyQualifiedErrorId 'AddonVersionsInvalid,*'
    }
}
