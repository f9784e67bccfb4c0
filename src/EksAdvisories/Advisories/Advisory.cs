using System.Collections.ObjectModel;

namespace EksAdvisories;

/// <summary>
/// One advisory: the affected range, what was published, root cause, impact, trigger conditions, remediation,
/// mitigation, detection, glossary, references, corrections and history. Instances come from an
/// <see cref="AdvisoryCatalog"/>. This type is immutable and thread-safe.
/// </summary>
public sealed class Advisory
{
    internal Advisory(
        string schemaVersion, string id, int revision, DateTimeOffset published, DateTimeOffset modified,
        string title, string summary, AdvisoryComponent component, AffectedVersions affected, PublishedStatement? asPublished,
        RootCause rootCause, string impact, IList<string> triggerConditions, Remediation remediation, Mitigation mitigation,
        Detection detection, IList<GlossaryEntry> glossary, IList<AdvisoryReference> references, IList<Correction> corrections,
        IList<RevisionEntry> history)
    {
        SchemaVersion = schemaVersion;
        Id = id;
        Revision = revision;
        Published = published;
        Modified = modified;
        Title = title;
        Summary = summary;
        Component = component;
        Affected = affected;
        AsPublished = asPublished;
        RootCause = rootCause;
        Impact = impact;
        TriggerConditions = new ReadOnlyCollection<string>(triggerConditions);
        Remediation = remediation;
        Mitigation = mitigation;
        Detection = detection;
        Glossary = new ReadOnlyCollection<GlossaryEntry>(glossary);
        References = new ReadOnlyCollection<AdvisoryReference>(references);
        Corrections = new ReadOnlyCollection<Correction>(corrections);
        History = new ReadOnlyCollection<RevisionEntry>(history);
    }

    /// <summary>The version of the data format the advisory was read from (<c>1.0.0</c>).</summary>
    public string SchemaVersion { get; }

    /// <summary>The advisory id, such as <c>EKSA-2023-0001</c>.</summary>
    public string Id { get; }

    /// <summary>The revision number; it grows with every published change.</summary>
    public int Revision { get; }

    /// <summary>When the advisory was first published (UTC).</summary>
    public DateTimeOffset Published { get; }

    /// <summary>When the advisory last changed (UTC).</summary>
    public DateTimeOffset Modified { get; }

    /// <summary>A one-line title.</summary>
    public string Title { get; }

    /// <summary>A short paragraph saying what is wrong and who is hit.</summary>
    public string Summary { get; }

    /// <summary>The component and its names.</summary>
    public AdvisoryComponent Component { get; }

    /// <summary>The corrected affected range.</summary>
    public AffectedVersions Affected { get; }

    /// <summary>
    /// The range, fix and mitigation as originally published, or null for an advisory that has no published text to
    /// compare with (its verdicts then answer <see cref="AdvisoryVerdict.AsPublished"/> with <see cref="AffectedStatus.Unknown"/>).
    /// </summary>
    public PublishedStatement? AsPublished { get; }

    /// <summary>Why the defect exists.</summary>
    public RootCause RootCause { get; }

    /// <summary>What users see when it strikes.</summary>
    public string Impact { get; }

    /// <summary>The conditions that must all hold for the failure to happen.</summary>
    public IReadOnlyList<string> TriggerConditions { get; }

    /// <summary>The long-term fix.</summary>
    public Remediation Remediation { get; }

    /// <summary>The short-term workaround and where it is unsafe.</summary>
    public Mitigation Mitigation { get; }

    /// <summary>How to see the condition on a node.</summary>
    public Detection Detection { get; }

    /// <summary>Terms the advisory uses.</summary>
    public IReadOnlyList<GlossaryEntry> Glossary { get; }

    /// <summary>Typed links.</summary>
    public IReadOnlyList<AdvisoryReference> References { get; }

    /// <summary>Published claims that upstream evidence contradicts; empty when the advisory corrects nothing.</summary>
    public IReadOnlyList<Correction> Corrections { get; }

    /// <summary>One entry per revision, oldest first.</summary>
    public IReadOnlyList<RevisionEntry> History { get; }

    /// <summary>Evaluates a version given as text; never throws for bad text (the answer is then <see cref="AffectedStatus.Unknown"/>).</summary>
    /// <param name="version">A version in any form <see cref="ComponentVersion"/> reads: <c>v1.12.2-eksbuild.1</c>, an image reference, …</param>
    /// <returns>The verdict.</returns>
    public AdvisoryVerdict Evaluate(string? version) => AdvisoryEvaluator.For(this).Evaluate(version, null);

    /// <summary>
    /// Evaluates a version for a cluster of the given Kubernetes version, so that the remedies fit the cluster.
    /// Never throws for bad text.
    /// </summary>
    /// <param name="version">A version in any form <see cref="ComponentVersion"/> reads.</param>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version (<c>1.27</c>, <c>v1.29.3-eks-…</c>), or null when unknown.</param>
    /// <returns>The verdict.</returns>
    public AdvisoryVerdict Evaluate(string? version, string? kubernetesVersion) => AdvisoryEvaluator.For(this).Evaluate(version, kubernetesVersion);

    /// <summary>Evaluates an already parsed version.</summary>
    /// <param name="version">The version.</param>
    /// <param name="kubernetesVersion">The cluster's Kubernetes version, or null when unknown.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is null.</exception>
    public AdvisoryVerdict Evaluate(ComponentVersion version, KubernetesVersion? kubernetesVersion = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        return AdvisoryEvaluator.For(this).Evaluate(version, kubernetesVersion, null);
    }

    /// <inheritdoc/>
    public override string ToString() => Id + ": " + Title;
}
