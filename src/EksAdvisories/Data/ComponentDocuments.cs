// The wire shape of advisories/components/*.json (schemas component-releases.schema.json and
// kubernetes-floors.schema.json), filled by the source-generated serializer; ComponentDataReader checks them.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA1056, CA2227, CA1002 // Wire types mirror the JSON exactly.

namespace EksAdvisories.Data;

internal sealed class ComponentReleasesDocument
{
    public string? SchemaVersion { get; set; }
    public string? Component { get; set; }
    public string? Repository { get; set; }
    public string? Checked { get; set; }
    public string? Dates { get; set; }
    public List<ReleaseDocument?>? Releases { get; set; }
    public List<AddonBuildDocument?>? EksAddonBuilds { get; set; }
    public string? EksAddonBuildsSource { get; set; }
}

internal sealed class ReleaseDocument
{
    public string? Version { get; set; }
    public string? TagDate { get; set; }
    public string? Avoid { get; set; }
    public string? AvoidReference { get; set; }
}

internal sealed class AddonBuildDocument
{
    public string? Version { get; set; }
    public List<string?>? KubernetesVersions { get; set; }
    public string? Basis { get; set; }
}

internal sealed class KubernetesFloorsDocument
{
    public string? SchemaVersion { get; set; }
    public string? Component { get; set; }
    public string? Source { get; set; }
    public string? Meaning { get; set; }
    public string? LastCheckedCommit { get; set; }
    public List<FloorDocument?>? Floors { get; set; }
}

internal sealed class FloorDocument
{
    public string? Kubernetes { get; set; }
    public string? OldestRecommended { get; set; }
    public string? SourceCommit { get; set; }
}
