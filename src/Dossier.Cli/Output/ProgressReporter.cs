using System.Diagnostics;
using System.Globalization;
using Dossier.Engine;
using Dossier.Ingest;
using Spectre.Console;

namespace Dossier.Cli.Output;

/// <summary>
/// Shows a progress bar on stderr for multi-document runs when stderr is a terminal (and, for a command that prints
/// documents, standard output is not the same terminal); with <c>--progress</c> and no terminal, a plain line every
/// few seconds instead. Otherwise runs silently (scripts and CI see only the summary).
/// </summary>
internal static class ProgressReporter
{
    private static readonly TimeSpan LineEvery = TimeSpan.FromSeconds(2);

    /// <param name="inputs">The command's inputs (to estimate the number of documents).</param>
    /// <param name="error">Where progress goes; a bar only when it is the console's stderr.</param>
    /// <param name="forced">The <c>--progress</c> option: report even when stderr is not a terminal.</param>
    /// <param name="label">What the run does, such as <c>Ingesting</c>.</param>
    /// <param name="run">The run, given the callback to call after each input.</param>
    /// <param name="printsDocuments">Whether the command prints documents on standard output as it goes (no bar over them on a terminal).</param>
    public static async Task<IngestSummary> RunAsync(
        IReadOnlyList<string> inputs, TextWriter error, bool forced, string label, Func<Action<ReadResult>?, Task<IngestSummary>> run, bool printsDocuments = false)
    {
        var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && !(printsDocuments && !Console.IsOutputRedirected);
        if (!terminal && !forced)
        {
            return await run(null);
        }

        var total = EstimateDocuments(inputs);
        if (!terminal)
        {
            return await RunWithLinesAsync(error, label, total, run);
        }

        if (total < 2 && !forced)
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
                var task = context.AddTask(label, maxValue: total);
                summary = await run(_ =>
                {
                    task.MaxValue = Math.Max(task.MaxValue, task.Value + 1);
                    task.Increment(1);
                });
            });
        return summary!;
    }

    /// <summary>One line (<c>dossier: Ingesting 340/1,721 inputs, 12 s</c>) every few seconds and one at the end.</summary>
    private static async Task<IngestSummary> RunWithLinesAsync(TextWriter error, string label, int total, Func<Action<ReadResult>?, Task<IngestSummary>> run)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var done = 0;
        void Line() => error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dossier: {label} {done:N0}/{Math.Max(total, done):N0} inputs, {clock.Elapsed.TotalSeconds:0} s"));
        var summary = await run(_ =>
        {
            done++;
            if (clock.Elapsed - last >= LineEvery)
            {
                last = clock.Elapsed;
                Line();
            }
        });
        Line();
        return summary;
    }

    /// <summary>Files under the inputs (a feed or JSONL file counts once; the bar grows if it holds more).</summary>
    private static int EstimateDocuments(IEnumerable<string> inputs) => inputs.Sum(input =>
        Directory.Exists(input)
            ? Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Count()
            : 1);
}
