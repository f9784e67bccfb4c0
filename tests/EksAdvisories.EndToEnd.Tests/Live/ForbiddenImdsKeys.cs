namespace EksAdvisories.EndToEnd.Tests.Live;

/// <summary>IMDS paths that hold secrets or data the checker has no use for: never requested, never written.</summary>
internal static class ForbiddenImdsKeys
{
    private static readonly string[] Fragments = ["iam/security-credentials", "iam/info", "identity-credentials", "user-data", "public-keys", "dynamic/instance-identity"];

    public static IEnumerable<string> In(IEnumerable<string> paths) =>
        paths.Where(p => Fragments.Any(f => p.Contains(f, StringComparison.OrdinalIgnoreCase)));
}
