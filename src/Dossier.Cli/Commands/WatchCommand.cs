using System.CommandLine;
using System.Globalization;
using Dossier.Core.Errors;
using Dossier.Engine;
using Dossier.Engine.Watch;
using Dossier.Ingest;
using Dossier.Ingest.Watch;
using Dossier.Storage;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier watch SOURCES_FILE [--once]</c>: keeps watch over feeds and pages (<see cref="Watcher"/>).</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var sources = new Argument<FileInfo>("sources") { Description = "File of feed and page URLs, one a line, each optionally followed by every=DURATION (15m, 2h)" };
        var database = CommonOptions.Database();
        var once = new Option<bool>("--once") { Description = "Make one pass (poll what is due, fetch, store, alert) and exit: for cron" };
        var interval = Duration("--interval", "Poll interval of sources that give none", "15m");
        var delay = Duration("--per-host-delay", "Least time between two requests to one host", "1s");
        var connections = new Option<int>("--per-host-connections") { Description = "Requests open at once to one host", DefaultValueFactory = _ => 2, HelpName = "N" };
        var timeout = Duration("--timeout", "Time limit of one request", "30s");
        var tick = Duration("--tick", "How often a running watcher looks for due work", "5s");
        var webhookRetry = Duration("--webhook-retry", "First wait before a failed webhook delivery is retried (doubles each time)", "30s");
        var maxBytes = new Option<long>("--max-bytes") { Description = "Largest response read", DefaultValueFactory = _ => 5L * 1024 * 1024, HelpName = "BYTES" };
        var lease = new Option<TimeSpan?>("--lease")
        {
            Description = "How long a source, article or webhook this watcher takes is held from the other watchers of the store; must outlast one fetch and analysis (such as 5m; default 5m on PostgreSQL, where several watchers may share a store, none on SQLite)",
            HelpName = "DURATION",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (SourcesFile.ParseDuration(token) is { } value)
                {
                    return value;
                }

                result.AddError($"--lease: '{token}' is not a duration (such as 30s, 15m, 2h)");
                return null;
            },
        };
        var actors = CommonOptions.Actors();
        var command = new Command("watch", "Poll feeds and pages on a schedule, store new articles, and alert the follows")
        {
            sources, database, once, interval, delay, connections, timeout, tick, webhookRetry, maxBytes, lease, actors,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(sources)!;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"dossier: {file.FullName}: cannot be read ({e.Message.ReplaceLineEndings(" ")})");
                return ExitCodes.Usage;
            }

            var lines = SourcesFile.Parse(file.FullName, text, parse.GetValue(interval), out var parseError);
            if (lines is null)
            {
                await error.WriteLineAsync($"dossier: {parseError}");
                return ExitCodes.Usage;
            }

            var choice = StoreFactory.Choose(StoreCommand.StoreValue(parse), parse.GetValue(database));
            var pipeline = PipelineFactory.TryCreate(parse.GetValue(actors), choice.IsPostgres ? null : choice.Target, out var actorsError);
            if (pipeline is null)
            {
                await error.WriteLineAsync($"dossier: {actorsError}");
                return ExitCodes.Usage;
            }

            try
            {
                await using var store = StoreFactory.Open(choice);
                using var watch = StoreFactory.OpenWatch(store);
                using var fetcher = new WatchFetcher(new WatchFetchOptions
                {
                    Timeout = parse.GetValue(timeout),
                    PerHostDelay = parse.GetValue(delay),
                    PerHostConcurrency = Math.Max(1, parse.GetValue(connections)),
                    MaxBytes = parse.GetValue(maxBytes),
                });
                using var webhooks = new WebhookSender(parse.GetValue(timeout));
                await watch.SyncSourcesAsync([.. lines.Select(l => (l.Url, l.Interval))], cancellationToken);
                var watcher = new Watcher(
                    new IngestService(pipeline, store), watch, watch, fetcher, webhooks,
                    new WatcherOptions { Read = new ReadOptions { MaxBytes = parse.GetValue(maxBytes) }, Tick = parse.GetValue(tick), WebhookRetry = parse.GetValue(webhookRetry),
                        Lease = parse.GetValue(lease) ?? (choice.IsPostgres ? TimeSpan.FromMinutes(5) : TimeSpan.Zero),
                    },
                    log: line => error.WriteLine($"dossier watch: {line}"));
                WatchPassSummary summary;
                try
                {
                    summary = parse.GetValue(once) ? await watcher.RunOnceAsync(cancellationToken) : await watcher.RunAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await error.WriteLineAsync($"dossier: watch stopped by {StopSignal.Current?.Signal ?? "request"}; nothing half-stored.");
                    return ExitCodes.Success;
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{summary.Polled} polls ({summary.NotModified} not modified, {summary.PollFailures} failed), {summary.ItemsQueued} new items, {summary.Stored} documents stored ({summary.Duplicates} already stored, {summary.ItemFailures} failed), {summary.Alerts} alerts, {summary.Delivered} webhook deliveries ({summary.DeliveryFailures} failed)"));
                if (!parse.GetValue(once) && StopSignal.Current?.Signal is { } signal)
                {
                    await error.WriteLineAsync($"dossier: watch stopped by {signal}; nothing half-stored.");
                }

                return ExitCodes.Success;
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
        });
        return command;
    }

    private static Option<TimeSpan> Duration(string name, string description, string defaultValue) => new(name)
    {
        Description = $"{description} (such as 500ms, 30s, 15m, 2h; default {defaultValue})",
        HelpName = "DURATION",
        DefaultValueFactory = _ => SourcesFile.ParseDuration(defaultValue)!.Value,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (SourcesFile.ParseDuration(token) is { } value)
            {
                return value;
            }

            result.AddError($"{name}: '{token}' is not a duration (such as 30s, 15m, 2h)");
            return default;
        },
    };
}
