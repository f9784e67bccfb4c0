namespace EksAdvisories.Ipamd;

/// <summary>Options of <see cref="IpamdReconcileChecker.Check(NodeSnapshot, ReconcileCheckOptions)"/>. Set at construction, immutable after.</summary>
public sealed class ReconcileCheckOptions
{
    private readonly TimeSpan _horizon = TimeSpan.FromMinutes(10);

    private readonly Advisory? _advisory;

    /// <summary>The default options: the embedded advisory, a 10 minute horizon, the snapshot's CNI version, no Kubernetes version.</summary>
    public static ReconcileCheckOptions Default { get; } = new();

    /// <summary>The id of the advisory the checker implements (the IPAMD reconcile regression).</summary>
    public const string ReconcileAdvisoryId = "EKSA-2023-0001";

    /// <summary>
    /// The advisory whose range decides the IPAMD behaviour of a version and whose log signatures the ipamd log is scanned
    /// for; default: <see cref="ReconcileAdvisoryId"/> from the embedded data. Give the one from
    /// <see cref="AdvisoryCatalog.Load(Stream, string)"/> to check with newer data.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Advisory Advisory
    {
        get => _advisory ?? AdvisoryCatalog.Default.Get(ReconcileAdvisoryId);
        init => _advisory = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>How much simulated time the model runs; 5 seconds to 1 day, default 10 minutes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is under 5 seconds or over 1 day.</exception>
    public TimeSpan Horizon
    {
        get => _horizon;
        init
        {
            if (value < IpamdModel.PoolInterval || value > TimeSpan.FromDays(1))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The horizon must be between 5 seconds (one pool tick) and 1 day.");
            }

            _horizon = value;
        }
    }

    /// <summary>A CNI version (any form <see cref="ComponentVersion"/> reads) to use instead of the snapshot's; null keeps the snapshot's.</summary>
    public string? CniVersionOverride { get; init; }

    /// <summary>The cluster's Kubernetes version (<c>1.27</c>), so the advisory offers a rollback only where it is safe; null when unknown.</summary>
    public string? KubernetesVersion { get; init; }
}
