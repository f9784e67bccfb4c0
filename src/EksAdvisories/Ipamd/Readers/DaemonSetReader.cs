using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads <c>kubectl get ds aws-node -n kube-system -o json</c>: the image of the container named <c>aws-node</c> (which
/// carries the CNI version) and the IPAMD settings in its <c>env</c>. Variables set through <c>valueFrom</c> are unknown
/// here and left unset.
/// </summary>
internal static class DaemonSetReader
{
    public static DaemonSetDocument Read(byte[] utf8, string fileName = SnapshotFiles.AwsNodeDaemonSet)
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

    private static AwsNodeEnv ReadEnv(JsonCursor list)
    {
        bool? prefixDelegation = null, customNetworking = null;
        int? warmPrefix = null, warmEni = null, warmIp = null, minimumIp = null;
        foreach (var item in list.Items("an array of env variables"))
        {
            var name = item.Required("name").AsString("a variable name");
            if (item.Optional("value") is not { } valueCursor) continue;
            var value = valueCursor.AsString("the variable's value as a string").Trim();
            switch (name)
            {
                case "ENABLE_PREFIX_DELEGATION": prefixDelegation = Bool(valueCursor, value); break;
                case "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": customNetworking = Bool(valueCursor, value); break;
                case "WARM_PREFIX_TARGET": warmPrefix = Int(valueCursor, value); break;
                case "WARM_ENI_TARGET": warmEni = Int(valueCursor, value); break;
                case "WARM_IP_TARGET": warmIp = Int(valueCursor, value); break;
                case "MINIMUM_IP_TARGET": minimumIp = Int(valueCursor, value); break;
                default: break;
            }
        }

        return new AwsNodeEnv(prefixDelegation, warmPrefix, warmEni, warmIp, minimumIp, customNetworking);
    }

    private static bool Bool(JsonCursor cursor, string value) =>
        bool.TryParse(value, out var parsed) ? parsed : throw cursor.Fail("\"true\" or \"false\"");

    private static int? Int(JsonCursor cursor, string value)
    {
        // An empty value is how manifests leave a target unset.
        if (value.Length == 0) return null;
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw cursor.Fail("a non-negative whole number as a string, such as \"1\"");
    }
}
