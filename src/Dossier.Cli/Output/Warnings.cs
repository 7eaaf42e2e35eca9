using Dossier.Ingest;

namespace Dossier.Cli.Output;

/// <summary>The warnings of a run's inputs (<see cref="ReadResult.WarningMessages"/>): collected as results arrive, written
/// on stderr as <c>INPUT: warning: reason</c>, one a line. A warning never fails a run.</summary>
internal static class Warnings
{
    /// <summary>A progress callback that adds each result's warnings to <paramref name="into"/>, then calls <paramref name="next"/>.</summary>
    public static Action<ReadResult> Collect(List<string> into, Action<ReadResult>? next) => result =>
    {
        into.AddRange(result.WarningMessages);
        next?.Invoke(result);
    };

    public static async Task WriteAsync(TextWriter error, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings)
        {
            await error.WriteLineAsync(warning);
        }
    }
}
