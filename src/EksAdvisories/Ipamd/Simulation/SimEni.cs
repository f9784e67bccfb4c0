using System.Runtime.InteropServices;

namespace EksAdvisories.Ipamd;

/// <summary>
/// One ENI in one of the model's three views (EC2, IMDS, the datastore): its secondary /32s and /28 prefixes together,
/// since EC2 counts both against the same per-ENI limit and the datastore keeps both in AvailableIPv4Cidrs.
/// </summary>
/// <remarks>
/// The blocks are kept in a sorted list without duplicates (the order and the set semantics of a sorted set) and the
/// counts the model asks for on every 5 s tick are kept up to date as blocks come and go: the model runs six times per
/// node over 120 ticks, so per-tick enumeration of the blocks is what would dominate checking a fleet.
/// </remarks>
internal sealed class SimEni
{
    private readonly List<Ipv4Cidr> _cidrs;
    private int _prefixCount;
    private long _addressCount;

    public SimEni(string id, int deviceNumber, bool isPrimary, bool isTrunk, uint primaryIp, ReadOnlySpan<Ipv4Cidr> cidrs)
        : this(id, deviceNumber, isPrimary, isTrunk, primaryIp, cidrs, [])
    {
    }

    /// <summary>An ENI holding the blocks of two lists (secondary IPs and prefixes), in one list of the exact size.</summary>
    public SimEni(string id, int deviceNumber, bool isPrimary, bool isTrunk, uint primaryIp, ReadOnlySpan<Ipv4Cidr> first, ReadOnlySpan<Ipv4Cidr> second)
    {
        Id = id;
        IsTrunk = isTrunk;
        DeviceNumber = deviceNumber;
        IsPrimary = isPrimary;
        PrimaryIp = primaryIp;
        _cidrs = new List<Ipv4Cidr>(first.Length + second.Length);
        _cidrs.AddRange(first);
        _cidrs.AddRange(second);
        Ipv4Cidr.SortIfNeeded(CollectionsMarshal.AsSpan(_cidrs));
        var unique = 0;
        for (var i = 0; i < _cidrs.Count; i++)
        {
            if (unique > 0 && _cidrs[unique - 1] == _cidrs[i]) continue;
            _cidrs[unique++] = _cidrs[i];
        }

        _cidrs.RemoveRange(unique, _cidrs.Count - unique);
        Recount();
    }

    /// <summary>An ENI holding the units of <paramref name="source"/> in one mode (its blocks are sorted and unique already).</summary>
    private SimEni(SimEni source, bool prefixDelegation, bool isPrimary, uint primaryIp)
    {
        Id = source.Id;
        DeviceNumber = source.DeviceNumber;
        IsPrimary = isPrimary;
        IsTrunk = source.IsTrunk;
        PrimaryIp = primaryIp;
        _cidrs = new List<Ipv4Cidr>(source.UnitCount(prefixDelegation));
        foreach (var cidr in source.Blocks)
        {
            if (cidr.IsPrefix == prefixDelegation) _cidrs.Add(cidr);
        }

        Recount();
    }

    /// <summary>The datastore's copy of an ENI that a restart rebuilds from IMDS: its units in the mode, no primary IP.</summary>
    public SimEni RebuiltInDatastore(bool prefixDelegation) => new(this, prefixDelegation, DeviceNumber == 0, 0);

    private SimEni(SimEni other)
    {
        Id = other.Id;
        DeviceNumber = other.DeviceNumber;
        IsPrimary = other.IsPrimary;
        IsTrunk = other.IsTrunk;
        PrimaryIp = other.PrimaryIp;
        _cidrs = new List<Ipv4Cidr>(other._cidrs);
        _prefixCount = other._prefixCount;
        _addressCount = other._addressCount;
    }

    public string Id { get; }

    /// <summary>True for the ModelInput's ENIs, which every run starts from: a run copies one before changing it (<see cref="EniView.Mutable"/>).</summary>
    public bool IsShared { get; private set; }

    /// <summary>Marks the ENI as shared between runs; changing it afterwards is a bug, and throws.</summary>
    public SimEni Share()
    {
        IsShared = true;
        return this;
    }

    public int DeviceNumber { get; }

    public bool IsPrimary { get; }

    /// <summary>The trunk ENI of security groups for pods (EC2 InterfaceType "trunk", the datastore's IsTrunk).</summary>
    public bool IsTrunk { get; }

    /// <summary>Zero in the datastore view, which never holds the primary IP.</summary>
    public uint PrimaryIp { get; }

    /// <summary>The blocks in ascending order, each once.</summary>
    public IReadOnlyList<Ipv4Cidr> Cidrs => _cidrs;

