using System.Text;

namespace EksAdvisories.Tests.Conditions;

public class AwsNodeSettingsTests
{
    private static AwsNodeSettings Env(params (string Name, string? Value)[] variables) =>
        AwsNodeSettings.FromEnvironment(variables.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)), "test env");

    [Theory]
    // Go's strconv.ParseBool, which IPAMD's parseBoolEnvVar (v1.22.1:pkg/ipamd/ipamd.go:2021) uses: exactly these spellings.
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("T", true)]
    // Anything else is a parse error, and IPAMD falls back to the default (true for ENABLE_SUBNET_DISCOVERY).
    [InlineData("no", true)]
    [InlineData(" false", true)]
    [InlineData("fAlse", true)]
    [InlineData("", true)]
    public void Boolean_settings_are_read_the_way_go_reads_them(string value, bool expected)
    {
        var settings = Env(("ENABLE_SUBNET_DISCOVERY", value));
        Assert.Equal(expected, settings.ReadBool("ENABLE_SUBNET_DISCOVERY", defaultValue: true, out var explanation));
        Assert.Contains("ENABLE_SUBNET_DISCOVERY", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_setting_takes_the_default_and_a_value_from_elsewhere_stays_unknown()
    {
        var settings = Env(("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", null));
        Assert.True(settings.ReadBool("ENABLE_SUBNET_DISCOVERY", true, out var absent));
        Assert.Contains("not set", absent, StringComparison.Ordinal);
        Assert.Null(settings.ReadBool("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", false, out var unknown));
        Assert.Contains("valueFrom", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_variable_of_the_same_name_wins_as_in_a_container_spec()
    {
        var settings = Env(("ENABLE_SUBNET_DISCOVERY", "true"), ("ENABLE_SUBNET_DISCOVERY", "false"));
        Assert.False(settings.ReadBool("ENABLE_SUBNET_DISCOVERY", true, out _));
    }

    [Fact]
    public void The_daemonset_env_of_the_aws_node_container_is_read_and_other_containers_are_ignored()
    {
        const string json = """
            { "apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": { "name": "aws-node", "namespace": "kube-system" },
              "spec": { "template": { "spec": {
                "initContainers": [ { "name": "aws-vpc-cni-init", "env": [ { "name": "ENABLE_SUBNET_DISCOVERY", "value": "true" } ] } ],
                "containers": [
                  { "name": "aws-node", "image": "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.22.1-eksbuild.2",
                    "env": [ { "name": "ENABLE_SUBNET_DISCOVERY", "value": "false" },
                             { "name": "MY_NODE_NAME", "valueFrom": { "fieldRef": { "fieldPath": "spec.nodeName" } } },
                             { "name": "AWS_VPC_K8S_CNI_LOGLEVEL", "value": "DEBUG" } ] },
                  { "name": "aws-eks-nodeagent", "env": [ { "name": "ENABLE_SUBNET_DISCOVERY", "value": "true" } ] } ] } } } }
            """;
        var settings = AwsNodeSettings.ParseDaemonSet(Encoding.UTF8.GetBytes(json), "aws-node.json");

        Assert.Equal("false", settings.Variables["ENABLE_SUBNET_DISCOVERY"]);
        Assert.Equal(["MY_NODE_NAME"], settings.UnresolvedVariables);
        Assert.False(settings.ReadBool("ENABLE_SUBNET_DISCOVERY", true, out var explanation));
        Assert.Equal("ENABLE_SUBNET_DISCOVERY=false in aws-node.json", explanation);
    }

    [Theory]
    [InlineData("[]", "$", "an array")]
    [InlineData("""{"kind":"Deployment"}""", "$.kind", "expected \"DaemonSet\"")]
    [InlineData("""{"kind":"DaemonSet","spec":{}}""", "$.spec", "'template' is missing")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"kube-proxy"}]}}}}""", "$.spec.template.spec.containers", "no container is named \"aws-node\"")]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"name":"aws-node","env":[{"name":"X","value":1}]}]}}}}""", "$.spec.template.spec.containers[0].env[0].value", "found the number 1")]
    public void A_daemonset_of_the_wrong_shape_is_refused_naming_the_path(string json, string path, string message)
    {
        var error = Assert.Throws<ClusterDocumentException>(() => AwsNodeSettings.ParseDaemonSet(Encoding.UTF8.GetBytes(json), "ds.json"));
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
