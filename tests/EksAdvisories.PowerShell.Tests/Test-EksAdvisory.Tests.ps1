# Test-EksAdvisory: verdicts for versions from parameters, strings on the pipeline, and the objects the AWS CLI and
# kubectl print once passed through ConvertFrom-Json.
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../artifacts/module/Release/EksAdvisories'),
    [string] $RepositoryRoot = (Join-Path $PSScriptRoot '../..')
)

BeforeAll {
    Import-Module $ModulePath -Force -ErrorAction Stop
    $category = [System.Management.Automation.ErrorCategory]

    # aws eks describe-addon --cluster-name prod-eu --addon-name vpc-cni (account and ids are the documentation examples).
    $describeAddon = @'
{
    "addon": {
        "addonName": "vpc-cni",
        "clusterName": "prod-eu",
        "status": "ACTIVE",
        "addonVersion": "v1.12.2-eksbuild.1",
        "health": {
            "issues": []
        },
        "addonArn": "arn:aws:eks:eu-west-1:111122223333:addon/prod-eu/vpc-cni/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
        "createdAt": "2023-03-01T10:00:00.000000+00:00",
        "modifiedAt": "2023-03-14T09:30:00.000000+00:00",
        "serviceAccountRoleArn": "arn:aws:iam::111122223333:role/AmazonEKSVPCCNIRole",
        "tags": {}
    }
}
'@

    # kubectl get ds aws-node -n kube-system -o json, trimmed to what matters: an affected CNI and its init container.
    $daemonSet = @'
{
    "apiVersion": "apps/v1",
    "kind": "DaemonSet",
    "metadata": {
        "name": "aws-node",
        "namespace": "kube-system",
        "labels": { "k8s-app": "aws-node" }
    },
    "spec": {
        "selector": { "matchLabels": { "k8s-app": "aws-node" } },
        "template": {
            "metadata": { "labels": { "k8s-app": "aws-node" } },
            "spec": {
                "initContainers": [
                    {
                        "name": "aws-vpc-cni-init",
                        "image": "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni-init:v1.12.2-eksbuild.1",
                        "imagePullPolicy": "IfNotPresent"
                    }
                ],
                "containers": [
                    {
                        "name": "aws-node",
                        "image": "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1",
                        "env": [
                            { "name": "ENABLE_PREFIX_DELEGATION", "value": "false" },
                            { "name": "WARM_ENI_TARGET", "value": "1" }
                        ],
                        "ports": [ { "containerPort": 61678, "name": "metrics", "protocol": "TCP" } ]
                    }
                ]
            }
        }
    }
}
'@

    # A newer aws-node DaemonSet also runs the network policy agent, whose image is not the CNI.
    $daemonSetWithAgent = @'
{
    "kind": "DaemonSet",
    "metadata": { "name": "aws-node", "namespace": "kube-system" },
    "spec": {
        "template": {
            "spec": {
                "containers": [
                    {
                        "name": "aws-node",
                        "image": "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.15.1-eksbuild.1"
                    },
                    {
                        "name": "aws-eks-nodeagent",
                        "image": "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon/aws-network-policy-agent:v1.0.4-eksbuild.1",
                        "args": [ "--enable-network-policy=false" ]
                    }
                ]
            }
        }
    }
}
'@
}

