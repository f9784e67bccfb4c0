using System.Text;

namespace EksAdvisories.Tests.Versioning;

public class AddonVersionsDocumentTests
{
    private static string Sample(string name) => RepositoryPaths.Combine("samples", "addon-versions", name);

    [Fact]
    public void Reads_every_build_of_the_aws_cli_example_newest_first_with_its_cluster_version()
    {
        var document = AddonVersionsDocument.ReadFile(Sample("vpc-cni-kubernetes-1.26.json"));

        Assert.Equal(21, document.Builds.Count);
        Assert.Equal("v1.18.0-eksbuild.1", document.Builds[0].Version.ToString());
        Assert.Equal("v1.12.0-eksbuild.2", document.Builds[^1].Version.ToString());
        Assert.All(document.Builds, b => Assert.Equal([new KubernetesVersion(1, 26)], b.ClusterVersions));
        Assert.Equal("v1.12.5-eksbuild.2", document.DefaultFor(new KubernetesVersion(1, 26))!.Version.ToString());
        Assert.Empty(document.UnreadableBuilds);
        Assert.True(document.HasCompatibilities);
    }

    [Fact]
    public void A_list_of_build_names_is_offered_for_every_cluster_and_has_no_default()
    {
        var document = AddonVersionsDocument.ReadFile(Sample("vpc-cni-kubernetes-1.26-names-only.json"));

        Assert.Equal(21, document.Builds.Count);
        Assert.False(document.HasCompatibilities);
        Assert.Equal(21, document.BuildsFor(new KubernetesVersion(1, 30)).Count);
        Assert.Null(document.DefaultFor(new KubernetesVersion(1, 26)));
    }

    [Theory]
    [InlineData("1.33", 3, "v1.22.1-eksbuild.2")]
    [InlineData("1.31", 4, "v1.19.2-eksbuild.5")]
    [InlineData("1.29", 4, "v1.18.6-eksbuild.1")]
    [InlineData("1.25", 0, null)]
    public void Without_a_kubernetes_version_flag_the_builds_are_filtered_per_cluster_version(string kubernetes, int offered, string? defaultBuild)
    {
        var document = AddonVersionsDocument.ReadFile(Sample("vpc-cni-all-kubernetes-versions.json"));
        var version = KubernetesVersion.Parse(kubernetes);

        Assert.Equal(offered, document.BuildsFor(version).Count);
        Assert.Equal(defaultBuild, document.DefaultFor(version)?.Version.ToString());
    }

    [Fact]
    public void PascalCase_names_from_aws_tools_for_powershell_are_read_too()
    {
        const string json = """
            { "Addons": [ { "AddonName": "vpc-cni", "AddonVersions": [
                { "AddonVersion": "v1.19.2-eksbuild.5", "Compatibilities": [ { "ClusterVersion": "1.31", "DefaultVersion": true, "PlatformVersions": ["*"] } ] } ] } ] }
            """;
        var document = AddonVersionsDocument.Parse(json, "pwsh.json");

        Assert.Equal("v1.19.2-eksbuild.5", Assert.Single(document.Builds).Version.ToString());
        Assert.Equal("v1.19.2-eksbuild.5", document.DefaultFor(new KubernetesVersion(1, 31))!.Version.ToString());
    }

    [Fact]
    public void A_document_for_all_add_ons_is_narrowed_to_vpc_cni()
    {
        const string json = """
            { "addons": [
                { "addonName": "coredns", "addonVersions": [ { "addonVersion": "v1.11.4-eksbuild.2" } ] },
                { "addonName": "vpc-cni", "addonVersions": [ { "addonVersion": "v1.19.2-eksbuild.5" } ] } ] }
            """;
        Assert.Equal("v1.19.2-eksbuild.5", Assert.Single(AddonVersionsDocument.Parse(json, "all.json").Builds).Version.ToString());
    }

