// The wire shape of an advisory's "conditions" entries; filled by the source-generated serializer and mapped by
// ConditionMapper.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA2227, CA1002 // Wire types mirror the JSON exactly.

namespace EksAdvisories.Data;

internal sealed class ConditionDocument
{
    public string? Id { get; set; }

    public string? Setting { get; set; }

    public bool? Default { get; set; }

    public string? Fact { get; set; }

    public bool? AffectedWhen { get; set; }

    public List<EventDocument?>? AppliesTo { get; set; }

    public string? Description { get; set; }

    public string? ClearedBy { get; set; }
}
