using System.Collections.Concurrent;

namespace EksAdvisories;

/// <summary>
/// Remembers the verdicts of recent inputs. A fleet reports few distinct versions, so repeated questions are answered
/// without parsing or allocating; the cache is bounded (it is emptied when full) so arbitrary input cannot grow it without limit.
/// Verdicts are immutable, so sharing one instance between callers is safe.
/// </summary>
internal sealed class VerdictCache
{
    /// <summary>Enough for every version a large fleet shows, small enough to be irrelevant in memory.</summary>
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<(string Version, string? Kubernetes), AdvisoryVerdict> _verdicts = new();
    private int _count;

    public AdvisoryVerdict GetOrAdd(string version, string? kubernetes, Func<string, string?, AdvisoryVerdict> evaluate)
    {
        var key = (version, kubernetes);
        if (_verdicts.TryGetValue(key, out var verdict)) return verdict;

        verdict = evaluate(version, kubernetes);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _verdicts.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        _verdicts.TryAdd(key, verdict);
        return verdict;
    }
}
