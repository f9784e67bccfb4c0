using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace EksAdvisories;

/// <summary>
/// The environment of the aws-node container, which holds the VPC CNI's settings (ENABLE_SUBNET_DISCOVERY,
/// AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, …): given as variables, or read from <c>kubectl get ds aws-node -n kube-system
/// -o json</c>. Advisories whose trigger depends on a setting read it from here, the way IPAMD reads it: a variable
/// that is absent takes the release's default, and a value Go cannot parse falls back to that default too. A variable
/// set through <c>valueFrom</c> has a value only the cluster knows; it is unresolved, never guessed. Immutable.
/// </summary>
public sealed class AwsNodeSettings
{
    private const string DaemonSetExpected = "the JSON of kubectl get ds aws-node -n kube-system -o json";

    private AwsNodeSettings(string source, IDictionary<string, string> variables, IList<string> unresolved)
    {
        Source = source;
        Variables = new ReadOnlyDictionary<string, string>(variables);
        UnresolvedVariables = new ReadOnlyCollection<string>(unresolved);
    }

    /// <summary>Where the settings came from (a file name, or <c>aws-node environment</c>).</summary>
    public string Source { get; }

    /// <summary>The variables with a literal value, by name (names are case-sensitive, as in Linux).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Variables that are set from elsewhere (<c>valueFrom</c>): their value is unknown here.</summary>
    public IReadOnlyList<string> UnresolvedVariables { get; }