    /// <summary>The blocks as a span, for the model's per-tick loops (no enumerator); valid until the next change.</summary>
    public ReadOnlySpan<Ipv4Cidr> Blocks => CollectionsMarshal.AsSpan(_cidrs);

    /// <summary>The addresses the blocks hold together (a /28 counts 16).</summary>
    public long AddressCount => _addressCount;

    /// <summary>The CIDRs IPAMD manages in the given mode: /28 prefixes in prefix-delegation mode, secondary /32s otherwise.</summary>
    public IEnumerable<Ipv4Cidr> Units(bool prefixDelegation) => _cidrs.Where(c => c.IsPrefix == prefixDelegation);

    public int UnitCount(bool prefixDelegation) => prefixDelegation ? _prefixCount : _cidrs.Count - _prefixCount;

    public bool Contains(Ipv4Cidr cidr) => _cidrs.BinarySearch(cidr) >= 0;

    /// <summary>Adds a block unless it is there already; true when it was added.</summary>
    public bool Add(Ipv4Cidr cidr)
    {
        if (IsShared) throw new InvalidOperationException($"{Id} is shared between model runs; copy it before changing it.");
        var index = _cidrs.BinarySearch(cidr);
        if (index >= 0) return false;
        _cidrs.Insert(~index, cidr);
        if (cidr.IsPrefix) _prefixCount++;
        _addressCount += cidr.AddressCount;
        return true;
    }

    /// <summary>Removes the blocks that match; returns how many were removed.</summary>
    public int RemoveWhere(Predicate<Ipv4Cidr> match)
    {
        if (IsShared) throw new InvalidOperationException($"{Id} is shared between model runs; copy it before changing it.");
        var removed = _cidrs.RemoveAll(match);
        if (removed > 0) Recount();
        return removed;
    }

    /// <summary>True when this ENI's units in the given mode are exactly <paramref name="other"/>'s (the common no-change case of a reconcile).</summary>
    public bool SameUnits(SimEni other, bool prefixDelegation)
    {
        if (UnitCount(prefixDelegation) != other.UnitCount(prefixDelegation)) return false;
        ReadOnlySpan<Ipv4Cidr> mine = Blocks, theirs = other.Blocks;
        int i = 0, j = 0;
        while (true)
        {
            while (i < mine.Length && mine[i].IsPrefix != prefixDelegation) i++;
            while (j < theirs.Length && theirs[j].IsPrefix != prefixDelegation) j++;
            if (i == mine.Length || j == theirs.Length) return i == mine.Length && j == theirs.Length;
            if (mine[i] != theirs[j]) return false;
            i++;
            j++;
        }
    }

    public SimEni Clone() => new(this);

    /// <summary>
    /// Whether this ENI is the one the constructor would build from these fields: same device, trunk flag and primary IP,
    /// and blocks that are these lists' (taken only when the lists are in strictly ascending order, so each block once).
    /// </summary>
    public bool HasExactly(int deviceNumber, bool isTrunk, uint primaryIp, ReadOnlySpan<Ipv4Cidr> first, ReadOnlySpan<Ipv4Cidr> second)
    {
        if (DeviceNumber != deviceNumber || IsPrimary != (deviceNumber == 0) || IsTrunk != isTrunk || PrimaryIp != primaryIp) return false;
        if (first.Length + second.Length != _cidrs.Count) return false;
        var blocks = Blocks;
        for (int i = 0, j = 0, k = 0; k < blocks.Length; k++)
        {
            // Merge the two ascending lists; any disorder or difference means "build it".
            var next = j >= second.Length || (i < first.Length && first[i] < second[j]) ? first[i++] : second[j++];
            if (next != blocks[k]) return false;
        }

        return true;
    }

    /// <summary>
    /// Whether this datastore ENI holds exactly what a restart rebuilds from <paramref name="imds"/>
    /// (<see cref="RebuiltInDatastore"/>): same id, device, flags, no primary IP, and only and all its units in the mode.
    /// </summary>
    public bool IsRebuildOf(SimEni imds, bool prefixDelegation) =>
        string.Equals(Id, imds.Id, StringComparison.Ordinal) && DeviceNumber == imds.DeviceNumber && IsPrimary == (imds.DeviceNumber == 0)
        && IsTrunk == imds.IsTrunk && PrimaryIp == 0 && UnitCount(prefixDelegation) == _cidrs.Count && SameUnits(imds, prefixDelegation);

    private void Recount()
    {
        _prefixCount = 0;
        _addressCount = 0;
        foreach (var cidr in _cidrs)
        {
            if (cidr.IsPrefix) _prefixCount++;
            _addressCount += cidr.AddressCount;
        }
    }
}
