namespace EksAdvisories.Ipamd;

/// <summary>Maps a VPC CNI version to the IPAMD behaviour its code has.</summary>
internal static class IpamdBehaviors
{
    // PR 1975 (tag v1.11.4-rc1) removed the EC2 read after each allocation; PR 2210 restored it on the refusal, first
    // released in v1.12.5 (v1.12.3 and v1.12.4 were skipped). v1.11.5 came from release-1.11 without the fix.
    private static readonly ComponentVersion FirstAffected = ComponentVersion.Parse("1.11.4-rc1");
    private static readonly ComponentVersion FirstFixed = ComponentVersion.Parse("1.12.5");

    public static IReadOnlyList<IpamdBehavior> All { get; } = [IpamdBehavior.PreRegression, IpamdBehavior.Affected, IpamdBehavior.Fixed];

    /// <summary>The behaviour of <paramref name="version"/>, or null with a reason when the version does not decide it.</summary>
    public static IpamdBehavior? ForVersion(ComponentVersion version, out string reason)
    {
        var shown = "v" + version.UpstreamRelease;
        if (version.IsPartial)
        {
            // A release line decides the behaviour only when every release of the line has the same one.
            var minor = version.Minor;
            if (version.Major == 0 || (version.Major == 1 && minor <= 10))
            {
                reason = $"every {shown}.x release predates the regression (v1.11.4-rc1)";
                return IpamdBehavior.PreRegression;
            }

            if (version.Major >= 2 || (version.Major == 1 && minor >= 13))
            {
                reason = $"every {shown}.x release has the fix (v1.12.5 and later)";
                return IpamdBehavior.Fixed;
            }

            reason = $"'{version.Original}' names a release line that holds both affected and unaffected releases; give the full version";
            return null;
        }

        if (version < FirstAffected)
        {
            reason = $"{shown} predates the regression introduced in v1.11.4-rc1";
            return IpamdBehavior.PreRegression;
        }

        if (version >= FirstFixed)
        {
            reason = $"{shown} has the fix (first released in v1.12.5)";
            return IpamdBehavior.Fixed;
        }

        if (version is { Major: 1, Minor: 12, Patch: 3 or 4 } && !version.IsPrerelease)
        {
            reason = $"{shown} was never released (v1.12.3 and v1.12.4 were skipped), so its code is unknown; check the version actually deployed";
            return null;
        }

        reason = $"{shown} is between v1.11.4-rc1 and v1.12.5, whose IPAMD swallows PrivateIpAddressLimitExceeded";
        return IpamdBehavior.Affected;
    }
}
