namespace EksAdvisories.Ipamd;

/// <summary>Finds a view's ENI by id: a scan for the few ENIs real nodes have, a dictionary for many, so comparing stays linear.</summary>
internal readonly struct IdIndex<T>
    where T : class
{
    private const int IndexFrom = 16;

    // The ids are read once into an array: a scan then compares strings only, with no enumerator or delegate per lookup.
    private readonly string[]? _ids;
    private readonly T[]? _items;
    private readonly Dictionary<string, T>? _index;

    public IdIndex(IReadOnlyList<T> items, Func<T, string> id)
    {
        if (items.Count >= IndexFrom)
        {
            _index = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
            // The first of two items with one id is the one found, as by the scan below the threshold.
            for (var i = 0; i < items.Count; i++) _index.TryAdd(id(items[i]), items[i]);
            return;
        }

        _items = ListSpan.Of(items).ToArray();
        _ids = new string[_items.Length];
        for (var i = 0; i < _items.Length; i++) _ids[i] = id(_items[i]);
    }

    public T? Find(string id)
    {
        if (_index is not null) return _index.GetValueOrDefault(id);
        var ids = _ids!;
        for (var i = 0; i < ids.Length; i++)
        {
            if (string.Equals(ids[i], id, StringComparison.Ordinal)) return _items![i];
        }

        return null;
    }
}
