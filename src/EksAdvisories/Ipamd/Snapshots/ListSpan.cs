using System.Runtime.InteropServices;

namespace EksAdvisories.Ipamd;

/// <summary>
/// A snapshot's lists as spans. The readers hand their lists over as arrays (typed read-only), so the checker's loops read
/// them directly instead of through an interface call per item; any other list is copied once.
/// </summary>
internal static class ListSpan
{
    public static ReadOnlySpan<T> Of<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        List<T> items => CollectionsMarshal.AsSpan(items),
        _ => list.ToArray(),
    };
}