Describe 'Test-EksAdvisory' {
    Context 'answers for a version' {
        It '<Version> is <Status> (as published: <AsPublished>)' -ForEach @(
            @{ Version = 'v1.12.2-eksbuild.1'; Status = 'Affected'; AsPublished = 'Affected'; Normalized = 'v1.12.2-eksbuild.1' }
            @{ Version = '1.12.2'; Status = 'Affected'; AsPublished = 'Affected'; Normalized = 'v1.12.2' }
            @{ Version = 'V1.12.0'; Status = 'Affected'; AsPublished = 'Affected'; Normalized = 'v1.12.0' }
            @{ Version = ' v1.11.4-rc1 '; Status = 'Affected'; AsPublished = 'Affected'; Normalized = 'v1.11.4-rc1' }
            @{ Version = 'v1.11.5'; Status = 'Affected'; AsPublished = 'Affected'; Normalized = 'v1.11.5' }
            @{ Version = 'v1.11.3'; Status = 'NotAffected'; AsPublished = 'Affected'; Normalized = 'v1.11.3' }
            @{ Version = 'v1.12.5-eksbuild.1'; Status = 'NotAffected'; AsPublished = 'NotAffected'; Normalized = 'v1.12.5-eksbuild.1' }
            @{ Version = 'v1.12.6-eksbuild.2'; Status = 'NotAffected'; AsPublished = 'NotAffected'; Normalized = 'v1.12.6-eksbuild.2' }
            @{ Version = '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1'; Status = 'Affected'; AsPublished = 'Affected'; Normalized = 'v1.12.2-eksbuild.1' }
            @{ Version = 'amazon-k8s-cni:v1.12.6-eksbuild.2@sha256:8d1b4a0c5f4b6f0e5d0f3c1b2a9e8d7c6b5a49382716f5e4d3c2b1a098765432'; Status = 'NotAffected'; AsPublished = 'NotAffected'; Normalized = 'v1.12.6-eksbuild.2' }
        ) {
            $verdict = Test-EksAdvisory -Version $Version
            $verdict | Should-HaveType ([EksAdvisories.AdvisoryVerdict])
            $verdict.AdvisoryId | Should-BeString 'EKSA-2023-0001'
            $verdict.Input | Should-BeString $Version
            $verdict.Status | Should-Be ([EksAdvisories.AffectedStatus] $Status)
            $verdict.AsPublished | Should-Be ([EksAdvisories.AffectedStatus] $AsPublished)
            $verdict.Version.ToString() | Should-BeString $Normalized
            $verdict.Reason | Should-NotBeWhiteSpaceString
        }

        It 'says what to do for an affected version, and nothing for an unaffected one' {
            "$((Test-EksAdvisory 'v1.12.2').Action.UpgradeTo)" | Should-BeString 'v1.12.5'
            (Test-EksAdvisory 'v1.12.5').Action | Should-BeNull
        }
    }

    Context 'text that is not a usable version' {
        It "answers Unknown with a reason quoting '<_>', without an error" -ForEach @(
            'garbage'
            'amazon-k8s-cni:latest'
            'amazon-k8s-cni@sha256:8d1b4a0c5f4b6f0e5d0f3c1b2a9e8d7c6b5a49382716f5e4d3c2b1a098765432'
            'v1.12'
            'v1.12.3'
            'amazon/aws-network-policy-agent:v1.0.4'
        ) {
            $verdict = Test-EksAdvisory -Version $_ -ErrorVariable errors
            $errors.Count | Should-Be 0
            $verdict.Status | Should-Be ([EksAdvisories.AffectedStatus]::Unknown)
            $verdict.Reason | Should-BeLikeString "*$([WildcardPattern]::Escape($_))*"
            $verdict.Action | Should-BeNull
        }
    }

    Context 'pipeline input' {
        It 'takes strings by value, one verdict per input, in order' {
            $verdicts = @('v1.11.3', 'v1.12.2', 'v1.12.5' | Test-EksAdvisory)
            $verdicts.Input | Should-BeCollection @('v1.11.3', 'v1.12.2', 'v1.12.5')
            $verdicts.Status | Should-BeCollection @([EksAdvisories.AffectedStatus]::NotAffected, [EksAdvisories.AffectedStatus]::Affected, [EksAdvisories.AffectedStatus]::NotAffected)
        }

        It 'takes an array for -Version' {
            @(Test-EksAdvisory -Version 'v1.11.3', 'v1.12.2').Input | Should-BeCollection @('v1.11.3', 'v1.12.2')
        }

        It 'takes the addon of aws eks describe-addon by property name (addonVersion)' {
            $verdict = $describeAddon | ConvertFrom-Json | Select-Object -ExpandProperty addon | Test-EksAdvisory
            $verdict.Input | Should-BeString 'v1.12.2-eksbuild.1'
            $verdict.Status | Should-Be ([EksAdvisories.AffectedStatus]::Affected)
        }

        It 'does not judge another add-on by a VPC CNI advisory (addonName binds to -Component)' {
            $coredns = ($describeAddon -replace '"vpc-cni"', '"coredns"' -replace 'v1\.12\.2-eksbuild\.1', 'v1.10.1-eksbuild.1') | ConvertFrom-Json
            $out = @($coredns.addon | Test-EksAdvisory -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Count | Should-Be 0
            $errors.Count | Should-Be 1
            $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'NoAdvisoryForComponent,*'
            $errors[0].CategoryInfo.Category | Should-Be $category::ObjectNotFound
            $errors[0].Exception.Message | Should-BeLikeString "*'coredns'*"
        }

        It 'takes the containers of the aws-node DaemonSet by property name (image)' {
            $ds = $daemonSet | ConvertFrom-Json
            $verdict = $ds.spec.template.spec.containers | Test-EksAdvisory
            $verdict.Input | Should-BeString '602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1'
            $verdict.Status | Should-Be ([EksAdvisories.AffectedStatus]::Affected)
            $verdict.Version.Image.Name | Should-BeString 'amazon-k8s-cni'
        }

        It 'takes the init container image as well' {
            $ds = $daemonSet | ConvertFrom-Json
            ($ds.spec.template.spec.initContainers | Test-EksAdvisory).Status | Should-Be ([EksAdvisories.AffectedStatus]::Affected)
        }

        It 'answers Unknown for the network policy agent container, whose image is not the CNI' {
            $ds = $daemonSetWithAgent | ConvertFrom-Json
            $verdicts = @($ds.spec.template.spec.containers | Test-EksAdvisory)
            $verdicts.Count | Should-Be 2
            $verdicts[0].Status | Should-Be ([EksAdvisories.AffectedStatus]::NotAffected)
            $verdicts[1].Status | Should-Be ([EksAdvisories.AffectedStatus]::Unknown)
            $verdicts[1].Reason | Should-BeLikeString "*aws-network-policy-agent*"
        }

        It 'takes a Version property by name' {
            ([pscustomobject] @{ Version = 'v1.11.3' } | Test-EksAdvisory).Input | Should-BeString 'v1.11.3'
        }
    }

    Context '-KubernetesVersion' {
        It 'withholds the rollback on Kubernetes 1.27, where v1.11.3 is unsafe' {
            $action = (Test-EksAdvisory 'v1.12.0-eksbuild.1' -KubernetesVersion '1.27').Action
            $action.Mitigation | Should-BeNull
            $action.MitigationWithheldReason | Should-BeLikeString '*1.27*'
            $action.Summary | Should-BeLikeString '*Do not roll back*'
            "$($action.RecommendedAddonVersion)" | Should-NotBeWhiteSpaceString
        }

        It 'offers the rollback to v1.11.3 on Kubernetes 1.24 (given as <_>)' -ForEach @('1.24', 'v1.24.16-eks-5e0fdde') {
            $action = (Test-EksAdvisory 'v1.12.0-eksbuild.1' -KubernetesVersion $_).Action
            "$($action.Mitigation.TargetVersion)" | Should-BeString 'v1.11.3'
            $action.MitigationWithheldReason | Should-BeNull
        }

        It 'explains both cases when the Kubernetes version is not given' {
            $action = (Test-EksAdvisory 'v1.12.0-eksbuild.1').Action
            $action.Mitigation | Should-NotBeNull
            $action.Summary | Should-BeLikeString '*older than 1.25*'
        }

        It 'ends with an InvalidArgument error for a value that is not a Kubernetes version, before any verdict' {
            $out = [System.Collections.Generic.List[object]]::new()
            $err = { 'v1.12.2' | Test-EksAdvisory -KubernetesVersion 'one-twenty-seven' -OutVariable +out } | Should-Throw -FullyQualifiedErrorId 'KubernetesVersionInvalid,*'
            $err.CategoryInfo.Category | Should-Be $category::InvalidArgument
            $err.Exception.Message | Should-BeLikeString "*'one-twenty-seven'*"
            $out.Count | Should-Be 0
        }
    }

    Context '-Id' {
        It 'evaluates against the advisory named' {
            (Test-EksAdvisory 'v1.12.2' -Id 'eksa-2023-0001').AdvisoryId | Should-BeString 'EKSA-2023-0001'
        }

        It 'ends with an ObjectNotFound error for an id no advisory has' {
            $err = { Test-EksAdvisory 'v1.12.2' -Id 'EKSA-1999-0001' } | Should-Throw -FullyQualifiedErrorId 'AdvisoryNotFound,*'
            $err.CategoryInfo.Category | Should-Be $category::ObjectNotFound
            $err.Exception.Message | Should-BeLikeString '*Known ids: EKSA-2023-0001*'
        }
    }

    Context '-DataPath' {
        It 'answers from the data file' {
            $file = Join-Path $RepositoryRoot 'advisories/EKSA-2023-0001.json'
            (Test-EksAdvisory 'v1.11.3' -DataPath $file).Status | Should-Be ([EksAdvisories.AffectedStatus]::NotAffected)
        }
    }

    Context 'a missing input' {
        It 'is a non-terminating InvalidArgument error for <Name>' -ForEach @(
            @{ Name = 'an empty string'; Value = '' }
            @{ Name = 'only white space'; Value = '   ' }
            @{ Name = 'null'; Value = $null }
        ) {
            $out = @(Test-EksAdvisory -Version $Value -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Count | Should-Be 0
            $errors.Count | Should-Be 1
            $errors[0].CategoryInfo.Category | Should-Be $category::InvalidArgument
            $errors[0].FullyQualifiedErrorId | Should-BeString 'VersionMissing,EksAdvisories.PowerShell.Commands.TestEksAdvisoryCommand'
            $errors[0].Exception.Message | Should-BeLikeString "No version was given (the input was $Name)*expected a VPC CNI version such as 'v1.12.2-eksbuild.1'*"
        }

        It 'is an error for $null on the pipeline' {
            $null | Test-EksAdvisory -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].FullyQualifiedErrorId | Should-BeLikeString 'VersionMissing,*'
        }

        It 'does not stop the other inputs' {
            $out = @('v1.11.3', '', 'v1.12.2' | Test-EksAdvisory -ErrorVariable errors -ErrorAction SilentlyContinue)
            $out.Input | Should-BeCollection @('v1.11.3', 'v1.12.2')
            $errors.Count | Should-Be 1
        }

        It 'throws with -ErrorAction Stop' {
            { '' | Test-EksAdvisory -ErrorAction Stop } | Should-Throw -FullyQualifiedErrorId 'VersionMissing,*'
        }

        It 'carries no .NET stack trace: the error is reported, never thrown by the library' {
            Test-EksAdvisory -Version '' -ErrorVariable errors -ErrorAction SilentlyContinue
            $errors[0].Exception | Should-HaveType ([System.ArgumentException])
            $errors[0].Exception.StackTrace | Should-BeNull
            $errors[0].Exception.InnerException | Should-BeNull
            ($errors[0] | Out-String) | Should-NotMatchString '\bat EksAdvisories\.'
        }
    }
}
