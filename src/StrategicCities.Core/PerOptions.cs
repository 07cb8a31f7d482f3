using System.Runtime.CompilerServices;
using System.Text.Json;

namespace StrategicCities.Core;

/// <summary>
/// What a JSON converter makes once per <see cref="JsonSerializerOptions"/> instance (kept text):
/// right only for the options it was made with, and a copy of the options carries the same converter instance. The
/// options used last are checked first: in practice there is one.
/// </summary>
/// <typeparam name="T">What is made per options.</typeparam>
internal sealed class PerOptions<T>(Func<JsonSerializerOptions, T> create)
    where T : class
{
    private readonly ConditionalWeakTable<JsonSerializerOptions, T> _byOptions = new();
    private Entry? _last;

    /// <summary>What was made for <paramref name="options"/>, made now the first time.</summary>
    public T For(JsonSerializerOptions options)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Options, options))
        {
            return last.Value;
        }

        var value = _byOptions.GetValue(options, o => create(o));
        _last = new Entry(options, value);
        return value;
    }

    // One reference, so a reader never pairs one options instance with another's value.
    private sealed record Entry(JsonSerializerOptions Options, T Value);
}
