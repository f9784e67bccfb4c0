# Export-EksAdvisory: OSV, Markdown and JSON, to the pipeline or into a file, with PowerShell's file semantics.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    Import-Module $ModulePath -Force -ErrorAction Stop
    $advisoryFile = Join-Path $RepositoryRoot 'advisories/EKSA-2023-0001.json'
    $catalog = [EksAdvisories.AdvisoryCatalog]::Default
    $advisory = $catalog.Get('EKSA-2023-0001')
    $expectedOsv = [EksAdvisories.AdvisoryExport]::ToOsvJson($advisory, $catalog.DataVersion)

    # The bytes of a file, to compare with what the exporter returned: the text, one final line feed, no BOM.
    function Get-FileText([string] $Path) {
        $bytes = [System.IO.File]::ReadAllBytes($Path)
        $bom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
        [pscustomobject]@{ HasBom = $bom; Text = [System.Text.UTF8Encoding]::new($false).GetString($bytes) }
    }
}

Describe 'Export-EksAdvisory' {
    Context 'to the pipeline' {
        It 'writes the OSV record as one string: id x_EKSA-2023-0001, schema_version, the SEMVER range' {
            $out = @(Export-EksAdvisory -Id 'EKSA-2023-0001' -Format Osv)
            $out.Count | Should-Be 1
            $out[0] | Should-HaveType ([string])
            $osv = $out[0] | ConvertFrom-Json
            $osv.id | Should-BeString 'x_EKSA-2023-0001'
            $osv.schema_version | Should-BeString '1.7.0'
            $osv.affected[0].package.ecosystem | Should-BeString 'Go'
            $osv.affected[0].package.name | Should-BeString 'github.com/aws/amazon-vpc-cni-k8s'
            $range = $osv.affected[0].ranges[0]
            $range.type | Should-BeString 'SEMVER'
            $range.events[0].introduced | Should-BeString '1.11.4-rc1'
            $range.events[1].fixed | Should-BeString '1.12.5'
        }

        It 'writes exactly what the library exports, with the data version of the catalog' {
            $osvText = Export-EksAdvisory 'EKSA-2023-0001' Osv
            [string]::Equals($osvText, $expectedOsv, [System.StringComparison]::Ordinal) | Should-BeTrue
            ($osvText | ConvertFrom-Json).database_specific.data_version | Should-BeString $catalog.DataVersion
        }

        It 'writes the Markdown document with the fixed release and the Kubernetes 1.26 caveat' {
            $markdown = Export-EksAdvisory -Id 'EKSA-2023-0001' -Format Markdown
            $markdown | Should-HaveType ([string])
            $markdown | Should-MatchString '^# EKSA-2023-0001: '
            $markdown | Should-MatchString 'v1\.12\.5'
            $markdown | Should-MatchString 'Not on Kubernetes 1\.26 or later'
        }

        It 'writes the data-format JSON that Get-EksAdvisory -DataPath reads back to the same advisory' {
            $json = Export-EksAdvisory -Id 'EKSA-2023-0001' -Format Json
            Set-Content -LiteralPath 'TestDrive:/roundtrip.json' -Value $json -NoNewline -Encoding utf8NoBOM
            $back = Get-EksAdvisory -DataPath 'TestDrive:/roundtrip.json'
            $back.Id | Should-BeString 'EKSA-2023-0001'
            $back.Revision | Should-Be $advisory.Revision
            $back.Affected.Range.ToString() | Should-BeString '>=1.11.4-rc1 <1.12.5'
            "$($back.Remediation.FixedIn)" | Should-BeString 'v1.12.5'
            $back.Corrections.Count | Should-Be $advisory.Corrections.Count
            # Nothing lost on the way: exporting the read-back advisory gives the same text.
            [string]::Equals([EksAdvisories.AdvisoryExport]::ToJson($back), $json, [System.StringComparison]::Ordinal) | Should-BeTrue
        }

        It 'accepts the format in any case (<_>)' -ForEach @('osv', 'OSV') {
            (Export-EksAdvisory 'EKSA-2023-0001' -Format $_ | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
        }

        It 'finds the id in any case and with blanks around it' {
            (Export-EksAdvisory ' eksa-2023-0001 ' -Format Osv | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
        }

        It 'exports from a -DataPath file, recording that catalog''s data version' {
            $fileVersion = [EksAdvisories.AdvisoryCatalog]::LoadFile($advisoryFile).DataVersion
            $osv = Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -DataPath $advisoryFile | ConvertFrom-Json
            $osv.database_specific.data_version | Should-BeString $fileVersion
        }
    }

    Context 'from the pipeline' {
        It 'takes the advisories of Get-EksAdvisory (Id property)' {
            $out = @(Get-EksAdvisory | Export-EksAdvisory -Format Markdown)
            $out.Count | Should-Be $catalog.Advisories.Count
            $out[0] | Should-MatchString '^# EKSA-2023-0001: '
        }

        It 'takes ids as strings' {
            ('EKSA-2023-0001' | Export-EksAdvisory -Format Osv | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
        }

        It 'takes the AdvisoryId of a verdict of Test-EksAdvisory' {
            (Test-EksAdvisory 'v1.12.2-eksbuild.1' | Export-EksAdvisory -Format Osv | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
        }

        It 'takes an AdvisoryId property of any object' {
            ([pscustomobject]@{ AdvisoryId = 'EKSA-2023-0001' } | Export-EksAdvisory -Format Json | ConvertFrom-Json).id | Should-BeString 'EKSA-2023-0001'
        }
    }

    Context 'with -Path' {
        BeforeEach {
            $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
            New-Item -ItemType Directory -Path $dir | Out-Null
        }

        It 'writes the file relative to the PowerShell location, not the process directory, and outputs nothing' {
            $processDir = [System.Environment]::CurrentDirectory
            Push-Location -LiteralPath $dir
            try {
                $out = @(Export-EksAdvisory -Id 'EKSA-2023-0001' -Format Osv -Path 'x_EKSA-2023-0001.json')
            }
            finally { Pop-Location }
            $out.Count | Should-Be 0
            Test-Path -LiteralPath (Join-Path $dir 'x_EKSA-2023-0001.json') | Should-BeTrue
            $processDir | Should-NotBe $dir -Because 'Push-Location does not change the process directory, so the test tells the two apart'
            Test-Path -LiteralPath (Join-Path $processDir 'x_EKSA-2023-0001.json') | Should-BeFalse
        }

        It 'writes <Format> as UTF-8 without BOM: the exported text and one final line feed' -ForEach @(
            @{ Format = 'Osv' }, @{ Format = 'Markdown' }, @{ Format = 'Json' }
        ) {
            $text = Export-EksAdvisory 'EKSA-2023-0001' -Format $Format
            $file = Join-Path $dir "out.$Format"
            Export-EksAdvisory 'EKSA-2023-0001' -Format $Format -Path $file
            $written = Get-FileText $file
            $written.HasBom | Should-BeFalse
            $expected = if ($text.EndsWith("`n")) { $text } else { $text + "`n" }
            [string]::Equals($written.Text, $expected, [System.StringComparison]::Ordinal) | Should-BeTrue
            $written.Text.Contains("`r") | Should-BeFalse
        }

        It 'accepts PowerShell drive paths such as TestDrive:' {
            Export-EksAdvisory 'EKSA-2023-0001' -Format Json -Path 'TestDrive:/drive.json'
            (Get-EksAdvisory -DataPath (Join-Path $TestDrive 'drive.json')).Id | Should-BeString 'EKSA-2023-0001'
        }

        It 'takes the path literally: wildcard characters are part of the name' {
            Push-Location -LiteralPath $dir
            try { Export-EksAdvisory 'EKSA-2023-0001' -Format Markdown -Path 'advisory[1].md' } finally { Pop-Location }
            Test-Path -LiteralPath (Join-Path $dir 'advisory[1].md') | Should-BeTrue
        }

        It 'outputs the FileInfo with -PassThru' {
            $file = Join-Path $dir 'passthru.md'
            $out = Export-EksAdvisory 'EKSA-2023-0001' -Format Markdown -Path $file -PassThru
            $out | Should-HaveType ([System.IO.FileInfo])
            $out.FullName | Should-BeString $file
            $out.Length | Should-BeGreaterThan 0
            $out.PSPath | Should-BeLikeString '*FileSystem::*passthru.md'
        }

        It 'writes nothing, and outputs nothing, with -WhatIf' {
            $file = Join-Path $dir 'whatif.json'
            $out = @(Get-EksAdvisory 'EKSA-2023-0001' | Export-EksAdvisory -Format Osv -Path $file -WhatIf)
            $out.Count | Should-Be 0
            Test-Path -LiteralPath $file | Should-BeFalse
        }

        It 'leaves an existing file unchanged with -WhatIf' {
            $file = Join-Path $dir 'keep.json'
            Set-Content -LiteralPath $file -Value 'old' -NoNewline
            Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $file -WhatIf
            Get-Content -Raw -LiteralPath $file | Should-BeString 'old'
        }

        It 'overwrites an existing, longer file by default, as Export-Csv and Out-File do' {
            $file = Join-Path $dir 'existing.json'
            Set-Content -LiteralPath $file -Value ('x' * 50000)
            Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $file
            ((Get-FileText $file).Text | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
        }

        It 'leaves an existing file as it is with -NoClobber: a ResourceExists error naming it' {
            $file = Join-Path $dir 'noclobber.json'
            Set-Content -LiteralPath $file -Value 'old' -NoNewline
            $out = @(Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $file -NoClobber -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Count | Should-Be 0
            Get-Content -Raw -LiteralPath $file | Should-BeString 'old'
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeString 'FileExists,EksAdvisories.PowerShell.Commands.ExportEksAdvisoryCommand'
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::ResourceExists)
            $errors[0].TargetObject | Should-BeString $file
            $errors[0].Exception.Message | Should-BeLikeString "*$file*"
        }

        It 'writes a new file with -NoClobber' {
            $file = Join-Path $dir 'new.json'
            Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $file -NoClobber
            Test-Path -LiteralPath $file | Should-BeTrue
        }

        It 'refuses a read-only file without -Force (for root too), and overwrites it with -Force keeping it read-only' {
            $file = Join-Path $dir 'readonly.json'
            Set-Content -LiteralPath $file -Value 'old' -NoNewline
            (Get-Item -LiteralPath $file).IsReadOnly = $true
            try {
                Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $file -ErrorVariable errors -ErrorAction SilentlyContinue
                $errors.Count | Should-Be 1
                $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'FileReadOnly,*'
                $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::PermissionDenied)
                Get-Content -Raw -LiteralPath $file | Should-BeString 'old'

                Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $file -Force
                ((Get-FileText $file).Text | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
                (Get-Item -LiteralPath $file).IsReadOnly | Should-BeTrue
            }
            finally { (Get-Item -LiteralPath $file).IsReadOnly = $false }
        }

        It 'writes an ObjectNotFound error naming a missing folder' {
            $file = Join-Path $dir 'no/such/folder/x.json'
            Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $file -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'DirectoryNotFound,*'
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $errors[0].Exception.Message | Should-BeLikeString "*$([System.IO.Path]::GetDirectoryName($file))*"
        }

        It 'writes an InvalidArgument error for a folder' {
            Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path $dir -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'PathIsDirectory,*'
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        }

        It 'writes one advisory per file: a second input for the same -Path is an error, not an overwrite' {
            $file = Join-Path $dir 'one.json'
            'EKSA-2023-0001', 'eksa-2023-0001' | Export-EksAdvisory -Format Osv -Path $file -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'PathAlreadyUsed,*'
            $errors[0].Exception.Message | Should-BeLikeString '*ForEach-Object*'
            ((Get-FileText $file).Text | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
        }

        It 'ends the command for a path of another provider' {
            $err = { Export-EksAdvisory 'EKSA-2023-0001' -Format Osv -Path 'Env:EKSA_EXPORT' } | Should-Throw -FullyQualifiedErrorId 'PathNotAFile,*'
            $err.CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
            Test-Path 'Env:EKSA_EXPORT' | Should-BeFalse
        }

        It 'has -<_> only with -Path (parameter set ToFile)' -ForEach @('Force', 'NoClobber', 'PassThru') {
            # Checked on the metadata: invoking without -Path would prompt for the mandatory -Path in an interactive session.
            @((Get-Command Export-EksAdvisory).Parameters[$_].ParameterSets.Keys) | Should-BeCollection @('ToFile')
        }
    }

    Context 'with bad input' {
        It 'writes an ObjectNotFound error listing the known ids for an unknown id, and still exports the others' {
            $out = @('EKSA-1999-0001', 'EKSA-2023-0001' | Export-EksAdvisory -Format Osv -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Count | Should-Be 1
            ($out[0] | ConvertFrom-Json).id | Should-BeString 'x_EKSA-2023-0001'
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeString 'AdvisoryNotFound,EksAdvisories.PowerShell.Commands.ExportEksAdvisoryCommand'
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $errors[0].TargetObject | Should-BeString 'EKSA-1999-0001'
            $errors[0].Exception.Message | Should-BeLikeString "*'EKSA-1999-0001'*Known ids: EKSA-2023-0001*"
        }

        It 'writes no file for an unknown id' {
            Export-EksAdvisory 'EKSA-1999-0001' -Format Osv -Path 'TestDrive:/unknown.json' -ErrorAction SilentlyContinue
            Test-Path 'TestDrive:/unknown.json' | Should-BeFalse
        }

        It 'throws for an unknown id with -ErrorAction Stop' {
            { Export-EksAdvisory 'EKSA-1999-0001' -Format Osv -ErrorAction Stop } | Should-Throw -FullyQualifiedErrorId 'AdvisoryNotFound,*'
        }

        It 'refuses a format it does not know with a parameter validation error' {
            $err = { Export-EksAdvisory 'EKSA-2023-0001' -Format Yaml } | Should-Throw -FullyQualifiedErrorId 'ParameterArgumentValidationError,*'
            $err.Exception.Message | Should-BeLikeString '*Osv,Markdown,Json*'
        }

        It 'refuses an empty id with a parameter validation error' {
            { Export-EksAdvisory '' -Format Osv } | Should-Throw -FullyQualifiedErrorId 'ParameterArgumentValidationError*'
        }

        It 'requires -Id and -Format' {
            $parameters = (Get-Command Export-EksAdvisory).Parameters
            @($parameters['Id'].ParameterSets.Values.IsMandatory) | Should-BeCollection @($true)
            @($parameters['Format'].ParameterSets.Values.IsMandatory) | Should-BeCollection @($true)
        }
    }
}
