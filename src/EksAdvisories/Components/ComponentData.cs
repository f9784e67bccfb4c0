using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>What the data knows about a component apart from any advisory: its releases, Kubernetes floors and add-on builds.</summary>
internal sealed class ComponentData
{
    public static ComponentData None { get; } = new([], [], []);

    public ComponentData(IList<ComponentRelease> releases, IList<KubernetesFloor> floors, IList<AddonBuild> addonBuilds)
    {
        Releases = new ReadOnlyCollection<ComponentRelease>(releases);
        Floors = new ReadOnlyCollection<KubernetesFloor>(floors);
        AddonBuilds = new ReadOnlyCollection<AddonBuild>(addonBuilds);
    }

    public IReadOnlyList<ComponentRelease> Releases { get; }

    public IReadOnlyList<KubernetesFloor> Floors { get; }

    public IReadOnlyList<AddonBuild> AddonBuilds { get; }
}
