using System.Globalization;

namespace EksAdvisories.Ipamd;

/// <summary>An IPv4 address block: a secondary IP is a /32, a delegated prefix a /28. The model's unit of address space.</summary>
internal readonly record struct Ipv4Cidr(uint Network, int PrefixLength) : IComparable<Ipv4Cidr>
{
    public const int PrefixDelegationLength = 28;

    public bool IsPrefix => PrefixLength < 32;

    /// <summary>How many addresses the block holds: 1 for a secondary IP, 16 for a /28.</summary>
    public int AddressCount => 1 << (32 - PrefixLength);

    public static Ipv4Cidr Single(uint address) => new(address, 32);

    public bool Contains(uint address) => PrefixLength == 0 || (address >> (32 - PrefixLength)) == (Network >> (32 - PrefixLength));

    /// <summary>Reads <c>10.0.1.5</c> (a /32) or <c>10.0.2.0/28</c>; the block must be aligned, as EC2 hands them out.</summary>
    public static bool TryParse(string? text, out Ipv4Cidr cidr)
    {
        cidr = default;
        if (text is null) return false;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var length = 32;
        if (slash >= 0 && !(int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) && length is >= 0 and <= 32))
        {
            return false;
        }

        if (!TryParseAddress(slash >= 0 ? text[..slash] : text, out var address)) return false;
        var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
        if ((address & ~mask) != 0) return false;
        cidr = new Ipv4Cidr(address, length);
        return true;
    }

    /// <summary>Reads a dotted-quad IPv4 address strictly (four decimal parts, no leading zeros).</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var parts = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')) return false;
            var value = 0;
            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c)) return false;
                value = (value * 10) + (c - '0');
            }

            if (value > 255) return false;
            address = (address << 8) | (uint)value;
            parts++;
            if (dot < 0) break;
            if (parts == 4) return false;
            text = text[(dot + 1)..];
        }

        return parts == 4;
    }

    public static string FormatAddress(uint address) =>
        string.Create(CultureInfo.InvariantCulture, $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}");

    /// <summary>A secondary IP prints as its address, a prefix in CIDR notation: how people and the log lines write them.</summary>
    public override string ToString() =>
        IsPrefix ? FormatAddress(Network) + "/" + PrefixLength.ToString(CultureInfo.InvariantCulture) : FormatAddress(Network);

    public int CompareTo(Ipv4Cidr other) => SortKey.CompareTo(other.SortKey);

    /// <summary>Network, then prefix length, as one number: one comparison instead of two.</summary>
    private ulong SortKey => ((ulong)Network << 8) | (uint)PrefixLength;

    /// <summary>Sorts the blocks unless they are in order already, which is how the readers hand them over (a scan instead of a sort).</summary>
    public static void SortIfNeeded(Span<Ipv4Cidr> blocks)
    {
        for (var i = 1; i < blocks.Length; i++)
        {
            if (blocks[i - 1].SortKey <= blocks[i].SortKey) continue;
            blocks.Sort();
            return;
        }
    }

    public static bool operator <(Ipv4Cidr left, Ipv4Cidr right) => left.CompareTo(right) < 0;

    public static bool operator >(Ipv4Cidr left, Ipv4Cidr right) => left.CompareTo(right) > 0;

    public static bool operator <=(Ipv4Cidr left, Ipv4Cidr right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Ipv4Cidr left, Ipv4Cidr right) => left.CompareTo(right) >= 0;
}
