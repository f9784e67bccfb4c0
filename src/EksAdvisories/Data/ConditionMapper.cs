namespace EksAdvisories.Data;

/// <summary>
/// The mapping of an advisory's conditions between the wire shape and <see cref="AdvisoryCondition"/>, both ways, and
/// their semantic rules (a setting or a fact, never both; ids unique; an appliesTo range inside the affected range).
/// </summary>
internal static class ConditionMapper
{
    public static List<AdvisoryCondition> ToConditions(List<ConditionDocument?>? items, string path, DataPath data) =>
        data.OptionalItems(items, path, (c, cp) =>
        {
            var id = data.RequireText(c.Id, cp + ".id");
            if (c.Setting is null == c.Fact is null) throw data.Fail(cp, "a condition names both or neither of 'setting' and 'fact'; expected exactly one.");
            if (c.Setting is not null && c.Default is null) throw data.Fail(cp + ".default", "a setting condition has no default; expected the value IPAMD uses when the variable is absent.");
            var appliesTo = c.AppliesTo is null ? null : AdvisoryMapper.Range(c.AppliesTo, cp + ".appliesTo", data);
            return new AdvisoryCondition(id, c.Setting is null ? null : data.RequireText(c.Setting, cp + ".setting"), c.Setting is null ? null : c.Default,
                c.Fact is null ? null : data.RequireText(c.Fact, cp + ".fact"), data.Require(c.AffectedWhen, cp + ".affectedWhen"), appliesTo,
                data.RequireText(c.Description, cp + ".description"), data.RequireText(c.ClearedBy, cp + ".clearedBy"));
        });

    public static List<ConditionDocument?>? ToDocuments(IReadOnlyList<AdvisoryCondition> conditions) =>
        conditions.Count == 0 ? null :
        [
            .. conditions.Select(c => new ConditionDocument
            {
                Id = c.Id,
                Setting = c.Setting,
                Default = c.SettingDefault,
                Fact = c.Fact,
                AffectedWhen = c.AffectedWhen,
                AppliesTo = c.AppliesTo is null ? null : AdvisoryMapper.Events(c.AppliesTo),
                Description = c.Description,
                ClearedBy = c.ClearedBy,
            }),
        ];

    /// <summary>The rules between an advisory's conditions and its range.</summary>
    public static void Validate(Advisory a, string p, List<DataProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < a.Conditions.Count; i++)
        {
            var c = a.Conditions[i];
            if (!ids.Add(c.Id)) problems.Add(new($"{p}.conditions[{i}].id", $"the condition id '{c.Id}' appears twice; ids must be unique within an advisory."));
            if (c.AppliesTo is not { } applies) continue;
            foreach (var e in applies.Events)
            {
                if (e.Kind == RangeEventKind.Introduced && !a.Affected.Range.Contains(ComponentVersion.Parse(e.Version)))
                {
                    problems.Add(new($"{p}.conditions[{i}].appliesTo", $"the condition starts at {e.Version}, outside the affected range {a.Affected.Range}; expected it to narrow the range, not extend it."));
                }
            }
        }
    }
}