    /// <summary>Settings from variables given directly; a null value marks a variable whose value is unknown.</summary>
    /// <param name="variables">Name and value pairs; a later pair with the same name wins, as in a container spec.</param>
    /// <param name="source">A name for reasons and messages.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">A variable name is null or empty.</exception>
    public static AwsNodeSettings FromEnvironment(IEnumerable<KeyValuePair<string, string?>> variables, string source = "aws-node environment")
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(source);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A variable name is null or empty; expected names such as ENABLE_SUBNET_DISCOVERY.", nameof(variables));
            Set(values, unresolved, name, value);
        }

        return new AwsNodeSettings(source, values, unresolved);
    }

    /// <summary>Reads the env of the container named <c>aws-node</c> from the DaemonSet's JSON (a BOM is accepted; at most 64 MiB).</summary>
    /// <param name="stream">The JSON text.</param>
    /// <param name="sourceName">A name for messages: the file name, or <c>-</c> for standard input.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ClusterDocumentException">The stream cannot be read or holds no aws-node DaemonSet.</exception>
    public static AwsNodeSettings ReadDaemonSet(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ParseDaemonSet(ClusterDocumentJson.ReadAll(stream, sourceName), sourceName);
    }

    /// <summary>Reads the DaemonSet's JSON from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ClusterDocumentException">The file cannot be opened or holds no aws-node DaemonSet.</exception>
    public static AwsNodeSettings ReadDaemonSetFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseDaemonSet(ClusterDocumentJson.ReadFile(path), path);
    }

    /// <summary>Reads the DaemonSet's JSON from UTF-8 bytes.</summary>
    /// <param name="utf8">The JSON text.</param>
    /// <param name="sourceName">A name for messages.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ClusterDocumentException">The bytes hold no aws-node DaemonSet.</exception>
    public static AwsNodeSettings ParseDaemonSet(ReadOnlySpan<byte> utf8, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        using var document = ClusterDocumentJson.Parse(utf8, sourceName, DaemonSetExpected);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw Fail(sourceName, "$", $"expected {DaemonSetExpected} (an object), found {ClusterDocumentJson.Describe(root)}.");
        if (root.TryGetProperty("kind", out var kind) && !(kind.ValueKind == JsonValueKind.String && kind.GetString() == "DaemonSet"))
        {
            throw Fail(sourceName, "$.kind", $"found {ClusterDocumentJson.Describe(kind)}; expected \"DaemonSet\" ({DaemonSetExpected}).");
        }

        var containers = Walk(root, sourceName, "$", "spec", "template", "spec", "containers");
        if (containers.ValueKind != JsonValueKind.Array) throw Fail(sourceName, "$.spec.template.spec.containers", $"expected an array of containers, found {ClusterDocumentJson.Describe(containers)}.");
        var index = 0;
        foreach (var container in containers.EnumerateArray())
        {
            var path = $"$.spec.template.spec.containers[{index++}]";
            if (container.ValueKind != JsonValueKind.Object || !container.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != "aws-node") continue;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var unresolved = new List<string>();
            if (container.TryGetProperty("env", out var env) && env.ValueKind != JsonValueKind.Null)
            {
                if (env.ValueKind != JsonValueKind.Array) throw Fail(sourceName, path + ".env", $"expected an array of variables, found {ClusterDocumentJson.Describe(env)}.");
                var i = 0;
                foreach (var variable in env.EnumerateArray())
                {
                    var vPath = $"{path}.env[{i++}]";
                    if (variable.ValueKind != JsonValueKind.Object || !variable.TryGetProperty("name", out var vName) || vName.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(vName.GetString()))
                    {
                        throw Fail(sourceName, vPath, "expected a variable with a non-empty string 'name'.");
                    }

                    string? value = null;
                    if (variable.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null)
                    {
                        value = v.ValueKind == JsonValueKind.String ? v.GetString() : throw Fail(sourceName, vPath + ".value", $"expected the value as a string, found {ClusterDocumentJson.Describe(v)}.");
                    }
                    else if (!variable.TryGetProperty("valueFrom", out _))
                    {
                        // Kubernetes treats a variable with neither value nor valueFrom as set to the empty string.
                        value = string.Empty;
                    }

                    Set(values, unresolved, vName.GetString()!, value);
                }
            }

            return new AwsNodeSettings(sourceName, values, unresolved);
        }

        throw Fail(sourceName, "$.spec.template.spec.containers", "no container is named \"aws-node\"; expected the VPC CNI's aws-node container.");
    }

    /// <summary>
    /// A boolean setting read as IPAMD reads it (<c>parseBoolEnvVar</c> / <c>GetBoolAsStringEnvVar</c>, both Go's
    /// <c>strconv.ParseBool</c>): absent or unparsable means <paramref name="defaultValue"/>; null when the value is unresolved.
    /// </summary>
    internal bool? ReadBool(string name, bool defaultValue, out string explanation)
    {
        if (UnresolvedVariables.Contains(name, StringComparer.Ordinal))
        {
            explanation = $"{name} is set from elsewhere (valueFrom) in {Source}, so its value is unknown";
            return null;
        }

        if (!Variables.TryGetValue(name, out var text))
        {
            explanation = $"{name} is not set in {Source}, so it takes its default ({Lower(defaultValue)})";
            return defaultValue;
        }

        if (GoBool(text) is { } parsed)
        {
            explanation = $"{name}={text} in {Source}";
            return parsed;
        }

        explanation = $"{name}=\"{text}\" in {Source} is no boolean Go reads, so IPAMD uses the default ({Lower(defaultValue)})";
        return defaultValue;
    }

    /// <summary>Go's <c>strconv.ParseBool</c>: exactly these spellings, no trimming.</summary>
    internal static bool? GoBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = new StringBuilder(Source).Append(": ").Append(Variables.Count).Append(" variables");
        if (UnresolvedVariables.Count > 0) text.Append(", ").Append(UnresolvedVariables.Count).Append(" unresolved");
        return text.ToString();
    }

    private static string Lower(bool value) => value ? "true" : "false";

    private static void Set(Dictionary<string, string> values, List<string> unresolved, string name, string? value)
    {
        values.Remove(name);
        unresolved.Remove(name);
        if (value is null) unresolved.Add(name);
        else values[name] = value;
    }

    private static JsonElement Walk(JsonElement root, string source, string path, params string[] names)
    {
        var current = root;
        foreach (var name in names)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next) || next.ValueKind == JsonValueKind.Null)
            {
                throw Fail(source, path, $"the property '{name}' is missing; expected {DaemonSetExpected}.");
            }

            path += "." + name;
            current = next;
        }

        return current;
    }

    private static ClusterDocumentException Fail(string source, string path, string message) => new(source, path, message);
}
