namespace EksAdvisories.Ipamd;

/// <summary>
/// One of the model's views of the node's ENIs (EC2, IMDS or the datastore) in device order. Runs start from the
/// ModelInput's ENIs, which are shared between runs and never changed: an ENI is copied the first time a run changes it
/// (copy on write), so the runs that change nothing, most of them, copy nothing. Look-ups by id are a scan for the few
/// ENIs real nodes have and a dictionary past <see cref="IndexFrom"/>, so a view of many ENIs stays linear.
/// </summary>
internal sealed class EniView
{
    private const int IndexFrom = 16;

    // The run's starting ENIs, shared with the other runs and never changed, until the first change to the list itself
    // (an ENI added or removed) gives the view a list of its own: most runs never change the list, so they copy nothing.
    private readonly List<SimEni> _shared;
    private List<SimEni>? _own;
    private Dictionary<string, int>? _index;

    public EniView(List<SimEni> enis)
    {
        _shared = enis;
        Reindex();
    }

    private List<SimEni> Current => _own ?? _shared;

    private List<SimEni> Own => _own ??= [.. _shared];

    public int Count => Current.Count;

    /// <summary>The ENIs in device order, as a span (no enumerator); valid until the next change to the view.</summary>
    public ReadOnlySpan<SimEni> Items => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Current);

    public SimEni this[int index] => Current[index];

    public SimEni? Find(string id)
    {
        var index = IndexOf(id);
        return index < 0 ? null : Current[index];
    }

    public bool Contains(string id) => IndexOf(id) >= 0;

    /// <summary>The view's own copy of the ENI with this id, made on first change; null when the view lacks it.</summary>
    public SimEni? Mutable(string id)
    {
        var index = IndexOf(id);
        if (index < 0) return null;
        var eni = Current[index];
        if (!eni.IsShared) return eni;
        var copy = eni.Clone();
        Own[index] = copy;
        return copy;
    }

    /// <summary>Adds an ENI and keeps device order.</summary>
    public void Add(SimEni eni)
    {
        var enis = Own;
        enis.Add(eni);
        if (enis.Count > 1 && enis[^2].DeviceNumber > eni.DeviceNumber) enis.Sort((a, b) => a.DeviceNumber.CompareTo(b.DeviceNumber));
        Reindex();
    }

    public int RemoveWhere(Predicate<SimEni> match)
    {
        var removed = Own.RemoveAll(match);
        if (removed > 0) Reindex();
        return removed;
    }

    public bool HasDevice(int device)
    {
        foreach (var eni in Items)
        {
            if (eni.DeviceNumber == device) return true;
        }

        return false;
    }

    private int IndexOf(string id)
    {
        if (_index is not null) return _index.TryGetValue(id, out var found) ? found : -1;
        var enis = Items;

        // The model's views share their id strings (ModelInput.FromSnapshot), so the same instance is looked for first.
        for (var i = 0; i < enis.Length; i++)
        {
            if (ReferenceEquals(enis[i].Id, id)) return i;
        }

        for (var i = 0; i < enis.Length; i++)
        {
            if (string.Equals(enis[i].Id, id, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private void Reindex()
    {
        var enis = Current;
        if (enis.Count < IndexFrom)
        {
            _index = null;
            return;
        }

        _index = new Dictionary<string, int>(enis.Count, StringComparer.Ordinal);
        // The first of two ENIs with one id is the one found, as by the scan below the threshold (IMDS may list an ENI twice).
        for (var i = 0; i < enis.Count; i++) _index.TryAdd(enis[i].Id, i);
    }
}
