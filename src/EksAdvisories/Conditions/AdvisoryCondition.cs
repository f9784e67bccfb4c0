namespace EksAdvisories;

/// <summary>
/// One condition that must hold for an advisory to strike a node running an affected version: either an aws-node
/// setting (<see cref="Setting"/>, read from <see cref="AwsNodeSettings"/>) or a fact about the cluster that no
/// setting shows (<see cref="Fact"/>, such as an IAM permission, supplied by the caller in
/// <see cref="AdvisoryEvaluationOptions.Facts"/> under <see cref="Id"/>). Conditions come from the advisory's data.
/// This type is immutable.
/// </summary>
public sealed class AdvisoryCondition
{
    internal AdvisoryCondition(string id, string? setting, bool? settingDefault, string? fact, bool affectedWhen, AffectedRange? appliesTo, string description, string clearedBy)
    {
        Id = id;
        Setting = setting;
        SettingDefault = settingDefault;
        Fact = fact;
        AffectedWhen = affectedWhen;
        AppliesTo = appliesTo;
        Description = description;
        ClearedBy = clearedBy;
    }

    /// <summary>A stable id, such as <c>subnet-discovery-enabled</c>; also the key of a fact in <see cref="AdvisoryEvaluationOptions.Facts"/>.</summary>
    public string Id { get; }

    /// <summary>The aws-node environment variable the condition reads (<c>ENABLE_SUBNET_DISCOVERY</c>), or null for a fact.</summary>
    public string? Setting { get; }

    /// <summary>The value IPAMD uses when <see cref="Setting"/> is absent or unparsable; null for a fact.</summary>
    public bool? SettingDefault { get; }

    /// <summary>The statement about the cluster the condition depends on (<c>aws-node's IAM principal is allowed ec2:DescribeSecurityGroups</c>), or null for a setting.</summary>
    public string? Fact { get; }

    /// <summary>The value of the setting or fact under which the node is affected.</summary>
    public bool AffectedWhen { get; }

    /// <summary>The versions the condition applies to, or null when it applies to the whole affected range.</summary>
    public AffectedRange? AppliesTo { get; }

    /// <summary>Why the condition matters.</summary>
    public string Description { get; }

    /// <summary>What makes the condition not hold, in one sentence (the change that clears the advisory for this node).</summary>
    public string ClearedBy { get; }

    /// <summary>True when the condition applies to <paramref name="version"/> (a full version inside the advisory's range).</summary>
    /// <param name="version">The version being judged.</param>
    /// <returns>Whether this condition takes part in that version's verdict.</returns>
    public bool AppliesToVersion(ComponentVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return AppliesTo is null || (!version.IsPartial && AppliesTo.Contains(version));
    }

    /// <inheritdoc/>
    public override string ToString() => Setting is null ? $"{Id}: {Fact} = {(AffectedWhen ? "true" : "false")}" : $"{Id}: {Setting} = {(AffectedWhen ? "true" : "false")}";
}
