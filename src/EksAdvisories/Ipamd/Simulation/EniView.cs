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

    private readonly List<SimEni> _enis;
    private Dictionary<string, int>? _index;

    public EniView(IEnumerable<SimEni> enis)
    {
        _enis = [.. enis];
        Reindex();
    }

    public int Count => _enis.Count;

    public List<SimEni> Items => _enis;

    public SimEni this[int index] => _enis[index];

    public SimEni? Find(string id)
    {
        var index = IndexOf(id);
        return index < 0 ? null : _enis[index];
    }

    public bool Contains(string id) => IndexOf(id) >= 0;

    /// <summary>The view's own copy of the ENI with this id, made on first change; null when the view lacks it.</summary>
    public SimEni? Mutable(string id)
    {
        var index = IndexOf(id);
        if (index < 0) return null;
        var eni = _enis[index];
        if (!eni.IsShared) return eni;
        var copy = eni.Clone();
        _enis[index] = copy;
        return copy;
    }

    /// <summary>Adds an ENI and keeps device order.</summary>
    public void Add(SimEni eni)
    {
        _enis.Add(eni);
        if (_enis.Count > 1 && _enis[^2].DeviceNumber > eni.DeviceNumber) _enis.Sort((a, b) => a.DeviceNumber.CompareTo(b.DeviceNumber));
        Reindex();
    }

    public int RemoveWhere(Predicate<SimEni> match)
    {
        var removed = _enis.RemoveAll(match);
        if (removed > 0) Reindex();
        return removed;
    }

    public bool HasDevice(int device)
    {
        foreach (var eni in _enis)
        {
            if (eni.DeviceNumber == device) return true;
        }

        return false;
    }

    private int IndexOf(string id)
    {
        if (_index is not null) return _index.TryGetValue(id, out var found) ? found : -1;
        for (var i = 0; i < _enis.Count; i++)
        {
            if (string.Equals(_enis[i].Id, id, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private void Reindex()
    {
        if (_enis.Count < IndexFrom)
        {
            _index = null;
            return;
        }

        _index = new Dictionary<string, int>(_enis.Count, StringComparer.Ordinal);
        for (var i = 0; i < _enis.Count; i++) _index[_enis[i].Id] = i;
    }
}
