namespace EksAdvisories.Ipamd;

/// <summary>
/// The aws-node container's <c>env</c> as the DaemonSet writes it: each variable's text exactly as given (Go reads it
/// untrimmed), and the names set through <c>valueFrom</c>, whose value the DaemonSet does not show.
/// </summary>
internal sealed record AwsNodeEnv(IReadOnlyDictionary<string, string> Values, IReadOnlyCollection<string> FromReferences)
{
    public static AwsNodeEnv None { get; } = new(new Dictionary<string, string>(), []);

    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;
}
