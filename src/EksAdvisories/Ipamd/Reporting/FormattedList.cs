using System.Collections;

namespace EksAdvisories.Ipamd;

/// <summary>A read-only list of values shown as their text, each formatted when it is read: most reports never print them.</summary>
internal sealed class FormattedList<T> : IReadOnlyList<string>
    where T : notnull
{
    private readonly IReadOnlyList<T> _items;

    public FormattedList(IReadOnlyList<T> items) => _items = items;

    public int Count => _items.Count;

    public string this[int index] => _items[index].ToString()!;

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < _items.Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
