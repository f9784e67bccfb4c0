# The default table views of EksAdvisories.Format.ps1xml.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    # Plain text, so that the header line compares as words rather than escape sequences.
    $rendering = $PSStyle.OutputRendering
    $PSStyle.OutputRendering = 'PlainText'
    Import-Module $ModulePath -Force -ErrorAction Stop

    function Get-TableLine([Parameter(ValueFromPipeline)] $InputObject, [switch] $Default) {
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end {
            $text = if ($Default) { $items | Out-String -Width 400 } else { $items | Format-Table | Out-String -Width 400 }
            @($text -split "`r?`n" | Where-Object { $_.Trim() })
        }
    }
}

AfterAll {
    $PSStyle.OutputRendering = $rendering
}

Describe 'The Advisory table view' {
    It 'is registered for EksAdvisories.Advisory' {
        Get-FormatData -TypeName 'EksAdvisories.Advisory' | Should-NotBeNull
    }

    It 'has the headers Id, Title, Affected, FixedIn' {
        (Get-EksAdvisory | Get-TableLine)[0] | Should-MatchString '^Id\s+Title\s+Affected\s+FixedIn\s*$'
    }

    It 'shows the corrected range and the fixed version' {
        $row = (Get-EksAdvisory -Id EKSA-2023-0001 | Get-TableLine)[2]
        $row | Should-MatchString '^EKSA-2023-0001 '
        $row | Should-MatchString '>=1\.11\.4-rc1 <1\.12\.5'
        $row | Should-MatchString 'v1\.12\.5'
    }

    It 'is the default view' {
        (Get-EksAdvisory | Get-TableLine -Default)[0] | Should-MatchString '^Id\s+Title\s+Affected\s+FixedIn\s*$'
    }
}

Describe 'The AdvisoryVerdict table view' {
    It 'is registered for EksAdvisories.AdvisoryVerdict' {
        Get-FormatData -TypeName 'EksAdvisories.AdvisoryVerdict' | Should-NotBeNull
    }

    It 'has the headers Input, Status, AsPublished, Version, Reason' {
        ('v1.11.3' | Test-EksAdvisory | Get-TableLine)[0] | Should-MatchString '^Input\s+Status\s+AsPublished\s+Version\s+Reason\s*$'
    }

    It 'shows one row per input with both answers' {
        $lines = 'v1.11.3', 'v1.12.2-eksbuild.1' | Test-EksAdvisory | Get-TableLine
        $lines[2] | Should-MatchString '^v1\.11\.3\s+NotAffected\s+Affected\s+v1\.11\.3\s+v1\.11\.3 is outside'
        $lines[3] | Should-MatchString '^v1\.12\.2-eksbuild\.1\s+Affected\s+Affected\s+v1\.12\.2-eksbuild\.1\s+'
    }

    It 'is the default view' {
        (Test-EksAdvisory 'v1.11.3' | Get-TableLine -Default)[0] | Should-MatchString '^Input\s+Status\s+AsPublished\s+Version\s+Reason\s*$'
    }
}

Describe 'The ReconcileReport views' {
    BeforeAll {
        $snapshots = (Resolve-Path (Join-Path $RepositoryRoot 'samples/snapshots')).ProviderPath
    }

    It 'are registered for EksAdvisories.Ipamd.ReconcileReport: a table and a list' {
        $views = (Get-FormatData -TypeName 'EksAdvisories.Ipamd.ReconcileReport').FormatViewDefinition
        @($views | ForEach-Object { $_.Control.GetType().Name } | Sort-Object) | Should-BeCollection @('ListControl', 'TableControl')
    }

    It 'is by default a table grouped by folder, with the headers Snapshot, Verdict, CniVersion, AdvisoryStatus, Findings' {
        $lines = Get-ChildItem -LiteralPath $snapshots -Directory | Sort-Object Name | Test-IpamdReconcile | Get-TableLine -Default
        $lines[0] | Should-MatchString "^\s*Directory: $([regex]::Escape($snapshots))\s*$"
        $lines[1] | Should-MatchString '^Snapshot\s+Verdict\s+CniVersion\s+AdvisoryStatus\s+Findings\s*$'
    }

    It 'shows one row per snapshot: folder name, verdict, version, advisory status, number of findings' {
        $lines = Get-ChildItem -LiteralPath $snapshots -Directory | Sort-Object Name | Test-IpamdReconcile | Get-TableLine
        $rows = $lines | Select-Object -Skip 3
        $rows[0] | Should-MatchString '^at-risk\s+AtRisk\s+v1\.12\.2-eksbuild\.1\s+Affected\s+\d+$'
        $rows[1] | Should-MatchString '^in-sync\s+InSync\s+v1\.12\.6-eksbuild\.2\s+NotAffected\s+0$'
        $rows[3] | Should-MatchString "^stuck-affected\s+Stuck\s+v1\.12\.2-eksbuild\.1\s+Affected\s+$((Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected')).Findings.Count)$"
    }

    It 'shows the whole report with Format-List, one finding per line' {
        $text = Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected') | Format-List | Out-String -Width 400
        $text | Should-MatchString "(?m)^Path\s+: $([regex]::Escape((Join-Path $snapshots 'stuck-affected')))"
        $text | Should-MatchString '(?m)^Verdict\s+: Stuck'
        $text | Should-MatchString '(?m)^Findings\s+: IPAMD001 Error eni-0b2c3d4e5f6071829: '
        $text | Should-MatchString '(?m)^\s+IPAMD003 '
        $text | Should-MatchString '(?m)^Outcomes\s+: PreRegression \(CurrentDatastore\): '
        $text | Should-MatchString '(?m)^Action\s+: Upgrade'
    }

    It 'shows findings as a table: Code, Severity, EniId, Message' {
        $report = Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected')
        ($report.Findings | Get-TableLine -Default)[0] | Should-MatchString '^Code\s+Severity\s+EniId\s+Message\s*$'
    }

    It 'shows model outcomes as a table: Behavior, Start, Recovers, RecoveredAfter, Summary' {
        $report = Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected')
        ($report.Outcomes | Get-TableLine -Default)[0] | Should-MatchString '^Behavior\s+Start\s+Recovers\s+RecoveredAfter\s+Summary\s*$'
    }
}
