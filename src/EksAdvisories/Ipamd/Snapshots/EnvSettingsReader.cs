namespace EksAdvisories.Ipamd;

/// <summary>
/// Reads IPAMD's introspection <c>GET /v1/ipamd-env-settings</c>: <c>WARM_IP_TARGET</c>, <c>WARM_ENI_TARGET</c> and
/// <c>AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG</c>. Numbers and booleans are accepted as JSON values or as their text,
/// since releases differ in how they write them; other keys are ignored.
/// </summary>
internal static class EnvSettingsReader
{
    public static EnvSettingsDocument Read(byte[] utf8, string fileName = SnapshotFileNames.IpamdEnvSettings)
    {
        using var document = JsonCursor.Parse(utf8, fileName);
        var root = new JsonCursor(document.RootElement, fileName, "$").ExpectObject("an object of IPAMD settings (GET /v1/ipamd-env-settings)");
        return new EnvSettingsDocument(
            root.Optional("WARM_IP_TARGET")?.AsLenientInt("a non-negative number of IPs"),
            root.Optional("WARM_ENI_TARGET")?.AsLenientInt("a non-negative number of ENIs"),
            root.Optional("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG")?.AsLenientBool());
    }
}
