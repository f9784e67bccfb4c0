// The wire shape of advisories/*.json. These types exist only to be filled by System.Text.Json's
// source generator; AdvisoryDataReader validates them and builds the immutable public model.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA1056, CA2227, CA1002 // Wire types mirror the JSON exactly.

namespace EksAdvisories.Data;

internal sealed class AdvisoryBundleDocument
{
    public string? SchemaVersion;
    public string? DataVersion;
    public List<AdvisoryDocument?>? Advisories;
}

internal sealed class AdvisoryDocument
{
    public string? SchemaVersion;
    public string? Id;
    public int? Revision;
    public string? Published;
    public string? Modified;
    public string? Title;
    public string? Summary;
    public ComponentDocument? Component;
    public AffectedDocument? Affected;
    public AsPublishedDocument? AsPublished;
    public RootCauseDocument? RootCause;
    public string? Impact;
    public List<string?>? TriggerConditions;

    public List<ConditionDocument?>? Conditions;
    public RemediationDocument? Remediation;
    public MitigationDocument? Mitigation;
    public DetectionDocument? Detection;
    public List<GlossaryDocument?>? Glossary;
    public List<ReferenceDocument?>? References;
    public List<CorrectionDocument?>? Corrections;
    public List<HistoryDocument?>? History;
}

internal sealed class ComponentDocument
{
    public string? Name;
    public List<string?>? Aliases;
    public List<string?>? ImageRepositories;
    public string? UpstreamModule;
}

internal sealed class EventDocument
{
    public string? Introduced;
    public string? Fixed;
    public string? LastAffected;
}

internal sealed class AffectedDocument
{
    public List<EventDocument?>? Events;
    public List<string?>? KnownAffectedReleases;
    public List<string?>? KnownUnaffectedReleases;
    public List<string?>? NeverReleased;
}

internal sealed class AsPublishedDocument
{
    public string? RangeText;
    public List<EventDocument?>? Events;
    public string? FixedIn;
    public string? MitigationTarget;
    public List<string?>? KnownUnaffectedReleases;
}

internal sealed class RootCauseDocument
{
    public string? Description;
    public string? IntroducedIn;
    public string? IntroducedBy;
    public string? IntroducedByCommit;
    public string? FixedBy;
    public string? FixedByCommit;
    public List<ReleaseLineDocument?>? Commits;
}

internal sealed class ReleaseLineDocument
{
    public string? Line;
    public string? IntroducedBy;
    public string? IntroducedVia;
    public string? FirstTag;
    public string? FixedBy;
    public string? FixedVia;
    public string? FixedFirstTag;
    public string? Note;
}

internal sealed class RemediationDocument
{
    public string? FixedIn;
    public string? FirstReleasedFixedVersion;
    public string? FirstFixedAddonVersion;
    public string? RecommendedAddonVersion;
    public string? Description;
    public List<string?>? Caveats;
}

internal sealed class MitigationDocument
{
    public string? TargetVersion;
    public string? Description;
    public string? UnsafeFromKubernetesVersion;
    public List<PitfallDocument?>? UnsafeFromVersions;
    public List<string?>? Caveats;
}

internal sealed class PitfallDocument
{
    public string? Id;
    public List<EventDocument?>? Events;
    public string? Reason;
    public string? Reference;
}

internal sealed class DetectionDocument
{
    public List<LogSignatureDocument?>? LogSignatures;
    public List<MetricDocument?>? Metrics;
    public List<string?>? IntrospectionChecks;
}

internal sealed class MetricDocument
{
    public string? Expression;
    public string? Meaning;
    public string? Proves;
    public string? DoesNotProve;
}

internal sealed class LogSignatureDocument
{
    public string? Id;
    public string? Text;
    public string? Meaning;
    public string? Proves;
    public string? DoesNotProve;
}

internal sealed class GlossaryDocument
{
    public string? Term;
    public string? Definition;
    public string? Link;
}

internal sealed class ReferenceDocument
{
    public string? Type;
    public string? Url;
    public string? Description;
}

internal sealed class CorrectionDocument
{
    public string? Field;
    public string? Claim;
    public string? Correction;
    public List<string?>? Evidence;
}

internal sealed class HistoryDocument
{
    public int? Revision;
    public string? Date;
    public string? Summary;
}
