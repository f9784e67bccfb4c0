namespace EksAdvisories.Tests.Versioning;

public class ComponentVersionTests
{
    [Theory]
    [InlineData("1.12.2", "v1.12.2", 1, 12, 2, "", null)]
    [InlineData("v1.12.2", "v1.12.2", 1, 12, 2, "", null)]
    [InlineData("V1.12.2", "v1.12.2", 1, 12, 2, "", null)]
    [InlineData("  v1.12.2\t\n", "v1.12.2", 1, 12, 2, "", null)]
    [InlineData("v1.12.2-eksbuild.1", "v1.12.2-eksbuild.1", 1, 12, 2, "", 1)]
    [InlineData("v1.11.4-eksbuild.3", "v1.11.4-eksbuild.3", 1, 11, 4, "", 3)]
    [InlineData("v1.12.1-rc1", "v1.12.1-rc1", 1, 12, 1, "rc1", null)]
    [InlineData("1.11.4-rc1", "v1.11.4-rc1", 1, 11, 4, "rc1", null)]
    [InlineData("v1.12.2+build.7", "v1.12.2+build.7", 1, 12, 2, "", null)]
    [InlineData("v1.12.2-eksbuild.1+abc", "v1.12.2-eksbuild.1+abc", 1, 12, 2, "", 1)]
    public void Reads_every_form_a_cluster_shows(string input, string normalized, int major, int minor, int patch, string prerelease, int? eksBuild)
    {
        var v = ComponentVersion.Parse(input);
        Assert.Equal(normalized, v.ToString());
        Assert.Equal(major, v.Major);
        Assert.Equal(minor, v.Minor);
        Assert.Equal(patch, v.Patch);
        Assert.Equal(prerelease, v.Prerelease);
        Assert.Equal(eksBuild, v.EksBuild);
        Assert.Equal(input, v.Original);
        Assert.False(v.IsPartial);
    }

    [Fact]
    public void Eks_build_suffix_is_a_build_not_a_prerelease()
    {
        var v = ComponentVersion.Parse("v1.12.0-eksbuild.1");
        Assert.False(v.IsPrerelease);
        Assert.Equal("1.12.0", v.UpstreamRelease);
        Assert.True(v > ComponentVersion.Parse("1.12.0"), "an EKS build sorts after the plain release it packages");
        Assert.True(v > ComponentVersion.Parse("1.12.0-rc1"));
        Assert.True(v < ComponentVersion.Parse("v1.12.0-eksbuild.2"));
    }

