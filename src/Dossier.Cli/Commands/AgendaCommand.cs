using System.CommandLine;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

internal static class AgendaCommand
{
    /// <summary>How many days back from its first day the agenda lists plans announced without a date (as the web agenda does).</summary>
    private const int UndatedPlanDays = 30;

    public static Command Create() => Create(TimeProvider.System);

    /// <param name="time">Gives today's date when <c>--from</c> is not given.</param>
    public static Command Create(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var database = CommonOptions.Database();
        var from = CorpusCli.Date("--from", "First day of the agenda (YYYY-MM-DD); default today");
        var limit = CommonOptions.Limit(50);
        var offset = CorpusCli.Offset();
        var format = CorpusCli.Format();
        var minConfidence = CorpusCli.MinConfidence();
        var domain = CorpusCli.Domain();
        var command = new Command("agenda", "Coming events: court dates, summits, visits, soonest first; then plans announced without a date") { database, from, minConfidence, limit, offset, format, domain };
        command.SetAction((parse, cancellationToken) => StoreCommand.RunAsync(parse, database, async (store, output, ct) =>
        {
            var day = parse.GetValue(from) ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            var threshold = CorpusCli.MinConfidenceOf(parse, minConfidence);
            var rows = await CorpusCli.Queries(store).AgendaAsync(day, parse.GetValue(limit), parse.GetValue(offset), threshold, parse.GetValue(domain), ct);
            if (CorpusCli.IsJson(parse, format))
            {
                await CorpusCli.WriteJsonAsync(output, rows);
            }
            else
            {
                await CorpusReport.WriteEventsAsync(output, rows, "Nothing on the agenda.");
                await WriteStatusChangesAsync(output, store, rows, ct);
                if (parse.GetValue(offset) == 0)
                {
                    var undated = await CorpusCli.Queries(store).UndatedPlansAsync(day, UndatedPlanDays, parse.GetValue(limit), 0, threshold, parse.GetValue(domain), ct);
                    if (undated.Count > 0)
                    {
                        await output.WriteLineAsync();
                        await output.WriteLineAsync(FormattableString.Invariant($"Announced, no date yet (reported in the {UndatedPlanDays} days up to {day:yyyy-MM-dd}):"));
                        await CorpusReport.WriteEventsAsync(output, undated);
                    }
                }
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    /// <summary>Status changes are news too: the agenda's events whose later reports moved them on (planned → occurred),
    /// each step with the report that gave it.</summary>
    private static async Task WriteStatusChangesAsync(TextWriter output, Storage.IDocumentStore store, IReadOnlyList<Storage.Corpus.CorpusEventSummary> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var history = Storage.StoreFactory.OpenWatch(store);
        var first = true;
        foreach (var row in rows)
        {
            var steps = await history.StatusHistoryAsync(row.Id, ct);
            if (steps.Count < 2)
            {
                continue;
            }

            if (first)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync("Status changes:");
                first = false;
            }

            await output.WriteLineAsync(FormattableString.Invariant($"  #{row.Id} {row.Type}: ") + string.Join(" -> ", steps.Select(s =>
                FormattableString.Invariant($"{s.Status} ({s.Published:yyyy-MM-dd}, {s.Title ?? s.DocumentId})"))));
            foreach (var step in steps)
            {
                await output.WriteLineAsync(FormattableString.Invariant($"    {step.Status}: \"{step.Evidence}\""));
            }
        }

    }
}
