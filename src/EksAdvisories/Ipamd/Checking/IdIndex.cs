namespace EksAdvisories.Ipamd;

/// <summary>Finds a view's ENI by id: a scan for the few ENIs real nodes have, a dictionary for many, so comparing stays linear.</summary>
internal readonly struct IdIndex<T>
    where T : class
{
    private const int IndexFrom = 16;

    private readonly IReadOnlyList<T> _items;
    private readonly Func<T, string> _id;
    private readonly Dictionary<string, T>? _index;

    public IdIndex(IReadOnlyList<T> items, Func<T, string> id)
    {
        _items = items;
        _id = id;
        if (items.Count < IndexFrom) return;
        _index = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items) _index.TryAdd(id(item), item);
    }

    public T? Find(string id)
    {
        if (_index is not null) return _index.GetValueOrDefault(id);
        foreach (var item in _items)
        {
            if (string.Equals(_id(item), id, StringComparison.Ordinal)) return item;
        }

        return null;
    }
}
