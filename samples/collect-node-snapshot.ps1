<#
.SYNOPSIS
Collects an EksAdvisories node snapshot folder from a live EKS node.

.DESCRIPTION
Writes imds.json, enis.json, ec2-network-interfaces.json and, when available, ipamd-env-settings.json,
instance-type.json, aws-node-daemonset.json and ipamd.log into a folder that Test-IpamdReconcile,
`eksadvisories check-node` and NodeSnapshot.Load read. Run it on the node (PowerShell 7.4+), with the AWS CLI
and kubectl on PATH for the EC2 and DaemonSet parts. IMDSv2 is used when the token request succeeds.

.PARAMETER OutputPath
The folder to write (created when missing).

.PARAMETER ImdsUrl
Base URL of the instance metadata service.

.PARAMETER IpamdUrl
Base URL of the IPAMD introspection endpoint.

.EXAMPLE
./collect-node-snapshot.ps1 -OutputPath ./snap; Test-IpamdReconcile -Path ./snap
#>
[CmdletBinding()]
param(
    [string] $OutputPath = ("snapshot-" + [DateTime]::UtcNow.ToString('yyyyMMddTHHmmssZ')),
    [string] $ImdsUrl = 'http://169.254.169.254',
    [string] $IpamdUrl = 'http://127.0.0.1:61679',
    [string] $AwsCli = 'aws',
    [string] $Kubectl = 'kubectl',
    [string] $IpamdLog = '/var/log/aws-routed-eni/ipamd.log',
    [int] $LogLines = 20000
)

$ErrorActionPreference = 'Stop'
# Paths are appended with a leading slash; a base URL given with a trailing one would make '//latest/...', a 404.
$ImdsUrl = $ImdsUrl.TrimEnd('/')
$IpamdUrl = $IpamdUrl.TrimEnd('/')
$failed = $false
New-Item -ItemType Directory -Force -Path $OutputPath | Out-Null

$headers = @{}
try {
    $token = Invoke-RestMethod -Method Put -Uri "$ImdsUrl/latest/api/token" -Headers @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '21600' } -TimeoutSec 5
    $headers['X-aws-ec2-metadata-token'] = $token
} catch {
    Write-Verbose "IMDSv2 token refused, using IMDSv1: $_"
}

function Get-Imds([string] $Key) {
    try {
        $response = Invoke-WebRequest -Uri "$ImdsUrl/latest/meta-data/$Key" -Headers $headers -TimeoutSec 5
        return [string] $response.Content
    } catch {
        return $null
    }
}

$imds = [ordered]@{}
foreach ($key in 'instance-id', 'instance-type', 'mac', 'network/interfaces/macs') {
    $value = Get-Imds $key
    if ($null -ne $value) { $imds[$key] = $value }
}
if (-not $imds.Contains('network/interfaces/macs')) {
    Write-Warning "IMDS: cannot read network/interfaces/macs from $ImdsUrl"
    $failed = $true
} else {
    foreach ($mac in ($imds['network/interfaces/macs'] -split '\s+' | Where-Object { $_ })) {
        $mac = $mac.TrimEnd('/')
        foreach ($key in 'interface-id', 'device-number', 'local-ipv4s', 'ipv4-prefix', 'subnet-ipv4-cidr-block') {
            $value = Get-Imds "network/interfaces/macs/$mac/$key"
            if ($null -ne $value) { $imds["network/interfaces/macs/$mac/$key"] = $value }
        }
    }
}
$imds | ConvertTo-Json -Depth 3 | Set-Content -Path (Join-Path $OutputPath 'imds.json') -Encoding utf8NoBOM

try {
    Invoke-WebRequest -Uri "$IpamdUrl/v1/enis" -TimeoutSec 10 -OutFile (Join-Path $OutputPath 'enis.json')
} catch {
    Write-Warning "introspection: cannot read $IpamdUrl/v1/enis: $_"
    $failed = $true
}
try {
    Invoke-WebRequest -Uri "$IpamdUrl/v1/ipamd-env-settings" -TimeoutSec 10 -OutFile (Join-Path $OutputPath 'ipamd-env-settings.json')
} catch {
    Write-Verbose "ipamd-env-settings not available: $_"
}

$instanceId = $imds['instance-id']
$instanceType = $imds['instance-type']
if ((Get-Command $AwsCli -ErrorAction SilentlyContinue) -and $instanceId) {
    $enis = & $AwsCli ec2 describe-network-interfaces --filters "Name=attachment.instance-id,Values=$instanceId" --output json
    if ($LASTEXITCODE -eq 0) { $enis | Set-Content -Path (Join-Path $OutputPath 'ec2-network-interfaces.json') -Encoding utf8NoBOM }
    else { Write-Warning 'aws: describe-network-interfaces failed'; $failed = $true }
    if ($instanceType) {
        $types = & $AwsCli ec2 describe-instance-types --instance-types $instanceType --output json
        if ($LASTEXITCODE -eq 0) { $types | Set-Content -Path (Join-Path $OutputPath 'instance-type.json') -Encoding utf8NoBOM }
    }
} else {
    Write-Warning "aws CLI ($AwsCli) or instance id missing: ec2-network-interfaces.json (required) not written"
    $failed = $true
}

if (Get-Command $Kubectl -ErrorAction SilentlyContinue) {
    $ds = & $Kubectl get ds aws-node -n kube-system -o json
    if ($LASTEXITCODE -eq 0) { $ds | Set-Content -Path (Join-Path $OutputPath 'aws-node-daemonset.json') -Encoding utf8NoBOM }
}

if (Test-Path -LiteralPath $IpamdLog) {
    Get-Content -LiteralPath $IpamdLog -Tail $LogLines | Set-Content -Path (Join-Path $OutputPath 'ipamd.log') -Encoding utf8NoBOM
}

Write-Host "snapshot written to $OutputPath"
if ($failed) { exit 1 }
