namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads <c>kubectl get ds aws-node -n kube-system -o json</c>: the image of the container named <c>aws-node</c> (which
/// carries the CNI version) and the IPAMD settings in its <c>env</c>. Variables set through <c>valueFrom</c> are unknown
/// here and left unset; every other value is kept as written, for <see cref="SettingsResolver"/> to read as Go does.
/// </summary>
internal static class DaemonSetReader
{
    public static DaemonSetDocument Read(byte[] utf8, string fileName = SnapshotFileNames.AwsNodeDaemonSet)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("the aws-node DaemonSet object (kubectl get ds aws-node -n kube-system -o json)");
        if (root.Optional("kind") is { } kind && kind.AsString("a kind") is var k && !string.Equals(k, "DaemonSet", StringComparison.Ordinal))
        {
            throw kind.FailValue($"the kind is '{k}'; expected \"DaemonSet\" (kubectl get ds aws-node -n kube-system -o json).");
        }

        var containers = root.Required("spec").Required("template").Required("spec").Required("containers");
        JsonCursor? awsNode = null;
        foreach (var container in containers.Items("an array of containers"))
        {
            if (string.Equals(container.Required("name").AsString("a container name"), "aws-node", StringComparison.Ordinal))
            {
                awsNode = container;
                break;
            }
        }

        if (awsNode is not { } node) throw containers.FailValue("no container is named \"aws-node\"; expected the VPC CNI's aws-node container.");
        var image = node.Required("image");
        var env = node.Optional("env") is { } list ? ReadEnv(list) : AwsNodeEnv.None;
        return new DaemonSetDocument(image.AsString("an image reference"), image.Path, env);
    }

    /// <summary>
    /// Every variable's text as written; a variable listed twice takes the last value, as Kubernetes passes it to the
    /// container. Nothing is judged here: what IPAMD makes of each value is <see cref="SettingsResolver"/>'s rule.
    /// </summary>
    private static AwsNodeEnv ReadEnv(JsonCursor list)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items("an array of env variables"))
        {
            var name = item.Required("name").AsString("a variable name");
            if (item.Optional("value") is { } valueCursor)
            {
                values[name] = valueCursor.AsString("the variable's value as a string");
                references.Remove(name);
            }
            else if (item.Optional("valueFrom") is not null)
            {
                values.Remove(name);
                references.Add(name);
            }
            else
            {
                // Kubernetes passes a variable without value as the empty string.
                values[name] = string.Empty;
                references.Remove(name);
            }
        }

        return new AwsNodeEnv(values, references);
    }
}
