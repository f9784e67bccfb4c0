namespace EksAdvisories.Ipamd;

/// <summary>The IPAMD settings found in the aws-node container's env; each value is null when the variable is not set there.</summary>
internal sealed record AwsNodeEnv(
    bool? PrefixDelegation, int? WarmPrefixTarget, int? WarmEniTarget, int? WarmIpTarget, int? MinimumIpTarget, bool? CustomNetworking)
{
    public static AwsNodeEnv None { get; } = new(null, null, null, null, null, null);
}
