using System.CommandLine;
using System.Globalization;
using Dossier.Core.Errors;
using Dossier.Engine;
using Dossier.Ingest;
using Dossier.Storage;
using Dossier.Storage.Postgres;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier enqueue</c>, <c>dossier worker</c> and <c>dossier queue</c>: the work queue of a PostgreSQL store
/// (<see cref="PostgresWorkQueue"/>). Workers on any number of machines take inputs from it and ingest each through
/// <see cref="IngestService"/>, the one ingest path.</summary>
internal static class QueueCommands
{
    public static Command Enqueue()
    {
        var inputs = CommonOptions.Inputs();
        var store = StoreCommand.StoreOption();
        var command = new Command("enqueue", "Record files, folders (each file in them), URLs and feeds for workers to ingest; an input recorded before is not recorded again")
        {
            inputs, store,
        };
        command.SetAction((parse, ct) => RunAsync(parse, store, async (queue, output, error, token) =>
        {
            var items = new List<string>();
            foreach (var input in parse.GetValue(inputs)!)
            {
                if (Uri.TryCreate(input, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    items.Add(input);
                }
                else if (Directory.Exists(input))
                {
                    items.AddRange(DocumentReader.FilesIn(Path.GetFullPath(input)));
                }
                else if (File.Exists(input))
                {
                    items.Add(Path.GetFullPath(input));
                }
                else
                {
                    await error.WriteLineAsync($"dossier: {DossierErrors.Format(input, DossierErrors.NotFound)}");
                    return ExitCodes.Usage;
                }
            }

            var added = await queue.EnqueueAsync(items, token);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Enqueued {added} inputs ({items.Count - added} recorded before)."));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    public static Command Worker()
    {
        var store = StoreCommand.StoreOption();
        var threads = new Option<int>("--threads") { Description = "Inputs processed at once (default: the number of processors)", HelpName = "N" };
        var follow = new Option<bool>("--follow") { Description = "Keep polling for new work when the queue is empty (until Ctrl-C)" };
        var lease = new Option<int>("--lease")
        {
            Description = "Seconds a taken input stays this worker's without a renewal; a dead worker's inputs are taken again after it (default 60)",
            DefaultValueFactory = _ => 60,
            HelpName = "SECONDS",
        };
        var published = CommonOptions.Published();
        var maxBytes = CommonOptions.MaxBytes();
        var actors = CommonOptions.Actors();
        var maxWords = CommonOptions.MaxWords();
        var timeout = CommonOptions.DocumentTimeout();
        var command = new Command("worker", "Take inputs from the work queue and ingest them until it is empty (or, with --follow, until stopped)")
        {
            store, threads, follow, lease, published, maxBytes, actors, maxWords, timeout,
        };
        command.SetAction((parse, ct) => RunAsync(parse, store, async (queue, output, error, token) =>
        {
            var pipeline = PipelineFactory.TryCreate(parse.GetValue(actors), null, out var actorsError);
            if (pipeline is null)
            {
                await error.WriteLineAsync($"dossier: {actorsError}");
                return ExitCodes.Usage;
            }

            var leaseTime = TimeSpan.FromSeconds(Math.Max(2, parse.GetValue(lease)));
            var count = parse.GetValue(threads) > 0 ? parse.GetValue(threads) : Environment.ProcessorCount;
            var options = new ReadOptions { DefaultPublished = parse.GetValue(published), MaxBytes = parse.GetValue(maxBytes) };
            var ingest = new IngestService(pipeline, queue.Store, CommonOptions.Limits(parse, maxWords, timeout), threads: 1);
            var name = $"{Environment.MachineName}:{Environment.ProcessId}";
            var totals = new int[3]; // inputs, documents added, failed inputs
            var loops = Enumerable.Range(0, count).Select(i => Task.Run(() => LoopAsync(queue, ingest, options, $"{name}:{i}", leaseTime, parse.GetValue(follow), totals, error, token), token));
            await Task.WhenAll(loops);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Worker {name}: {totals[0]} inputs, {totals[1]} documents added, {totals[2]} inputs failed."));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    public static Command Queue()
    {
        var store = StoreCommand.StoreOption();
        var limit = CommonOptions.Limit(20);
        var command = new Command("queue", "Show the work queue: how many inputs are pending, leased, done and failed; the leased and failed ones with their workers and errors")
        {
            store, limit,
        };
        command.SetAction((parse, ct) => RunAsync(parse, store, async (queue, output, _, token) =>
        {
            var counts = await queue.CountsAsync(token);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"pending {counts.Pending}\nleased  {counts.Leased}\ndone    {counts.Done}\nfailed  {counts.Failed}"));
            foreach (var state in new[] { "leased", "failed" })
            {
                var items = await queue.ListAsync(state, parse.GetValue(limit), token);
                if (items.Count == 0)
                {
                    continue;
                }

                await output.WriteLineAsync($"\n{state}:");
                foreach (var item in items)
                {
                    var detail = state == "leased"
                        ? $"by {item.Worker} until {item.LeaseUntil?.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z, attempt {item.Attempts}"
                        : item.Error;
                    await output.WriteLineAsync($"  {item.Input}  {detail}");
                }
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static async Task LoopAsync(
        PostgresWorkQueue queue, IngestService ingest, ReadOptions options, string worker, TimeSpan lease, bool follow, int[] totals, TextWriter error, CancellationToken ct)
    {
        var idle = TimeSpan.FromMilliseconds(500);
        while (!ct.IsCancellationRequested)
        {
            var item = await queue.TakeAsync(worker, lease, ct);
            if (item is null)
            {
                var counts = await queue.CountsAsync(ct);
                if (!follow && counts.Pending == 0 && counts.Leased == 0)
                {
                    return;
                }

                // Nothing free: wait for new work, or for the lease of a dead worker to run out.
                await Task.Delay(idle, ct);
                continue;
            }

            using var renew = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var heartbeat = RenewAsync(queue, item.Id, worker, lease, renew.Token);
            IngestSummary summary;
            try
            {
                summary = await ingest.IngestAsync([item.Input], options, null, ct);
            }
            finally
            {
                await renew.CancelAsync();
                await heartbeat;
            }

            var failure = summary.New == 0 && summary.Duplicates == 0 && summary.Failed > 0 ? string.Join("; ", summary.Failures) : null;
            await queue.FinishAsync(item.Id, worker, summary.New, summary.Duplicates, failure, ct);
            Interlocked.Increment(ref totals[0]);
            Interlocked.Add(ref totals[1], summary.New);
            if (failure is not null)
            {
                Interlocked.Increment(ref totals[2]);
                await error.WriteLineAsync($"dossier: {failure}");
            }
        }
    }

    private static async Task RenewAsync(PostgresWorkQueue queue, long id, string worker, TimeSpan lease, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, ct);
                if (!await queue.RenewAsync(id, worker, lease, ct))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (StoreException)
        {
            // The server is away; the ingest fails on its own, and the lease runs out.
        }
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> storeOption, Func<PostgresWorkQueue, TextWriter, TextWriter, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var choice = StoreFactory.Choose(parse.GetValue(storeOption), null);
        if (!choice.IsPostgres)
        {
            await error.WriteLineAsync($"dossier: the work queue needs a PostgreSQL store: --store postgres://USER:PASSWORD@HOST:PORT/DB (or ${StoreFactory.EnvironmentVariable}).");
            return ExitCodes.Usage;
        }

        try
        {
            await using var store = PostgresDocumentStore.Open(choice.Target);
            return await body(new PostgresWorkQueue(store), output, error, ct);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"dossier: {e.Message}");
            return ExitCodes.StoreError;
        }
        catch (ModelFileException e)
        {
            await error.WriteLineAsync($"dossier: {e.Message}");
            return ExitCodes.ModelError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("dossier: interrupted; inputs being worked on go back to the queue when their leases run out.");
            return ExitCodes.Cancelled;
        }
    }
}
