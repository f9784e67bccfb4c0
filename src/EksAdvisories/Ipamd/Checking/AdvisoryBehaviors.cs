namespace EksAdvisories.Ipamd;

/// <summary>
/// The IPAMD behaviour of a version, derived from the advisory's range data and nothing else, so that data loaded at run
/// time (a revised range) changes the checker's behaviour mapping with no code change. This is the checker's only use of
/// the advisory's range API.
/// </summary>
internal static class AdvisoryBehaviors
{
    /// <summary>Each advisory's first introduced version, worked out once per advisory instance (advisories are immutable).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Advisory, IntroducedHolder> FirstIntroduced = new();

    private sealed record IntroducedHolder(ComponentVersion? Version);

    public static IReadOnlyList<IpamdBehavior> All { get; } = [IpamdBehavior.PreRegression, IpamdBehavior.Affected, IpamdBehavior.Fixed];

    /// <summary>
    /// Affected inside the range; outside it, pre-regression below the range's first introduced event and fixed above;
    /// null, with the advisory's reason, where the advisory cannot tell (a release line across an event, a release that
    /// never shipped, a release candidate of a boundary release).
    /// </summary>
    public static IpamdBehavior? ForVersion(Advisory advisory, ComponentVersion version, out string reason)
    {
        // The text overload answers from the advisory's bounded verdict cache: a fleet has few distinct versions.
        // A candidate of a release the advisory lists as never released (v1.12.3-rc1) carries code nobody shipped.
        if (version.IsPrerelease && !version.IsPartial && advisory.Affected.NeverReleased.Any(r => r.Major == version.Major && r.Minor == version.Minor && r.Patch == version.Patch))
        {
            reason = $"{version} is a release candidate of v{version.Major}.{version.Minor}.{version.Patch}, which {advisory.Id} lists as never released, so its code is unknown; check the version actually deployed";
            return null;
        }

        var verdict = advisory.Evaluate(version.Original, null);
        reason = verdict.Reason;
        switch (verdict.Status)
        {
            case AffectedStatus.Affected:
                return IpamdBehavior.Affected;
            case AffectedStatus.NotAffected:
                var introduced = FirstIntroduced.GetValue(advisory, static a => new IntroducedHolder(a.Affected.Range.Events
                    .Where(e => e.Kind == RangeEventKind.Introduced)
                    .Select(e => ComponentVersion.Parse(e.Version))
                    .OrderBy(v => (v.Major, v.Minor ?? 0, v.Patch ?? 0))
                    .FirstOrDefault())).Version;
                if (introduced is null) return IpamdBehavior.PreRegression;
                var order = (version.Major, version.Minor ?? 0, version.Patch ?? 0).CompareTo((introduced.Major, introduced.Minor ?? 0, introduced.Patch ?? 0));
                return order < 0 || (order == 0 && version.IsPrerelease) ? IpamdBehavior.PreRegression : IpamdBehavior.Fixed;
            default:
                return null;
        }
    }
}
