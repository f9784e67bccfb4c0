namespace EksAdvisories.Benchmarks;

/// <summary>The mix of version strings real tools see: add-on builds, image references, upstream tags, garbage.</summary>
public static class VersionInputs
{
    public static readonly string[] Mix =
    [
        "v1.12.2-eksbuild.1",
        "v1.11.4-eksbuild.3",
        "v1.12.5-eksbuild.2",
        "v1.12.6-eksbuild.2",
        "602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.12.2-eksbuild.1",
        "602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.12.6-eksbuild.2",
        "v1.11.3",
        "v1.12.1-rc1",
        "1.12.2",
        "v1.13.0",
        "latest",
        "not-a-version",
    ];
}
