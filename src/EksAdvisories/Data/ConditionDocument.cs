// The wire shape of an advisory's "conditions" entries; filled by the source-generated serializer and mapped by
// ConditionMapper.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA2227, CA1002 // Wire types mirror the JSON exactly.

namespace EksAdvisories.Data;

internal sealed class ConditionDocument
{
    public string? Id;

    public string? Setting;

    public bool? Default;

    public string? Fact;

    public bool? AffectedWhen;

    public List<EventDocument?>? AppliesTo;

    public string? Description;

    public string? ClearedBy;
}
