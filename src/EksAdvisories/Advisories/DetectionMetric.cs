namespace EksAdvisories;

/// <summary>A metric that shows the condition, and what it proves and does not. This type is immutable.</summary>
public sealed class DetectionMetric
{
    internal DetectionMetric(string expression, string meaning, string proves, string doesNotProve)
    {
        Expression = expression;
        Meaning = meaning;
        Proves = proves;
        DoesNotProve = doesNotProve;
    }

    /// <summary>The metric with its label selector, as a Prometheus query names it.</summary>
    public string Expression { get; }

    /// <summary>What the metric counts.</summary>
    public string Meaning { get; }

    /// <summary>What a reading proves.</summary>
    public string Proves { get; }

    /// <summary>What it does not prove on its own.</summary>
    public string DoesNotProve { get; }

    /// <inheritdoc/>
    public override string ToString() => Expression;
}