    [Fact]
    public void Builds_it_cannot_judge_are_kept_aside_with_the_reason_never_dropped_or_ordered()
    {
        const string json = """
            { "addons": [ { "addonName": "vpc-cni", "addonVersions": [
                { "addonVersion": "v1.22.1-eksbuild" }, { "addonVersion": "v1.22" }, { "addonVersion": "v1.22.2-eksbuild.1" } ] } ] }
            """;
        var document = AddonVersionsDocument.Parse(json, "odd.json");

        Assert.Equal("v1.22.2-eksbuild.1", Assert.Single(document.Builds).Version.ToString());
        Assert.Equal(2, document.UnreadableBuilds.Count);
        Assert.Equal("$.addons[0].addonVersions[0].addonVersion", document.UnreadableBuilds[0].JsonPath);
        Assert.Contains("v1.22.1-eksbuild", document.UnreadableBuilds[0].Reason, StringComparison.Ordinal);
        Assert.Contains("not a complete add-on build", document.UnreadableBuilds[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_build_listed_twice_is_one_build_with_both_cluster_versions()
    {
        const string json = """
            { "addons": [ { "addonName": "vpc-cni", "addonVersions": [
                { "addonVersion": "v1.19.2-eksbuild.5", "compatibilities": [ { "clusterVersion": "1.30" } ] },
                { "addonVersion": "v1.19.2-eksbuild.5", "compatibilities": [ { "clusterVersion": "1.31", "defaultVersion": true } ] } ] } ] }
            """;
        var build = Assert.Single(AddonVersionsDocument.Parse(json, "twice.json").Builds);
        Assert.Equal([new KubernetesVersion(1, 30), new KubernetesVersion(1, 31)], build.ClusterVersions);
        Assert.Equal([new KubernetesVersion(1, 31)], build.DefaultFor);
    }

    [Theory]
    [InlineData("", "not valid JSON", null)]
    [InlineData("42", "expected the JSON of aws eks describe-addon-versions", "$")]
    [InlineData("{}", "'addons' is missing", "$")]
    [InlineData("""{"addons":{}}""", "expected an array of add-ons, found an object", "$.addons")]
    [InlineData("""{"addons":[{"addonName":"coredns","addonVersions":[]}]}""", "only 'coredns'", "$.addons")]
    [InlineData("""{"addons":[{"addonName":"vpc-cni"}]}""", "'addonVersions' is missing", "$.addons[0]")]
    [InlineData("""{"addons":[{"addonName":"vpc-cni","addonVersions":[{"addonVersion":7}]}]}""", "found the number 7", "$.addons[0].addonVersions[0].addonVersion")]
    [InlineData("""{"addons":[{"addonName":"vpc-cni","addonVersions":[{"addonVersion":"v1.19.2-eksbuild.5","compatibilities":[{"clusterVersion":"latest"}]}]}]}""", "latest", "$.addons[0].addonVersions[0].compatibilities[0].clusterVersion")]
    [InlineData("""{"addons":[{"addonName":"vpc-cni","addonVersions":[{"addonVersion":"v1.19.2-eksbuild.5","compatibilities":[{"clusterVersion":"1.31","defaultVersion":"yes"}]}]}]}""", "expected true or false", "$.addons[0].addonVersions[0].compatibilities[0].defaultVersion")]
    public void A_document_of_the_wrong_shape_is_refused_naming_the_source_path_and_value(string json, string message, string? path)
    {
        var error = Assert.Throws<ClusterDocumentException>(() => AddonVersionsDocument.Parse(json, "input.json"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("input.json", error.Message, StringComparison.Ordinal);
        Assert.Equal("input.json", error.DocumentSource);
        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_and_invalid_utf8_is_refused()
    {
        var json = """{"addons":[{"addonName":"vpc-cni","addonVersions":[{"addonVersion":"v1.19.2-eksbuild.5"}]}]}""";
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];
        Assert.Single(AddonVersionsDocument.Read(new MemoryStream(withBom), "bom.json").Builds);

        byte[] broken = [.. Encoding.UTF8.GetBytes("{\"addons\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];
        var error = Assert.Throws<ClusterDocumentException>(() => AddonVersionsDocument.Read(new MemoryStream(broken), "broken.json"));
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_and_missing_files_are_refused_with_the_documented_exception()
    {
        var deep = new string('[', 100) + new string(']', 100);
        Assert.Contains("nested deeper than 64", Assert.Throws<ClusterDocumentException>(() => AddonVersionsDocument.Parse(deep, "deep.json")).Message, StringComparison.Ordinal);
        Assert.Contains("could not be opened", Assert.Throws<ClusterDocumentException>(() => AddonVersionsDocument.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"))).Message, StringComparison.Ordinal);
    }
}
