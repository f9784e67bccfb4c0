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
        $lines[2] | Should-MatchString '^v1\.11\.3\s+NotAffected\s+Affected\s+1\.11\.3\s+v1\.11\.3 is outside'
        $lines[3] | Should-MatchString '^v1\.12\.2-eksbuild\.1\s+Affected\s+Affected\s+1\.12\.2-eksbuild\.1\s+'
    }

    It 'is the default view' {
        (Test-EksAdvisory 'v1.11.3' | Get-TableLine -Default)[0] | Should-MatchString '^Input\s+Status\s+AsPublished\s+Version\s+Reason\s*$'
    }
}
