using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StrategicCities.Api.Tests;

/// <summary>Keeps every log line (event id, text, exception) so tests can check what is and is not logged.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Text, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void Dispose()
    {
    }

    private sealed class Collector(LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception), exception));
    }
}
