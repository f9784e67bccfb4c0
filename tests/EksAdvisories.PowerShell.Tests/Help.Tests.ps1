# Every exported cmdlet has MAML help: synopsis, description, examples and a description for each parameter.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeDiscovery {
    # Driven by the manifest, so that a cmdlet added later is held to the same standard without editing this file.
    $cmdlets = @((Import-PowerShellDataFile -LiteralPath (Join-Path $ModulePath 'EksAdvisories.psd1')).CmdletsToExport)
}

BeforeAll {
    Import-Module $ModulePath -Force -ErrorAction Stop
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
}

Describe 'Help for <_>' -ForEach $cmdlets {
    BeforeAll {
        $name = $_
        $help = Get-Help -Name $name -Full
        $parameters = @((Get-Command $name).Parameters.Keys | Where-Object { $_ -notin $common })
        # -WhatIf and -Confirm are common parameters, yet what they do differs per cmdlet, so a cmdlet that has them says so.
        $documentable = @($parameters) + @((Get-Command $name).Parameters.Keys | Where-Object { $_ -in 'WhatIf', 'Confirm' })
    }

    It 'has a synopsis of its own, not the generated syntax line' {
        $help.Synopsis | Should-NotBeWhiteSpaceString
        $help.Synopsis | Should-NotBeLikeString "$name*"
    }

    It 'has a description' {
        ($help.description.Text -join ' ') | Should-NotBeWhiteSpaceString
    }

    It 'has examples, each with code and remarks' {
        $examples = @($help.examples.example)
        $examples.Count | Should-BeGreaterThanOrEqual 1
        foreach ($example in $examples) {
            $example.code | Should-NotBeWhiteSpaceString
            ($example.remarks.Text -join ' ') | Should-NotBeWhiteSpaceString
        }
    }

    It 'describes every parameter, and only parameters the cmdlet has' {
        $documented = @($help.parameters.parameter | ForEach-Object name)
        @($documented | Sort-Object) | Should-BeCollection @($documentable | Sort-Object)
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description.Text -join ' ') | Should-NotBeWhiteSpaceString -Because "-$($parameter.name) needs a description"
        }
    }

    It 'shows synopsis, parameters and examples in Get-Help -Full' {
        $text = Get-Help -Name $name -Full | Out-String -Width 200
        $text | Should-MatchString 'SYNOPSIS'
        $text | Should-MatchString 'PARAMETERS'
        $text | Should-MatchString 'Example 1'
        foreach ($parameter in $parameters) { $text | Should-MatchString "-$parameter\b" }
    }
}

Describe 'Test-IpamdReconcile live collection' {
    It 'has no -Live parameter, and its help says why and what to run instead' {
        (Get-Command Test-IpamdReconcile).Parameters.ContainsKey('Live') | Should-BeFalse
        # The notes as written (Out-String would wrap them wherever the width falls).
        $text = (Get-Help -Name Test-IpamdReconcile -Full).alertSet.alert.Text -join ' '
        $text | Should-MatchString 'There is no -Live parameter'
        $text | Should-MatchString 'AssemblyLoadContext'
        $text | Should-MatchString 'eks-advisories check-node --live'
    }
}
