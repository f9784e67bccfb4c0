using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>How to see the condition on a node: log signatures and introspection checks. This type is immutable.</summary>
public sealed class Detection
{
    internal Detection(IList<LogSignature> logSignatures, IList<DetectionMetric> metrics, IList<string> introspectionChecks)
    {
        LogSignatures = new ReadOnlyCollection<LogSignature>(logSignatures);
        Metrics = new ReadOnlyCollection<DetectionMetric>(metrics);
        IntrospectionChecks = new ReadOnlyCollection<string>(introspectionChecks);
    }

    /// <summary>Texts in ipamd.log that show the condition.</summary>
    public IReadOnlyList<LogSignature> LogSignatures { get; }

    /// <summary>Checks to run against the introspection endpoint, IMDS and EC2, in prose.</summary>
    public IReadOnlyList<string> IntrospectionChecks { get; }

    /// <summary>Metrics that show the condition, with what each proves and does not.</summary>
    public IReadOnlyList<DetectionMetric> Metrics { get; }
}
