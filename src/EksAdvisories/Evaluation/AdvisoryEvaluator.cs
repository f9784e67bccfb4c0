using Semver;

namespace EksAdvisories;

/// <summary>Turns a version into an <see cref="AdvisoryVerdict"/>: the corrected and the published range, reasons, action.</summary>
internal static class AdvisoryEvaluator
{
    public static AdvisoryVerdict Evaluate(Advisory advisory, string? text, KubernetesVersion? kubernetes, string? kubernetesError)
    {
        if (text is null)
        {
            return Unknown(advisory, string.Empty, null, "No version was given (null); expected a version such as 'v1.12.2-eksbuild.1'.");
        }

        var version = ComponentVersion.ParseCore(text, out var error);
        return version is null
            ? Unknown(advisory, text, null, error!)
            : Evaluate(advisory, version, kubernetes, kubernetesError);
    }

    public static AdvisoryVerdict Evaluate(Advisory advisory, ComponentVersion version, KubernetesVersion? kubernetes, string? kubernetesError)
    {
        var input = version.Original;
        if (version.Image is { } image && !advisory.Component.ImageRepositories.Contains(image.Name, StringComparer.OrdinalIgnoreCase))
        {
            return Unknown(advisory, input, version,
                $"The image '{input}' is from repository '{image.Name}', which is not {advisory.Component.Name} (expected {string.Join(" or ", advisory.Component.ImageRepositories.Select(r => "'" + r + "'"))}), so its tag says nothing about this advisory.");
        }

        if (version.IsPartial)
        {
            return EvaluateLine(advisory, version);
        }

        var shown = Describe(version);
        if (!version.IsPrerelease && advisory.Affected.NeverReleased.Contains(version.UpstreamRelease))
        {
            return Unknown(advisory, input, version,
                $"{shown} was never released, so no cluster runs it (the published advisory named v{advisory.AsPublished.FixedIn} as the fix; the first fixed release is v{advisory.Remediation.FirstReleasedFixedVersion}); check the version actually deployed.");
        }

        var range = advisory.Affected.Range;
        if (range.IsUndecidedCandidate(version))
        {
            return Unknown(advisory, input, version,
                $"{shown} is a release candidate of v{version.Major}.{version.Minor}.{version.Patch}, which lies on the other side of the affected range {range} of {advisory.Id}; the range cannot tell which code a candidate of a boundary release carries, and upstream tagged no such candidate. Check the version actually deployed.");
        }

        var status = range.Contains(version) ? AffectedStatus.Affected : AffectedStatus.NotAffected;
        var publishedRange = advisory.AsPublished.Range;
        var published = publishedRange.IsUndecidedCandidate(version) ? AffectedStatus.Unknown
            : publishedRange.Contains(version) ? AffectedStatus.Affected : AffectedStatus.NotAffected;
        var reason = status == AffectedStatus.Affected
            ? $"{shown} is inside the affected range {range} of {advisory.Id}."
            : $"{shown} is outside the affected range {range} of {advisory.Id}.";
        if (published != AffectedStatus.Unknown && status != published)
        {
            reason += published == AffectedStatus.Affected
                ? $" The range as published ({advisory.AsPublished.RangeText}) wrongly lists it as affected."
                : $" The range as published ({advisory.AsPublished.RangeText}) wrongly leaves it out.";
        }

        var action = status == AffectedStatus.Affected ? BuildAction(advisory, kubernetes, kubernetesError) : null;
        return new AdvisoryVerdict(advisory.Id, input, status, published, version, reason, action);
    }

