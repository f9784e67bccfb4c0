using System.Collections.ObjectModel;

namespace EksAdvisories.Ipamd;

/// <summary>One thing the checker found. This type is immutable.</summary>
public sealed class ReconcileFinding
{
    internal ReconcileFinding(string code, FindingSeverity severity, string? eniId, IList<string> addresses, string message)
    {
        Code = code;
        Severity = severity;
        EniId = eniId;
        Addresses = new ReadOnlyCollection<string>(addresses);
        Message = message;
    }

    /// <summary>The stable code (<c>IPAMD001</c>); see <see cref="FindingCodes"/>.</summary>
    public string Code { get; }

    /// <summary>How much it matters.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>The ENI it is about, or null when it is about the node.</summary>
    public string? EniId { get; }

    /// <summary>The addresses involved (secondary IPs as <c>10.0.1.15</c>, prefixes as <c>10.0.2.0/28</c>); empty when none.</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>What was found, in a sentence or two.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code} {Severity}{(EniId is null ? string.Empty : " " + EniId)}: {Message}";
}
