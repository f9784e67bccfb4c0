namespace EksAdvisories.Collection;

/// <summary>
/// A snapshot part that could not be collected: which part, from where, what went wrong and what it needs (the IAM
/// permission, the file path, the endpoint). This type is immutable.
/// </summary>
/// <param name="Part">The snapshot file it would have been (<c>ec2-network-interfaces.json</c>).</param>
/// <param name="Source">Where it was read from: a URL, a file path, or the API call.</param>
/// <param name="Detail">What happened, quoting the error the source gave.</param>
/// <param name="Needs">What the part needs to be collected: a permission, a path, a reachable endpoint.</param>
/// <param name="IsRequired">True when the checker cannot run without the part.</param>
public sealed record CollectionProblem(string Part, string Source, string Detail, string Needs, bool IsRequired)
{
    /// <summary>One line for a person: <c>part (required): detail; needs … (source: …)</c>.</summary>
    public string Message => $"{Part}{(IsRequired ? " (required)" : string.Empty)}: {Detail}; needs {Needs} (source: {Source})";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
