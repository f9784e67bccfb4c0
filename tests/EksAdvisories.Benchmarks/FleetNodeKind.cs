namespace EksAdvisories.Benchmarks;

/// <summary>What a generated node is meant to show the checker.</summary>
public enum FleetNodeKind
{
    /// <summary>Datastore, IMDS and EC2 agree.</summary>
    InSync,

    /// <summary>The datastore lacks addresses IMDS and EC2 both list: reconcile sees the count differ and recovers them.</summary>
    Drifted,

    /// <summary>The datastore and a stale IMDS lack addresses EC2 has on a full ENI, the pool is low: the affected IPAMD never recovers.</summary>
    Stuck,
}
