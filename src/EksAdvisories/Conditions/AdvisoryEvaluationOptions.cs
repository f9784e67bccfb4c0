using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>
/// What the caller knows about the node beyond its version, so that an advisory whose trigger depends on configuration
/// can answer for this node: the aws-node settings, and facts no setting shows (keyed by
/// <see cref="AdvisoryCondition.Id"/>, such as <c>iam-allows-describe-security-groups</c>). Without them an advisory
/// that has conditions answers Affected and names the conditions that would clear it. This type is immutable.
/// </summary>
public sealed class AdvisoryEvaluationOptions
{
    private static readonly IReadOnlyDictionary<string, bool> NoFacts = new ReadOnlyDictionary<string, bool>(new Dictionary<string, bool>());

    /// <summary>Creates options.</summary>
    /// <param name="awsNodeSettings">The aws-node settings, or null when unknown.</param>
    /// <param name="facts">Facts by condition id (true when the condition's <see cref="AdvisoryCondition.Fact"/> statement is true), or null.</param>
    public AdvisoryEvaluationOptions(AwsNodeSettings? awsNodeSettings = null, IReadOnlyDictionary<string, bool>? facts = null)
    {
        AwsNodeSettings = awsNodeSettings;
        Facts = facts is null ? NoFacts : new ReadOnlyDictionary<string, bool>(new Dictionary<string, bool>(facts, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>No settings and no facts.</summary>
    public static AdvisoryEvaluationOptions None { get; } = new();

    /// <summary>The aws-node settings, or null when unknown.</summary>
    public AwsNodeSettings? AwsNodeSettings { get; }

    /// <summary>Facts by condition id (case-insensitive).</summary>
    public IReadOnlyDictionary<string, bool> Facts { get; }

    /// <summary>True when neither settings nor facts are given.</summary>
    public bool IsEmpty => AwsNodeSettings is null && Facts.Count == 0;
}
