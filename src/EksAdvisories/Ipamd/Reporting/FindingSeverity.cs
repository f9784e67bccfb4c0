namespace EksAdvisories.Ipamd;

/// <summary>How much a finding matters.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; nothing is wrong because of it.</summary>
    Info = 0,

    /// <summary>A disagreement or sign that can turn into lost addresses.</summary>
    Warning = 1,

    /// <summary>Addresses are lost to pods now, or IPAMD's next request will fail.</summary>
    Error = 2,
}
