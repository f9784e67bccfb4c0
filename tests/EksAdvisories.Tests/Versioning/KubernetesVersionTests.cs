namespace EksAdvisories.Tests.Versioning;

public class KubernetesVersionTests
{
    [Theory]
    [InlineData("1.26", 1, 26)]
    [InlineData("v1.26", 1, 26)]
    [InlineData(" 1.25.3 ", 1, 25)]
    [InlineData("v1.29.3-eks-5e0fdde", 1, 29)]
    [InlineData("1.26+", 1, 26)]
    public void Reads_the_forms_clusters_report(string input, int major, int minor)
    {
        var v = KubernetesVersion.Parse(input);
        Assert.Equal(new KubernetesVersion(major, minor), v);
        Assert.Equal($"{major}.{minor}", v.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("one.two")]
    [InlineData("1.x")]
    [InlineData("1.26x")]
    public void Refuses_garbage_with_a_message_quoting_it(string input)
    {
        Assert.False(KubernetesVersion.TryParse(input, out _, out var error));
        Assert.Contains($"'{input}'", error);
        Assert.Throws<FormatException>(() => KubernetesVersion.Parse(input));
    }

    [Fact]
    public void Orders_by_minor()
    {
        Assert.True(KubernetesVersion.Parse("1.25") < KubernetesVersion.Parse("1.26"));
        Assert.True(KubernetesVersion.Parse("1.30") > KubernetesVersion.Parse("1.26"));
    }
}
