using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using EksAdvisories.Data;

namespace EksAdvisories;

/// <summary>
/// The advisories, with a data version of their own. <see cref="Default"/> holds the data embedded in this package;
/// <see cref="Load(Stream)"/> reads newer data in the same format without a new package.
/// This type is immutable and thread-safe.
/// </summary>
public sealed class AdvisoryCatalog
{
    private const string ResourcePrefix = "EksAdvisories.Data.";

    private readonly Dictionary<string, Advisory> _byId;

    /// <summary>Hashes the data on first read of <see cref="DataSha256"/> when it was not hashed up front (the embedded data).</summary>
    private readonly Func<string>? _hashOnFirstUse;

    private string? _dataSha256;

    private AdvisoryCatalog(string dataVersion, string? dataSha256, Func<string>? hashOnFirstUse, List<Advisory> advisories)
    {
        DataVersion = dataVersion;
        _dataSha256 = dataSha256;
        _hashOnFirstUse = hashOnFirstUse;
        Advisories = new ReadOnlyCollection<Advisory>(advisories);
        _byId = advisories.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The advisories embedded in this package, read on first use (no I/O before that, once per process,
    /// safe to touch from any number of threads at once).
    /// </summary>
    public static AdvisoryCatalog Default => DefaultHolder.Instance;

    /// <summary>
    /// The version of the data, like a time zone database's <c>2024a</c>: the bundle's <c>dataVersion</c> when it has one,
    /// else the date of the latest advisory change as <c>yyyy.MM.dd</c>.
    /// </summary>
    public string DataVersion { get; }

    /// <summary>
    /// The SHA-256 (lower-case hex) of the bytes the catalog was read from. For the embedded data: of the advisory files
    /// in ordinal file-name order followed by the component files (<c>advisories/components/</c>) in ordinal file-name
    /// order, since both decide the answers. A loaded catalog is joined with the embedded component files, which
    /// <see cref="Default"/>'s hash covers. It lets a tool prove which data answered.
    /// </summary>
    /// <remarks>
    /// <see cref="Default"/> hashes its embedded files when this is first read rather than when the data is first used
    /// (the resources cannot change, so the answer is the same; a race computes the same string twice).
    /// </remarks>
    public string DataSha256 => _dataSha256 ??= _hashOnFirstUse!();

    /// <summary>The advisories, in id order.</summary>
    public IReadOnlyList<Advisory> Advisories { get; }

    /// <summary>Reads a catalog from a stream holding one advisory file exactly as it stands in <c>advisories/</c>, or a bundle of several.</summary>
    /// <param name="stream">The data (UTF-8 JSON, with or without a byte order mark). It is read to the end and not disposed.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="AdvisoryDataException">
    /// The stream cannot be read (closed, disposed, write-only, failing), or the data is malformed, of an unsupported
    /// format major version, or breaks a rule (an inverted or empty range, a fix or mitigation target inside the range, …);
    /// the message names the source, the JSON path and the value.
    /// </exception>
    public static AdvisoryCatalog Load(Stream stream) => Load(stream, "advisory data stream");

    /// <summary>Reads a catalog from a stream, naming the source in error messages.</summary>
    /// <param name="stream">The data (UTF-8 JSON, with or without a byte order mark). It is read to the end and not disposed.</param>
    /// <param name="sourceName">A name for the data in messages, such as its file name.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="AdvisoryDataException">
    /// The stream cannot be read, or the data is malformed, of an unsupported format major version, or breaks a rule;
    /// the message names the source, the JSON path and the value.
    /// </exception>
    public static AdvisoryCatalog Load(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bytes = AdvisoryDataReader.ReadAllBytes(stream, sourceName);
        var (dataVersion, advisories) = AdvisoryDataReader.Read(bytes, sourceName, EmbeddedComponents.Instance);
        return Create(dataVersion, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), null, advisories, sourceName);
    }

    /// <summary>Reads a catalog from a file (one advisory or a bundle).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="AdvisoryDataException">The file cannot be read or its data is invalid; the message names the file.</exception>
    public static AdvisoryCatalog LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new AdvisoryDataException($"{path}: the file could not be opened: {e.Message}", e);
        }
    }

    /// <summary>The advisory with this id (case-insensitive).</summary>
    /// <param name="id">An advisory id such as <c>EKSA-2023-0001</c>.</param>
    /// <returns>The advisory.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No advisory has that id; the message lists the known ids.</exception>
    public Advisory Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGet(id, out var advisory)
            ? advisory
            : throw new KeyNotFoundException($"No advisory has the id '{id}'. Known ids: {string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))} (data version {DataVersion}).");
    }

    /// <summary>Looks an advisory up by id (case-insensitive, surrounding white space ignored); never throws.</summary>
    /// <param name="id">An advisory id, or null.</param>
    /// <param name="advisory">The advisory, or null.</param>
    /// <returns>True when found.</returns>
    public bool TryGet([NotNullWhen(true)] string? id, [NotNullWhen(true)] out Advisory? advisory)
    {
        advisory = null;
        return id is not null && _byId.TryGetValue(id.Trim(), out advisory);
    }

    /// <summary>Evaluates a version of a component against every advisory about it; never throws for bad version text.</summary>
    /// <param name="component">The component: <c>vpc-cni</c> or an alias (<c>aws-node</c>, <c>amazon-k8s-cni</c>, …), case-insensitive.</param>
    /// <param name="version">The version in any form <see cref="ComponentVersion"/> reads.</param>
    /// <returns>One verdict per advisory about the component; empty when no advisory is about it.</returns>
    public IReadOnlyList<AdvisoryVerdict> Evaluate(string? component, string? version) => Evaluate(component, version, null);

    /// <summary>Evaluates a version of a component for a cluster of the given Kubernetes version; never throws for bad text.</summary>
    /// <param name="component">The component: <c>vpc-cni</c> or an alias, case-insensitive.</param>
    /// <param name="version">The version in any form <see cref="ComponentVersion"/> reads.</param>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null when unknown.</param>
    /// <returns>One verdict per advisory about the component; empty when no advisory is about it.</returns>
    public IReadOnlyList<AdvisoryVerdict> Evaluate(string? component, string? version, string? kubernetesVersion) =>
        Evaluate(component, version, kubernetesVersion, AdvisoryEvaluationOptions.None);

    /// <summary>
    /// Evaluates a version of a component for a node whose aws-node settings or other facts are known (see
    /// <see cref="Advisory.Evaluate(string?, string?, AdvisoryEvaluationOptions)"/>); never throws for bad text.
    /// </summary>
    /// <param name="component">The component: <c>vpc-cni</c> or an alias, case-insensitive.</param>
    /// <param name="version">The version in any form <see cref="ComponentVersion"/> reads.</param>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null when unknown.</param>
    /// <param name="options">The aws-node settings and facts.</param>
    /// <returns>One verdict per advisory about the component; empty when no advisory is about it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public IReadOnlyList<AdvisoryVerdict> Evaluate(string? component, string? version, string? kubernetesVersion, AdvisoryEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<AdvisoryVerdict>? verdicts = null;
        foreach (var advisory in Advisories)
        {
            if (advisory.Component.Matches(component))
            {
                (verdicts ??= []).Add(advisory.Evaluate(version, kubernetesVersion, options));
            }
        }

        return verdicts is null ? [] : verdicts.AsReadOnly();
    }

    /// <summary>
    /// Everything the catalog says about one version of a component on one cluster: every advisory's verdict, and one
    /// upgrade target that clears all of them, with the path to it one minor version at a time. Never throws for bad
    /// text: an unreadable or partial version gets verdicts and no plan, with the reason.
    /// </summary>
    /// <param name="component">The component: <c>vpc-cni</c> or an alias, case-insensitive.</param>
    /// <param name="version">The current version in any form <see cref="ComponentVersion"/> reads.</param>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null when unknown.</param>
    /// <param name="options">The aws-node settings and facts for the verdicts, or null.</param>
    /// <returns>The assessment.</returns>
    public ComponentAssessment Assess(string? component, string? version, string? kubernetesVersion, AdvisoryEvaluationOptions? options = null)
    {
        var verdicts = Evaluate(component, version, kubernetesVersion, options ?? AdvisoryEvaluationOptions.None).ToList();
        var advisories = Advisories.Where(a => a.Component.Matches(component)).ToList();
        var kubernetes = KubernetesVersion.TryParse(kubernetesVersion, out var parsedKubernetes, out _) ? parsedKubernetes : null;
        var current = version is null ? null : ComponentVersion.ParseCore(version, out _);
        if (advisories.Count == 0)
        {
            return new ComponentAssessment(component ?? string.Empty, current, kubernetes, null, verdicts, null, $"No advisory is about '{component}'.");
        }

        var floor = FloorFor(advisories[0].Component, kubernetes);
        if (current is null || current.IsPartial || (current.Image is { } image && !advisories[0].Component.ImageRepositories.Contains(image.Name, StringComparer.OrdinalIgnoreCase)))
        {
            var why = current is null
                ? $"'{version}' is no version that can be planned from; give the full version, such as 'v1.19.2-eksbuild.5'."
                : $"'{version}' does not name one release of {advisories[0].Component.Name}; give the full version, such as 'v{current.Major}.{current.Minor ?? 0}.0-eksbuild.1'.";
            return new ComponentAssessment(component!, current, kubernetes, floor, verdicts, null, why);
        }

        var plan = UpgradePlanner.Plan(Ranges(advisories), UpgradeTargets(advisories[0].Component), current, floor?.OldestRecommended);
        return new ComponentAssessment(component!, current, kubernetes, floor, verdicts, plan, null);
    }

    /// <summary>
    /// Which add-on build to install, among those a cluster's <c>aws eks describe-addon-versions</c> output offers: the
    /// lowest that clears every advisory of the component (at or above the Kubernetes floor and the current version when
    /// known), the newest, and the default for the Kubernetes version, flagged when an advisory covers it.
    /// </summary>
    /// <param name="component">The component: <c>vpc-cni</c> or an alias, case-insensitive.</param>
    /// <param name="document">The builds the cluster is offered.</param>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null to consider every listed build.</param>
    /// <param name="currentVersion">The version the cluster runs, or null; the chosen build is never below it.</param>
    /// <returns>The choice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="ArgumentException">No advisory is about <paramref name="component"/>, or a version given cannot be read.</exception>
    public AddonBuildChoice ChooseAddonBuild(string? component, AddonVersionsDocument document, string? kubernetesVersion, string? currentVersion = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var advisories = Advisories.Where(a => a.Component.Matches(component)).ToList();
        if (advisories.Count == 0) throw new ArgumentException($"No advisory is about '{component}'; known components: {string.Join(", ", Advisories.Select(a => a.Component.Name).Distinct())}.", nameof(component));
        KubernetesVersion? kubernetes = null;
        if (kubernetesVersion is not null && !KubernetesVersion.TryParse(kubernetesVersion, out kubernetes, out var kubernetesError)) throw new ArgumentException(kubernetesError, nameof(kubernetesVersion));
        ComponentVersion? current = null;
        if (currentVersion is not null && (!ComponentVersion.TryParse(currentVersion, out current, out var error) || current.IsPartial))
        {
            throw new ArgumentException(error ?? $"'{currentVersion}' names a release line, not a release; give the full version.", nameof(currentVersion));
        }

        return AddonBuildChooser.Choose(Ranges(advisories), document, kubernetes, FloorFor(advisories[0].Component, kubernetes)?.OldestRecommended, current);
    }

    /// <summary>The floor for a Kubernetes version; newer than upstream's table, its newest floor (as the remedies use it).</summary>
    private static KubernetesFloor? FloorFor(AdvisoryComponent component, KubernetesVersion? kubernetes)
    {
        if (kubernetes is null) return null;
        if (component.FloorFor(kubernetes) is { } floor) return floor;
        var floors = component.KubernetesFloors;
        return floors.Count > 0 && kubernetes > floors[^1].Kubernetes ? floors[^1] : null;
    }

    private static List<(string Id, AffectedRange Range)> Ranges(List<Advisory> advisories) => advisories.Select(a => (a.Id, a.Affected.Range)).ToList();

    private static List<ComponentVersion> UpgradeTargets(AdvisoryComponent component) =>
        component.KnownReleases.Where(r => r.IsUpgradeTarget).Select(r => r.Version).ToList();

    /// <inheritdoc/>
    public override string ToString() => $"{Advisories.Count} advisories, data version {DataVersion}";

    private static AdvisoryCatalog Create(string? dataVersion, string? sha256, Func<string>? hashOnFirstUse, List<Advisory> advisories, string source)
    {
        if (advisories.Count == 0) throw new AdvisoryDataException($"{source}: the data holds no advisory.");
        advisories.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        var version = dataVersion ?? advisories.Max(a => a.Modified).UtcDateTime.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);
        foreach (var group in advisories.GroupBy(a => a.Component.Name, StringComparer.OrdinalIgnoreCase))
        {
            var siblings = group.ToList().AsReadOnly();
            foreach (var advisory in siblings) advisory.JoinCatalog(siblings);
        }

        return new AdvisoryCatalog(version, sha256, hashOnFirstUse, advisories);
    }

    private static AdvisoryCatalog LoadEmbedded()
    {
        var assembly = typeof(AdvisoryCatalog).Assembly;
        var all = new List<Advisory>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in EmbeddedAdvisoryFiles(assembly))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var source = "embedded " + name[ResourcePrefix.Length..];
            var (_, advisories) = AdvisoryDataReader.Read(AdvisoryDataReader.ReadAllBytes(stream, source), source, EmbeddedComponents.Instance);
            foreach (var advisory in advisories)
            {
                if (!ids.Add(advisory.Id)) throw new AdvisoryDataException($"{source}: the id '{advisory.Id}' appears in two embedded files.");
                all.Add(advisory);
            }
        }

        return Create(null, null, HashEmbedded, all, "embedded advisory data");
    }

    private static List<string> EmbeddedAdvisoryFiles(System.Reflection.Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    // The advisory files, then the component files (releases, Kubernetes floors, add-on builds), which decide remedies
    // too, each group in ordinal name order.
    private static string HashEmbedded()
    {
        var assembly = typeof(AdvisoryCatalog).Assembly;
        var components = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ComponentDataReader.ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in EmbeddedAdvisoryFiles(assembly).Concat(components))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            hash.AppendData(AdvisoryDataReader.ReadAllBytes(stream, "embedded " + name));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    // The component data (releases, Kubernetes floors, add-on builds) embedded in the package; data loaded at run time
    // is joined with it, so newer advisories get the same remedies.
    private static class EmbeddedComponents
    {
        internal static readonly IReadOnlyDictionary<string, ComponentData> Instance = ComponentDataReader.ReadEmbedded(typeof(AdvisoryCatalog).Assembly);
    }

    // The nested holder's static initializer runs once, on first use of Default, under the runtime's type-initialization lock.
    private static class DefaultHolder
    {
        internal static readonly AdvisoryCatalog Instance = LoadEmbedded();
    }
}
