namespace EksAdvisories.Ipamd;

/// <summary>The datastore as the introspection endpoint reported it, ENIs in device-number order.</summary>
internal sealed record DatastoreDocument(int TotalIps, int AssignedIps, IReadOnlyList<DatastoreEni> Enis);
