// The wire shape of advisories/*.json. These types exist only to be filled by System.Text.Json's
// source generator; AdvisoryDataReader validates them and builds the immutable public model.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA1056, CA2227, CA1002 // Wire types mirror the JSON exactly.

namespace EksAdvisories.Data;

internal sealed class AdvisoryBundleDocument
{
    public string? SchemaVersion { get; set; }
    public string? DataVersion { get; set; }
    public List<AdvisoryDocument?>? Advisories { get; set; }
}

internal sealed class AdvisoryDocument
{
    public string? SchemaVersion { get; set; }
    public string? Id { get; set; }
    public int? Revision { get; set; }
    public string? Published { get; set; }
    public string? Modified { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public ComponentDocument? Component { get; set; }
    public AffectedDocument? Affected { get; set; }
    public AsPublishedDocument? AsPublished { get; set; }
    public RootCauseDocument? RootCause { get; set; }
    public string? Impact { get; set; }
    public List<string?>? TriggerConditions { get; set; }
    public RemediationDocument? Remediation { get; set; }
    public MitigationDocument? Mitigation { get; set; }
    public DetectionDocument? Detection { get; set; }
    public List<GlossaryDocument?>? Glossary { get; set; }
    public List<ReferenceDocument?>? References { get; set; }
    public List<CorrectionDocument?>? Corrections { get; set; }
    public List<HistoryDocument?>? History { get; set; }
}

internal sealed class ComponentDocument
{
    public string? Name { get; set; }
    public List<string?>? Aliases { get; set; }
    public List<string?>? ImageRepositories { get; set; }
    public string? UpstreamModule { get; set; }
}

internal sealed class EventDocument
{
    public string? Introduced { get; set; }
    public string? Fixed { get; set; }
    public string? LastAffected { get; set; }
}

internal sealed class AffectedDocument
{
    public List<EventDocument?>? Events { get; set; }
    public List<string?>? KnownAffectedReleases { get; set; }
    public List<string?>? KnownUnaffectedReleases { get; set; }
    public List<string?>? NeverReleased { get; set; }
}

internal sealed class AsPublishedDocument
{
    public string? RangeText { get; set; }
    public List<EventDocument?>? Events { get; set; }
    public string? FixedIn { get; set; }
    public string? MitigationTarget { get; set; }
    public List<string?>? KnownUnaffectedReleases { get; set; }
}

internal sealed class RootCauseDocument
{
    public string? Description { get; set; }
    public string? IntroducedIn { get; set; }
    public string? IntroducedBy { get; set; }
    public string? IntroducedByCommit { get; set; }
    public string? FixedBy { get; set; }
    public string? FixedByCommit { get; set; }
    public List<ReleaseLineDocument?>? Commits { get; set; }
}

internal sealed class ReleaseLineDocument
{
    public string? Line { get; set; }
    public string? IntroducedBy { get; set; }
    public string? IntroducedVia { get; set; }
    public string? FirstTag { get; set; }
    public string? FixedBy { get; set; }
    public string? FixedVia { get; set; }
    public string? FixedFirstTag { get; set; }
    public string? Note { get; set; }
}

internal sealed class RemediationDocument
{
    public string? FixedIn { get; set; }
    public string? FirstReleasedFixedVersion { get; set; }
    public string? FirstFixedAddonVersion { get; set; }
    public string? RecommendedAddonVersion { get; set; }
    public string? Description { get; set; }
    public List<string?>? Caveats { get; set; }
}

internal sealed class MitigationDocument
{
    public string? TargetVersion { get; set; }
    public string? Description { get; set; }
    public string? UnsafeFromKubernetesVersion { get; set; }
    public List<PitfallDocument?>? UnsafeFromVersions { get; set; }
    public List<string?>? Caveats { get; set; }
}

internal sealed class PitfallDocument
{
    public string? Id { get; set; }
    public List<EventDocument?>? Events { get; set; }
    public string? Reason { get; set; }
    public string? Reference { get; set; }
}

internal sealed class DetectionDocument
{
    public List<LogSignatureDocument?>? LogSignatures { get; set; }
    public List<MetricDocument?>? Metrics { get; set; }
    public List<string?>? IntrospectionChecks { get; set; }
}

internal sealed class MetricDocument
{
    public string? Expression { get; set; }
    public string? Meaning { get; set; }
    public string? Proves { get; set; }
    public string? DoesNotProve { get; set; }
}

internal sealed class LogSignatureDocument
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Meaning { get; set; }
    public string? Proves { get; set; }
    public string? DoesNotProve { get; set; }
}

internal sealed class GlossaryDocument
{
    public string? Term { get; set; }
    public string? Definition { get; set; }
    public string? Link { get; set; }
}

internal sealed class ReferenceDocument
{
    public string? Type { get; set; }
    public string? Url { get; set; }
    public string? Description { get; set; }
}

internal sealed class CorrectionDocument
{
    public string? Field { get; set; }
    public string? Claim { get; set; }
    public string? Correction { get; set; }
    public List<string?>? Evidence { get; set; }
}

internal sealed class HistoryDocument
{
    public int? Revision { get; set; }
    public string? Date { get; set; }
    public string? Summary { get; set; }
}