    [Theory]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1", "602401143452.dkr.ecr.us-west-2.amazonaws.com", "amazon-k8s-cni", "v1.12.2-eksbuild.1", null)]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.12.2", "602401143452.dkr.ecr.us-west-2.amazonaws.com", "amazon-k8s-cni-init", "v1.12.2", null)]
    [InlineData("602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.12.5-eksbuild.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "602401143452.dkr.ecr.eu-west-1.amazonaws.com", "amazon-k8s-cni", "v1.12.5-eksbuild.1", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("public.ecr.aws/eks/amazon-k8s-cni:v1.12.6", "public.ecr.aws", "eks/amazon-k8s-cni", "v1.12.6", null)]
    [InlineData("localhost:5000/amazon-k8s-cni:v1.11.3", "localhost:5000", "amazon-k8s-cni", "v1.11.3", null)]
    [InlineData("amazon-k8s-cni:v1.11.3", null, "amazon-k8s-cni", "v1.11.3", null)]
    public void Reads_image_references(string input, string? registry, string repository, string tag, string? digest)
    {
        var v = ComponentVersion.Parse(input);
        Assert.NotNull(v.Image);
        Assert.Equal(registry, v.Image!.Registry);
        Assert.Equal(repository, v.Image.Repository);
        Assert.Equal(tag, v.Image.Tag);
        Assert.Equal(digest, v.Image.Digest);
        Assert.Equal(input, v.Image.ToString());
        Assert.Equal(ComponentVersion.Parse(tag), v);
    }

    [Theory]
    [InlineData("v1.12", 1, 12)]
    [InlineData("1.11", 1, 11)]
    [InlineData("v1", 1, null)]
    public void Partial_versions_are_read_as_a_release_line(string input, int major, int? minor)
    {
        var v = ComponentVersion.Parse(input);
        Assert.True(v.IsPartial);
        Assert.Equal(major, v.Major);
        Assert.Equal(minor, v.Minor);
        Assert.Null(v.Patch);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "white space")]
    [InlineData("latest", "'latest'")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:latest", "'latest'")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni@sha256:0123456789abcdef", "digest only")]
    [InlineData("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni", "no tag")]
    [InlineData("1.12.2.1", "fourth version number")]
    [InlineData("1.012.2", "'012'")]
    [InlineData("1.12.x", "'x'")]
    [InlineData("one.two.three", "'one'")]
    [InlineData("1..2", "empty version number")]
    [InlineData("1.12.2-", "suffix")]
    [InlineData("1.12.2-rc..1", "suffix")]
    [InlineData("1.12.2-01", "suffix")]
    [InlineData("1.12-rc1", "suffix")]
    [InlineData("vv1.12.2", "'v1'")]
    [InlineData("1.12.2 1.12.3", "'2 1'")]
    public void Says_what_it_could_not_parse(string input, string expectedInMessage)
    {
        Assert.False(ComponentVersion.TryParse(input, out var v, out var error));
        Assert.Null(v);
        Assert.Contains(expectedInMessage, error, StringComparison.OrdinalIgnoreCase);
        if (input.Trim().Length > 0) Assert.Contains(input, error, StringComparison.Ordinal);
        var e = Assert.Throws<FormatException>(() => ComponentVersion.Parse(input));
        Assert.Equal(error, e.Message);
    }

    [Fact]
    public void Null_is_refused_clearly()
    {
        Assert.False(ComponentVersion.TryParse(null, out _, out var error));
        Assert.Contains("null", error);
        Assert.Throws<ArgumentNullException>(() => ComponentVersion.Parse(null!));
    }

    [Theory]
    [InlineData("1.11.4-rc1", "v1.11.4-rc2")]
    [InlineData("1.11.4-rc2", "v1.11.4")]
    [InlineData("1.11.4", "v1.11.4-eksbuild.1")]
    [InlineData("1.11.4-eksbuild.3", "v1.11.5")]
    [InlineData("1.12", "v1.12.0")]
    [InlineData("1.9.3", "v1.10.0")]
    public void Orders_by_upstream_precedence_then_eks_build(string lower, string higher)
    {
        var a = ComponentVersion.Parse(lower);
        var b = ComponentVersion.Parse(higher);
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(b.CompareTo(a) > 0);
        Assert.True(a < b && b > a && a <= b && b >= a && a != b);
    }

    [Fact]
    public void Equality_ignores_form_and_metadata()
    {
        Assert.Equal(ComponentVersion.Parse(" V1.12.2-eksbuild.1 "), ComponentVersion.Parse("amazon-k8s-cni:v1.12.2-eksbuild.1+meta"));
        Assert.Equal(ComponentVersion.Parse("v1.12.2").GetHashCode(), ComponentVersion.Parse("1.12.2").GetHashCode());
        Assert.NotEqual(ComponentVersion.Parse("v1.12.2"), ComponentVersion.Parse("v1.12.2-eksbuild.1"));
    }

    [Theory]
    [InlineData("v1.12.2")]
    [InlineData("v1.12.2-eksbuild.1")]
    [InlineData("v1.12.1-rc1")]
    [InlineData("v1.12.2-eksbuild.1+meta.1")]
    [InlineData("v1.12")]
    public void Normalized_text_parses_back_to_the_same_version(string normalized)
    {
        var v = ComponentVersion.Parse(normalized);
        Assert.Equal(normalized, v.ToString());
        Assert.Equal(v, ComponentVersion.Parse(v.ToString()));
    }
}
