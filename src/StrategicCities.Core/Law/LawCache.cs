using System.Collections.Concurrent;

namespace StrategicCities.Core.Law;

/// <summary>
/// The bounded cache of what is built from the law: compiled rule sets and merged form schemas, each keyed by the
/// tuple of file versions (and revisions) it is made of, so municipalities without overlays share one entry. Without a
/// bound, a national catalog (7,896 municipalities, several forms and dates each) would keep every combination ever
/// asked for; past <see cref="Capacity"/> the least recently used tenth is dropped and rebuilt on demand (a build is
/// pure in its files). A build runs once per key, whoever asks concurrently.
/// </summary>
/// <typeparam name="T">What is built.</typeparam>
public sealed class LawCache<T>
{
    /// <summary>The default bound: far above what the shipped catalog reaches, far below a national one's combinations.</summary>
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _evicting = new();
    private long _clock;

    /// <summary>A cache holding at most <paramref name="capacity"/> entries (at least 16).</summary>
    public LawCache(int capacity = DefaultCapacity) => Capacity = Math.Max(16, capacity);

    /// <summary>The bound.</summary>
    public int Capacity { get; }

    /// <summary>How many entries are held.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry of <paramref name="key"/>, built by <paramref name="build"/> the first time (once, however many ask).</summary>
    public Task<T> GetOrAddAsync(string key, Func<Task<T>> build)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        var now = Interlocked.Increment(ref _clock);
        if (_entries.TryGetValue(key, out var hit))
        {
            Volatile.Write(ref hit.LastUsed, now);
            return hit.Value.Value;
        }

        var entry = _entries.GetOrAdd(key, _ => new Entry(new Lazy<Task<T>>(build), now));
        if (_entries.Count > Capacity)
        {
            Evict();
        }

        return entry.Value.Value;
    }

    private void Evict()
    {
        // One evictor at a time; the others go on (the bound may be passed briefly, never by much).
        if (!_evicting.TryEnter())
        {
            return;
        }

        try
        {
            var excess = _entries.Count - Capacity;
            if (excess <= 0)
            {
                return;
            }

            foreach (var oldest in _entries.OrderBy(e => Volatile.Read(ref e.Value.LastUsed)).Take(excess + (Capacity / 10)).ToList())
            {
                _entries.TryRemove(oldest);
            }
        }
        finally
        {
            _evicting.Exit();
        }
    }

    private sealed class Entry(Lazy<Task<T>> value, long lastUsed)
    {
        public readonly Lazy<Task<T>> Value = value;
        public long LastUsed = lastUsed;
    }
}
