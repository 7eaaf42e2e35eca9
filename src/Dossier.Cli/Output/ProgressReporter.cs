using Dossier.Engine;
using Dossier.Ingest;
using Spectre.Console;

namespace Dossier.Cli.Output;

/// <summary>
/// Shows a progress bar on stderr for multi-document runs when stderr is a terminal;
/// otherwise runs silently (scripts and CI see only the summary).
/// </summary>
internal static class ProgressReporter
{
    public static async Task<IngestSummary> RunAsync(IReadOnlyList<string> inputs, TextWriter error, Func<Action<ReadResult>?, Task<IngestSummary>> run)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            return await run(null);
        }

        var total = EstimateDocuments(inputs);
        if (total < 2)
        {
            return await run(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IngestSummary? summary = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting", maxValue: total);
                summary = await run(_ =>
                {
                    task.MaxValue = Math.Max(task.MaxValue, task.Value + 1);
                    task.Increment(1);
                });
            });
        return summary!;
    }

    /// <summary>Files under the inputs (a feed or JSONL file counts once; the bar grows if it holds more).</summary>
    private static int EstimateDocuments(IEnumerable<string> inputs) => inputs.Sum(input =>
        Directory.Exists(input)
            ? Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Count()
            : 1);
}
