// The wire shape of advisories/components/*.json (schemas component-releases.schema.json and
// kubernetes-floors.schema.json), filled by the source-generated serializer; ComponentDataReader checks them.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA1056, CA2227, CA1002 // Wire types mirror the JSON exactly.

namespace EksAdvisories.Data;

internal sealed class ComponentReleasesDocument
{
    public string? SchemaVersion;
    public string? Component;
    public string? Repository;
    public string? Checked;
    public string? Dates;
    public List<ReleaseDocument?>? Releases;
    public List<AddonBuildDocument?>? EksAddonBuilds;
    public string? EksAddonBuildsSource;
}

internal sealed class ReleaseDocument
{
    public string? Version;
    public string? TagDate;
    public string? Avoid;
    public string? AvoidReference;
}

internal sealed class AddonBuildDocument
{
    public string? Version;
    public List<string?>? KubernetesVersions;
    public string? Basis;
}

internal sealed class KubernetesFloorsDocument
{
    public string? SchemaVersion;
    public string? Component;
    public string? Source;
    public string? Meaning;
    public string? LastCheckedCommit;
    public List<FloorDocument?>? Floors;
}

internal sealed class FloorDocument
{
    public string? Kubernetes;
    public string? OldestRecommended;
    public string? SourceCommit;
}
