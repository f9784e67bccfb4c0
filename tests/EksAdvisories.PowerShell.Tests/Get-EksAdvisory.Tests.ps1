# Get-EksAdvisory: the advisories, by id, from the embedded data or a data file.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    Import-Module $ModulePath -Force -ErrorAction Stop
    $advisoryFile = Join-Path $RepositoryRoot 'advisories/EKSA-2023-0001.json'
}

Describe 'Get-EksAdvisory' {
    It 'writes every advisory of the embedded data as the library type' {
        $all = @(Get-EksAdvisory)
        $all.Count | Should-Be ([EksAdvisories.AdvisoryCatalog]::Default.Advisories.Count)
        $all[0] | Should-HaveType ([EksAdvisories.Advisory])
    }

    It 'gets EKSA-2023-0001 with its corrected range and fix' {
        $advisory = Get-EksAdvisory -Id 'EKSA-2023-0001'
        $advisory.Id | Should-BeString 'EKSA-2023-0001'
        $advisory.Affected.Range.ToString() | Should-BeString '>=1.11.4-rc1 <1.12.5'
        "$($advisory.Remediation.FixedIn)" | Should-BeString 'v1.12.5'
        $advisory.AsPublished.RangeText | Should-BeString '>=1.11.3 <=1.12.2'
    }

    It 'finds <_> (case and surrounding blanks do not matter)' -ForEach @('eksa-2023-0001', ' EKSA-2023-0001 ') {
        (Get-EksAdvisory $_).Id | Should-BeString 'EKSA-2023-0001'
    }

    It 'accepts wildcards' {
        @(Get-EksAdvisory 'EKSA-2023-*').Id | Should-BeCollection @('EKSA-2023-0001')
    }

    It 'writes nothing, and no error, for a pattern that matches nothing' {
        $out = @(Get-EksAdvisory 'NOPE-*' -ErrorVariable errors)
        $out.Count | Should-Be 0
        $errors.Count | Should-Be 0
    }

    It 'takes ids from the pipeline' {
        ('EKSA-2023-0001' | Get-EksAdvisory).Id | Should-BeString 'EKSA-2023-0001'
    }

    It 'takes the AdvisoryId of a verdict from the pipeline' {
        (Test-EksAdvisory 'v1.12.2' | Get-EksAdvisory).Id | Should-BeString 'EKSA-2023-0001'
    }

    Context 'with an id no advisory has' {
        It 'writes an ObjectNotFound error naming the known ids, and still answers the other ids' {
            $out = @(Get-EksAdvisory -Id 'EKSA-1999-0001', 'EKSA-2023-0001' -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Id | Should-BeCollection @('EKSA-2023-0001')
            $errors.Count | Should-Be 1
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $errors[0].FullyQualifiedErrorId | Should-BeString 'AdvisoryNotFound,EksAdvisories.PowerShell.Commands.GetEksAdvisoryCommand'
            $errors[0].TargetObject | Should-BeString 'EKSA-1999-0001'
            $errors[0].Exception.Message | Should-BeLikeString "*'EKSA-1999-0001'*Known ids: EKSA-2023-0001*"
        }

        It 'throws with -ErrorAction Stop' {
            { Get-EksAdvisory -Id 'EKSA-1999-0001' -ErrorAction Stop } | Should-Throw -FullyQualifiedErrorId 'AdvisoryNotFound,*'
        }
    }

    Context 'with -DataPath' {
        It 'answers from the data file' {
            $advisory = Get-EksAdvisory -DataPath $advisoryFile
            $advisory.Id | Should-BeString 'EKSA-2023-0001'
            # A different catalog instance: the object came from the file, not from the embedded data.
            [object]::ReferenceEquals($advisory, (Get-EksAdvisory 'EKSA-2023-0001')) | Should-BeFalse
        }

        It 'resolves PowerShell paths, such as TestDrive: and paths relative to the current location' {
            Copy-Item -LiteralPath $advisoryFile -Destination 'TestDrive:/newer.json'
            (Get-EksAdvisory -DataPath 'TestDrive:/newer.json').Id | Should-BeString 'EKSA-2023-0001'
            Push-Location 'TestDrive:/'
            try { (Get-EksAdvisory -DataPath './newer.json').Id | Should-BeString 'EKSA-2023-0001' } finally { Pop-Location }
        }

        It 'ends with an ObjectNotFound error naming a missing file' {
            $missing = Join-Path $TestDrive 'missing.json'
            $err = { Get-EksAdvisory -DataPath $missing } | Should-Throw -FullyQualifiedErrorId 'DataFileNotFound,*'
            $err.CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $err.Exception.Message | Should-BeLikeString "*missing.json*"
        }

        It 'ends with an InvalidData error naming a file that is not advisory data' {
            Set-Content -LiteralPath 'TestDrive:/bad.json' -Value '{ "schemaVersion": "1.0.0" '
            $err = { Get-EksAdvisory -DataPath 'TestDrive:/bad.json' } | Should-Throw -FullyQualifiedErrorId 'DataFileInvalid,*'
            $err.CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidData)
            $err.Exception | Should-HaveType ([EksAdvisories.AdvisoryDataException])
            $err.Exception.Message | Should-BeLikeString '*bad.json*'
        }

        It 'refuses a path that is not a file system path' {
            $err = { Get-EksAdvisory -DataPath 'Env:PATH' } | Should-Throw -FullyQualifiedErrorId 'DataPathNotAFile,*'
            $err.CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        }
    }
}
