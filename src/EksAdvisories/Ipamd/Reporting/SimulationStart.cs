namespace EksAdvisories.Ipamd;

/// <summary>Where a run of the reference model starts.</summary>
public enum SimulationStart
{
    /// <summary>From the datastore exactly as the snapshot shows it: what this IPAMD does next.</summary>
    CurrentDatastore = 0,

    /// <summary>From a datastore rebuilt from the snapshot's IMDS, as nodeInit does when aws-node restarts now.</summary>
    RestartFromImds = 1,
}