    private static AdvisoryVerdict EvaluateLine(Advisory advisory, ComponentVersion version)
    {
        // A partial version names every release of its line, pre-releases included: [X.Y.0-0, X.(Y+1).0-0).
        var low = new SemVersion(version.Major, version.Minor ?? 0, 0, [new PrereleaseIdentifier(0)], null);
        var high = version.Minor is { } minor
            ? new SemVersion(version.Major, minor + 1, 0, [new PrereleaseIdentifier(0)], null)
            : new SemVersion(version.Major + 1, 0, 0, [new PrereleaseIdentifier(0)], null);
        var line = "v" + version.UpstreamRelease + ".x";
        var all = advisory.Affected.Range.ContainsAll(low, high, out var splitter);
        var allPublished = advisory.AsPublished.Range.ContainsAll(low, high, out _);
        var published = allPublished is null ? AffectedStatus.Unknown : allPublished.Value ? AffectedStatus.Affected : AffectedStatus.NotAffected;
        if (all is null)
        {
            return new AdvisoryVerdict(advisory.Id, version.Original, AffectedStatus.Unknown, published, version,
                $"'{version.Original}' could be any {line} release, and that line holds both affected and unaffected releases (the range {advisory.Affected.Range} changes at v{splitter!.Version}); give the full version, such as 'v{version.Major}.{version.Minor ?? 0}.0-eksbuild.1'.",
                null);
        }

        var status = all.Value ? AffectedStatus.Affected : AffectedStatus.NotAffected;
        var reason = all.Value
            ? $"Every {line} release is inside the affected range {advisory.Affected.Range} of {advisory.Id}."
            : $"No {line} release is inside the affected range {advisory.Affected.Range} of {advisory.Id}.";
        return new AdvisoryVerdict(advisory.Id, version.Original, status, published, version, reason,
            all.Value ? BuildAction(advisory, null, null) : null);
    }

    private static AdvisoryAction BuildAction(Advisory advisory, KubernetesVersion? kubernetes, string? kubernetesError) =>
        kubernetes is null && kubernetesError is null ? advisory.ActionForUnknownKubernetes(BuildActionCore) : BuildActionCore(advisory, kubernetes, kubernetesError);

    private static AdvisoryAction BuildActionCore(Advisory advisory, KubernetesVersion? kubernetes, string? kubernetesError)
    {
        var remediation = advisory.Remediation;
        var mitigation = advisory.Mitigation;
        var upgradeTo = "v" + remediation.FirstReleasedFixedVersion;
        var summary = $"Upgrade {advisory.Component.Name} to {upgradeTo} or later (EKS add-on {remediation.RecommendedAddonVersion}).";
        var target = "v" + mitigation.TargetVersion;
        string? withheld = null;
        switch (mitigation.IsSafeOn(kubernetes))
        {
            case true:
                summary += $" If you cannot upgrade yet, rolling back to {target} avoids the defect.";
                break;
            case false:
                withheld = $"Kubernetes {kubernetes} is {mitigation.UnsafeFromKubernetesVersion} or later, where {target} must not run (see the mitigation caveats); upgrading to {upgradeTo} or later is the only remedy.";
                summary += $" Do not roll back to {target}: " + withheld;
                break;
            default:
                summary += $" If you cannot upgrade yet and the cluster runs Kubernetes older than {mitigation.UnsafeFromKubernetesVersion}, rolling back to {target} avoids the defect; on {mitigation.UnsafeFromKubernetesVersion} and later it is unsafe.";
                if (kubernetesError is not null) summary += " " + kubernetesError;
                break;
        }

        return new AdvisoryAction(upgradeTo, remediation.RecommendedAddonVersion, remediation.Caveats.ToList(),
            withheld is null ? mitigation : null, withheld, summary);
    }

    private static AdvisoryVerdict Unknown(Advisory advisory, string input, ComponentVersion? version, string reason) =>
        new(advisory.Id, input, AffectedStatus.Unknown, AffectedStatus.Unknown, version, reason, null);

    private static string Describe(ComponentVersion version)
    {
        var text = "v" + version;
        return version.EksBuild is null ? text : $"{text} (the EKS add-on build of v{version.UpstreamRelease})";
    }
}
