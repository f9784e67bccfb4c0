# Test-IpamdReconcile: the reference checker on snapshot folders, from paths, the pipeline and Get-ChildItem.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeDiscovery {
    # The verdicts the checker's own tests (tests/EksAdvisories.Tests/Ipamd/SampleSnapshotTests.cs) assert for each sample.
    $samples = @(
        @{ Name = 'in-sync'; Verdict = 'InSync'; CniVersion = 'v1.12.6-eksbuild.2'; AdvisoryStatus = 'NotAffected' }
        @{ Name = 'stuck-affected'; Verdict = 'Stuck'; CniVersion = 'v1.12.2-eksbuild.1'; AdvisoryStatus = 'Affected' }
        @{ Name = 'stuck-fixed'; Verdict = 'Drifted'; CniVersion = 'v1.12.5-eksbuild.1'; AdvisoryStatus = 'NotAffected' }
        @{ Name = 'at-risk'; Verdict = 'AtRisk'; CniVersion = 'v1.12.2-eksbuild.1'; AdvisoryStatus = 'Affected' }
        @{ Name = 'prefix-delegation'; Verdict = 'Stuck'; CniVersion = 'v1.12.0-eksbuild.1'; AdvisoryStatus = 'Affected' }
    )
}

BeforeAll {
    Import-Module $ModulePath -Force -ErrorAction Stop
    $snapshots = (Resolve-Path (Join-Path $RepositoryRoot 'samples/snapshots')).ProviderPath

    # A copy of a sample in TestDrive, so that a test can break one of its files.
    function New-SnapshotCopy([string] $Sample, [string] $Name) {
        $dir = Join-Path $TestDrive $Name
        New-Item -ItemType Directory -Path $dir | Out-Null
        Copy-Item -Path (Join-Path $snapshots "$Sample/*") -Destination $dir
        $dir
    }
}

