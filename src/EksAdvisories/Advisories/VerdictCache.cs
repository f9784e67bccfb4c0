using System.Collections.Concurrent;

namespace EksAdvisories;

/// <summary>
/// Remembers the verdicts of recent inputs. A fleet reports few distinct versions, so repeated questions are answered
/// without parsing or allocating. The cache is bounded in bytes, not only in entries: an input longer than
/// <see cref="MaxCachedInputLength"/> is never kept (every real version form is far shorter, and an Unknown reason
/// quotes its input), and the strings the kept verdicts hold are counted against <see cref="ByteBudget"/>; when either
/// bound would be passed the cache is emptied. Whatever the inputs, it retains well under 1 MB.
/// Verdicts are immutable, so sharing one instance between callers is safe.
/// </summary>
internal sealed class VerdictCache
{
    /// <summary>Enough for every version a large fleet shows.</summary>
    public const int Capacity = 512;

    /// <summary>
    /// The longest input kept: an ECR image reference with a tag and a sha256 digest is about 170 characters.
    /// </summary>
    public const int MaxCachedInputLength = 256;

    /// <summary>What the kept verdicts may hold, counted as two bytes per character of their strings plus a fixed overhead each.</summary>
    public const long ByteBudget = 384 * 1024;

    /// <summary>
    /// Objects of one entry beyond its strings: dictionary node, key, verdict, version, image reference, action and its
    /// caveat list (about 600 bytes on 64-bit, counted generously).
    /// </summary>
    private const int EntryOverhead = 1024;

    private readonly ConcurrentDictionary<(string Version, string? Kubernetes), AdvisoryVerdict> _verdicts = new();
    private int _count;
    private long _bytes;

    /// <summary>The estimated bytes the kept verdicts hold (for tests and diagnostics).</summary>
    public long EstimatedBytes => Interlocked.Read(ref _bytes);

    /// <summary>Forgets every verdict.</summary>
    public void Clear()
    {
        _verdicts.Clear();
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    public AdvisoryVerdict GetOrAdd(string version, string? kubernetes, Func<string, string?, AdvisoryVerdict> evaluate)
    {
        var key = (version, kubernetes);
        if (_verdicts.TryGetValue(key, out var verdict)) return verdict;

        verdict = evaluate(version, kubernetes);
        if (version.Length > MaxCachedInputLength || (kubernetes?.Length ?? 0) > MaxCachedInputLength) return verdict;

        var size = Estimate(verdict, version, kubernetes);
        if (Interlocked.Increment(ref _count) > Capacity || Interlocked.Add(ref _bytes, size) > ByteBudget)
        {
            Clear();
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _bytes, size);
        }

        _verdicts.TryAdd(key, verdict);
        return verdict;
    }

    private static long Estimate(AdvisoryVerdict verdict, string version, string? kubernetes)
    {
        // Strings the verdict owns; the action's texts come from the advisory's data or are shared between verdicts,
        // but they are counted too so the estimate stays an upper bound.
        // The input is held as given and again in pieces (an image's registry, repository and tag), so count it three times.
        long chars = (3 * version.Length) + (kubernetes?.Length ?? 0) + verdict.ReasonLengthBound;
        if (verdict.Action is { } action) chars += action.Summary.Length + (action.MitigationWithheldReason?.Length ?? 0);
        return EntryOverhead + (2 * chars);
    }
}
