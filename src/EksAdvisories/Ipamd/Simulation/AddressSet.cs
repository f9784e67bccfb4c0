namespace EksAdvisories.Ipamd;

/// <summary>
/// The pods' IPv4 addresses as one sorted array without duplicates: the model asks how many there are, whether one is
/// there, and whether a block holds any (a binary search each), and a fleet check builds one per node whose views
/// disagree, so it is kept small. Immutable.
/// </summary>
internal sealed class AddressSet
{
    private readonly uint[] _addresses;

    private AddressSet(uint[] sortedDistinct) => _addresses = sortedDistinct;

    public static AddressSet Empty { get; } = new([]);

    public int Count => _addresses.Length;

    public ReadOnlySpan<uint> Items => _addresses;

    /// <summary>The set of the addresses the lists hold together, each once.</summary>
    public static AddressSet From(IReadOnlyList<IReadOnlyList<uint>> lists)
    {
        var count = 0;
        foreach (var list in lists) count += list.Count;
        if (count == 0) return Empty;
        var all = new uint[count];
        var at = 0;
        foreach (var list in lists)
        {
            ListSpan.Of(list).CopyTo(all.AsSpan(at));
            at += list.Count;
        }

        return FromUnsorted(all);
    }

    /// <summary>A set of <paramref name="addresses"/> (sorted in place; the array becomes the set's).</summary>
    private static AddressSet FromUnsorted(uint[] addresses)
    {
        Array.Sort(addresses);
        var distinct = 0;
        for (var i = 0; i < addresses.Length; i++)
        {
            if (distinct == 0 || addresses[distinct - 1] != addresses[i]) addresses[distinct++] = addresses[i];
        }

        return new AddressSet(distinct == addresses.Length ? addresses : addresses[..distinct]);
    }

    public bool Contains(uint address) => Array.BinarySearch(_addresses, address) >= 0;

    /// <summary>Whether any address lies in the block.</summary>
    public bool AnyIn(Ipv4Cidr cidr)
    {
        var first = cidr.Network;
        var last = first + (uint)(cidr.AddressCount - 1);
        var index = Array.BinarySearch(_addresses, first);
        if (index >= 0) return true;
        index = ~index;
        return index < _addresses.Length && _addresses[index] <= last;
    }

    /// <summary>The addresses whose entry in <paramref name="keep"/> (one per address, in order) is true; the set itself when all are.</summary>
    public AddressSet Where(ReadOnlySpan<bool> keep)
    {
        var kept = 0;
        foreach (var k in keep)
        {
            if (k) kept++;
        }

        if (kept == _addresses.Length) return this;
        var subset = new uint[kept];
        var at = 0;
        for (var i = 0; i < _addresses.Length; i++)
        {
            if (keep[i]) subset[at++] = _addresses[i];
        }

        return new AddressSet(subset);
    }
}
