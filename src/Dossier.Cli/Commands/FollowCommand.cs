using System.CommandLine;
using System.Globalization;
using Dossier.Storage;
using Dossier.Storage.Watch;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier follow add|list|remove</c>: saved queries whose new matches become alerts (Atom feed, webhook).</summary>
internal static class FollowCommand
{
    public static Command Create()
    {
        var follow = new Command("follow", "Saved queries: new matching events (and new reports of known ones, status changes) become alerts");
        follow.Subcommands.Add(Add());
        follow.Subcommands.Add(List());
        follow.Subcommands.Add(Remove());
        return follow;
    }

    private static Command Add()
    {
        var database = CommonOptions.Database();
        var name = new Option<string?>("--name") { Description = "A name for the follow (default: its query)" };
        var actor = new Option<string?>("--actor") { Description = "An actor: name, alias or CAMEO code" };
        var type = new Option<string?>("--type") { Description = "PLOVER event type (CONSULT, PROTEST …)" };
        var status = new Option<string?>("--status") { Description = "Status of the report (occurred, planned …)" };
        var country = new Option<string?>("--country") { Description = "Country code of an actor or the place" };
        var minConfidence = new Option<double>("--min-confidence") { Description = "Least confidence of a report", DefaultValueFactory = _ => 0 };
        var webhook = new Option<string?>("--webhook") { Description = "URL that receives each alert as a JSON POST" };
        var secret = new Option<string?>("--secret") { Description = "Shared secret: each POST carries X-Dossier-Signature: sha256=HMAC(secret, body)" };
        var command = new Command("add", "Follow a query") { database, StoreCommand.StoreOption(), name, actor, type, status, country, minConfidence, webhook, secret };
        command.SetAction((parse, ct) => RunAsync(parse, database, async (store, output, error) =>
        {
            var query = new FollowQuery(parse.GetValue(actor), parse.GetValue(type), parse.GetValue(status), parse.GetValue(country), parse.GetValue(minConfidence));
            if (query is { Actor: null, EventType: null, Status: null, Country: null } && query.MinConfidence <= 0)
            {
                await error.WriteLineAsync("dossier: follow add: give at least one of --actor, --type, --status, --country, --min-confidence");
                return ExitCodes.Usage;
            }

            var url = parse.GetValue(webhook);
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                await error.WriteLineAsync($"dossier: follow add: --webhook '{url}' is not an http(s) URL");
                return ExitCodes.Usage;
            }

            var added = await store.AddFollowAsync(parse.GetValue(name) ?? Describe(query), query, url, parse.GetValue(secret), DateTimeOffset.UtcNow, ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"follow {added.Id}: {added.Name}"));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var database = CommonOptions.Database();
        var command = new Command("list", "List the follows, with how many alerts are new since the last visit") { database, StoreCommand.StoreOption() };
        command.SetAction((parse, ct) => RunAsync(parse, database, async (store, output, _) =>
        {
            var follows = await store.ListFollowsAsync(ct);
            if (follows.Count == 0)
            {
                await output.WriteLineAsync("No follows.");
            }

            foreach (var f in follows)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{f.Id}\t{f.Name}\t{Describe(f.Query)}\t{f.NewAlerts} new{(f.WebhookUrl is null ? "" : "\twebhook " + f.WebhookUrl)}"));
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static Command Remove()
    {
        var database = CommonOptions.Database();
        var id = new Argument<long>("id") { Description = "The follow's number (from follow list)" };
        var command = new Command("remove", "Stop following; its alerts and pending deliveries go") { database, StoreCommand.StoreOption(), id };
        command.SetAction((parse, ct) => RunAsync(parse, database, async (store, output, error) =>
        {
            if (!await store.RemoveFollowAsync(parse.GetValue(id), ct))
            {
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"dossier: follow remove: there is no follow {parse.GetValue(id)}"));
                return ExitCodes.Usage;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"follow {parse.GetValue(id)} removed"));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>The query in words: <c>actor=… type=…</c>.</summary>
    internal static string Describe(FollowQuery query)
    {
        var parts = new List<string>();
        void Part(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{key}={value}");
            }
        }

        Part("actor", query.Actor);
        Part("type", query.EventType);
        Part("status", query.Status);
        Part("country", query.Country);
        if (query.MinConfidence > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"min-confidence={query.MinConfidence}"));
        }

        return string.Join(' ', parts);
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> database, Func<WatchStore, TextWriter, TextWriter, Task<int>> body, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var documents = StoreFactory.Open(StoreCommand.StoreValue(parse), parse.GetValue(database));
            using var store = StoreFactory.OpenWatch(documents);
            return await body(store, parse.InvocationConfiguration.Output, error);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"dossier: {e.Message}");
            return ExitCodes.StoreError;
        }
    }
}
