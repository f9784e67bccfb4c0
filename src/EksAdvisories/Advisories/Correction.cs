using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>A claim of the published advisory that upstream evidence contradicts. This type is immutable.</summary>
public sealed class Correction
{
    internal Correction(string field, string claim, string correctedStatement, IList<Uri> evidence)
    {
        Field = field;
        Claim = claim;
        CorrectedStatement = correctedStatement;
        Evidence = new ReadOnlyCollection<Uri>(evidence);
    }

    /// <summary>The part of the advisory the correction is about, such as <c>affected.introduced</c>.</summary>
    public string Field { get; }

    /// <summary>What the published advisory said.</summary>
    public string Claim { get; }

    /// <summary>What is true instead.</summary>
    public string CorrectedStatement { get; }

    /// <summary>Where the evidence is (never empty).</summary>
    public IReadOnlyList<Uri> Evidence { get; }

    /// <inheritdoc/>
    public override string ToString() => Field + ": " + CorrectedStatement;
}