Describe 'Test-IpamdReconcile' {
    Context 'on the example snapshot <Name>' -ForEach $samples {
        BeforeAll {
            $report = Test-IpamdReconcile -Path (Join-Path $snapshots $Name)
        }

        It 'writes one EksAdvisories.Ipamd.ReconcileReport' {
            @($report).Count | Should-Be 1
            $report | Should-HaveType ([EksAdvisories.Ipamd.ReconcileReport])
        }

        It 'gets the verdict <Verdict>' {
            $report.Verdict | Should-Be ([EksAdvisories.Ipamd.ReconcileVerdict] $Verdict)
        }

        It 'reads the CNI version <CniVersion>, <AdvisoryStatus> by the advisory' {
            $report.CniVersion | Should-BeString $CniVersion
            $report.AdvisoryStatus | Should-Be ([EksAdvisories.AffectedStatus] $AdvisoryStatus)
        }

        It 'has the library''s Findings and Outcomes, and the folder as Path' {
            $report.PSObject.Properties.Name | Should-ContainCollection 'Findings'
            # The model runs only where the views disagree (checker issue 8), so an in-sync node has no outcomes.
            $report.PSObject.Properties.Name | Should-ContainCollection 'Outcomes'
            $report.Path | Should-BeString (Join-Path $snapshots $Name)
        }

        It 'gives the same report as the library called directly' {
            $direct = [EksAdvisories.Ipamd.IpamdReconcileChecker]::Check([EksAdvisories.Ipamd.NodeSnapshot]::Load((Join-Path $snapshots $Name)))
            $report.ToJson() | Should-BeString $direct.ToJson()
        }
    }

    Context 'findings of stuck-affected' {
        It 'names the ENI and the four addresses missing from the datastore (IPAMD001)' {
            $report = Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected')
            $missing = @($report.Findings | Where-Object Code -eq 'IPAMD001')
            $missing.Count | Should-Be 1
            $missing[0].EniId | Should-BeString 'eni-0b2c3d4e5f6071829'
            $missing[0].Addresses | Should-BeCollection @('10.0.2.26', '10.0.2.27', '10.0.2.28', '10.0.2.29')
            ($report.Outcomes | Where-Object Behavior -eq 'Affected').Recovers | Should-BeFalse
            ($report.Outcomes | Where-Object Behavior -eq 'Fixed').Recovers | Should-BeTrue
        }
    }

    Context 'paths' {
        # The sample table is discovery data; -ForEach hands it to the run.
        It 'takes every example snapshot from Get-ChildItem -Directory, in order' -ForEach @(@{ Samples = $samples }) {
            $reports = @(Get-ChildItem -LiteralPath $snapshots -Directory | Sort-Object Name | Test-IpamdReconcile)
            $expected = @($Samples | Sort-Object { $_.Name })
            $reports.Count | Should-Be $expected.Count
            $reports | ForEach-Object { Split-Path -Leaf $_.Path } | Should-BeCollection @($expected | ForEach-Object { $_.Name })
            $reports | ForEach-Object { "$($_.Verdict)" } | Should-BeCollection @($expected | ForEach-Object { $_.Verdict })
        }

        It 'takes a folder from Get-Item (PSPath, FullName) and from Resolve-Path (Path)' {
            (Get-Item -LiteralPath (Join-Path $snapshots 'in-sync') | Test-IpamdReconcile).Verdict | Should-Be ([EksAdvisories.Ipamd.ReconcileVerdict]::InSync)
            (Resolve-Path -LiteralPath (Join-Path $snapshots 'at-risk') | Test-IpamdReconcile).Verdict | Should-Be ([EksAdvisories.Ipamd.ReconcileVerdict]::AtRisk)
        }

        It 'takes strings from the pipeline and several paths at once' {
            $reports = @((Join-Path $snapshots 'in-sync'), (Join-Path $snapshots 'stuck-fixed') | Test-IpamdReconcile)
            $reports.Count | Should-Be 2
            $reports = @(Test-IpamdReconcile (Join-Path $snapshots 'in-sync'), (Join-Path $snapshots 'stuck-fixed'))
            "$($reports.Verdict)" | Should-BeString 'InSync Drifted'
        }

        It 'resolves a relative path against the PowerShell location, not the process directory' {
            Push-Location -LiteralPath $snapshots
            try { $report = Test-IpamdReconcile 'stuck-fixed' } finally { Pop-Location }
            [System.Environment]::CurrentDirectory | Should-NotBe $snapshots -Because 'Push-Location does not change the process directory, so the test tells the two apart'
            $report.Path | Should-BeString (Join-Path $snapshots 'stuck-fixed')
        }

        It 'accepts PowerShell drives, -LiteralPath, and a trailing separator' {
            $dir = New-SnapshotCopy 'in-sync' 'drive-copy'
            (Test-IpamdReconcile -LiteralPath 'TestDrive:/drive-copy/').Path | Should-BeString $dir
        }

        It 'takes the path literally: wildcard characters are part of the name' {
            $dir = New-SnapshotCopy 'stuck-fixed' 'node[1]'
            (Test-IpamdReconcile -Path $dir).Verdict | Should-Be ([EksAdvisories.Ipamd.ReconcileVerdict]::Drifted)
        }
    }

    Context 'options' {
        It 'checks with -CniVersion instead of the snapshot''s version' {
            $report = Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected') -CniVersion 'v1.12.5-eksbuild.1'
            $report.CniVersion | Should-BeString 'v1.12.5-eksbuild.1'
            $report.Verdict | Should-Be ([EksAdvisories.Ipamd.ReconcileVerdict]::Drifted)
        }

        It 'passes -KubernetesVersion to the advisory: no rollback on 1.27' {
            $report = Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected') -KubernetesVersion '1.27'
            $report.Advisory.Action.Mitigation | Should-BeNull
            $report.Action | Should-BeLikeString '*v1.12.5*'
        }

        It 'judges the CNI version against the advisory data of -DataPath' {
            $dataFile = Join-Path $RepositoryRoot 'advisories/EKSA-2023-0001.json'
            $report = Test-IpamdReconcile (Join-Path $snapshots 'stuck-affected') -DataPath $dataFile
            $report.Verdict | Should-Be ([EksAdvisories.Ipamd.ReconcileVerdict]::Stuck)
            $report.AdvisoryStatus | Should-Be ([EksAdvisories.AffectedStatus]::Affected)
        }

        It 'ends the command for a -DataPath that cannot be read, before any folder is checked' {
            $missing = Join-Path ([System.IO.Path]::GetTempPath()) ("no-such-data-" + [guid]::NewGuid().ToString('N') + '.json')
            $thrown = $null
            try { Test-IpamdReconcile (Join-Path $snapshots 'in-sync') -DataPath $missing } catch { $thrown = $_ }
            $thrown | Should-NotBeNull
            $thrown.FullyQualifiedErrorId | Should-BeString 'DataFileNotFound,EksAdvisories.PowerShell.Commands.TestIpamdReconcileCommand'
        }

        It 'runs the model over -Horizon' {
            (Test-IpamdReconcile (Join-Path $snapshots 'in-sync') -Horizon '00:30:00').Horizon | Should-Be ([timespan] '00:30:00')
            (Test-IpamdReconcile (Join-Path $snapshots 'in-sync')).Horizon | Should-Be ([timespan] '00:10:00')
        }

        It 'ends the command for a -Horizon out of range (<_>)' -ForEach @('00:00:01', '2.00:00:00', 30) {
            $horizon = $_
            $err = { Test-IpamdReconcile (Join-Path $snapshots 'in-sync') -Horizon $horizon } | Should-Throw -FullyQualifiedErrorId 'HorizonOutOfRange,*'
            $err.CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        }

        It 'ends the command for a -CniVersion that is not a version' {
            $err = { Test-IpamdReconcile (Join-Path $snapshots 'in-sync') -CniVersion 'garbage' } | Should-Throw -FullyQualifiedErrorId 'CniVersionInvalid,*'
            $err.Exception.Message | Should-BeLikeString "*'garbage'*"
        }

        It 'ends the command for a -KubernetesVersion that is not one' {
            { Test-IpamdReconcile (Join-Path $snapshots 'in-sync') -KubernetesVersion 'banana' } | Should-Throw -FullyQualifiedErrorId 'KubernetesVersionInvalid,*'
        }
    }

    Context 'errors' {
        It 'writes an InvalidData error naming enis.json for a broken snapshot, with the folder as target, and checks the others' {
            $dir = New-SnapshotCopy 'in-sync' 'broken'
            Set-Content -LiteralPath (Join-Path $dir 'enis.json') -Value '{"TotalIPs":18,'
            $out = @(Test-IpamdReconcile $dir, (Join-Path $snapshots 'in-sync') -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Count | Should-Be 1
            $out[0].Verdict | Should-Be ([EksAdvisories.Ipamd.ReconcileVerdict]::InSync)
            $errors.Count | Should-Be 1
            $e = $errors[0]
            $e.FullyQualifiedErrorId | Should-BeString 'SnapshotInvalid,EksAdvisories.PowerShell.Commands.TestIpamdReconcileCommand'
            $e.CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidData)
            $e.TargetObject | Should-BeString $dir
            $e.Exception | Should-HaveType ([EksAdvisories.Ipamd.SnapshotException])
            $e.Exception.FileName | Should-BeString 'enis.json'
            $e.Exception.Message | Should-BeLikeString 'enis.json*not valid JSON*'
            # What the user reads: the folder and the file.
            $e.ToString() | Should-BeLikeString "*$dir*enis.json*"
        }

        It 'names the JSON path of a value of the wrong type' {
            $dir = New-SnapshotCopy 'in-sync' 'wrong-type'
            Set-Content -LiteralPath (Join-Path $dir 'enis.json') -Value '{"TotalIPs":"18","AssignedIPs":0}'
            Test-IpamdReconcile $dir -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].Exception.JsonPath | Should-BeString '$.TotalIPs'
            $errors[0].ToString() | Should-BeLikeString '*enis.json at $.TotalIPs*'
        }

        It 'writes an InvalidData error naming a missing required file' {
            $dir = New-SnapshotCopy 'in-sync' 'no-imds'
            Remove-Item -LiteralPath (Join-Path $dir 'imds.json')
            Test-IpamdReconcile $dir -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should-Be 1
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidData)
            $errors[0].Exception.Message | Should-BeLikeString 'imds.json*missing*'
        }

        It 'writes an ObjectNotFound error for a missing folder' {
            $missing = Join-Path $TestDrive 'no-such-snapshot'
            $out = @(Test-IpamdReconcile $missing -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Count | Should-Be 0
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'SnapshotNotFound,*'
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
            $errors[0].TargetObject | Should-BeString $missing
            $errors[0].Exception.Message | Should-BeLikeString "*$missing*"
        }

        It 'writes an InvalidArgument error for a file or a path of another provider (<_>)' -ForEach @('file', 'Env:PATH') {
            $path = if ($_ -eq 'file') { Join-Path $snapshots 'in-sync/enis.json' } else { $_ }
            Test-IpamdReconcile $path -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'PathNotAFolder,*'
            $errors[0].CategoryInfo.Category | Should-Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        }

        It 'makes the error terminating with -ErrorAction Stop' {
            $dir = New-SnapshotCopy 'in-sync' 'broken-stop'
            Set-Content -LiteralPath (Join-Path $dir 'enis.json') -Value '{'
            { Test-IpamdReconcile $dir -ErrorAction Stop } | Should-Throw -FullyQualifiedErrorId 'SnapshotInvalid,*'
            { Test-IpamdReconcile (Join-Path $TestDrive 'nowhere') -ErrorAction Stop } | Should-Throw -FullyQualifiedErrorId 'SnapshotNotFound,*'
        }

        It 'shows no .NET stack trace in the error view' {
            $dir = New-SnapshotCopy 'in-sync' 'broken-view'
            Set-Content -LiteralPath (Join-Path $dir 'enis.json') -Value '[1,'
            # Continue explicitly: run-pester.ps1 runs with $ErrorActionPreference = 'Stop', which would make the error terminating.
            $text = Test-IpamdReconcile $dir -ErrorAction Continue 2>&1 | Out-String -Width 300
            $text | Should-MatchString 'enis\.json'
            $text | Should-NotMatchString '(?m)^\s+at \S+\.\S+\('
            $text | Should-NotMatchString 'SnapshotInput|JsonCursor|System\.Text\.Json\.'
        }

        It 'refuses an empty path with a parameter validation error' {
            { Test-IpamdReconcile '' } | Should-Throw -FullyQualifiedErrorId 'ParameterArgumentValidationError*'
        }
    }
}
