using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Storage.Corpus;

namespace Dossier.Cli.Output;

/// <summary>Plain-text rendering of corpus entities, events and the actor network.</summary>
internal static class CorpusReport
{
    public static async Task WriteEntitiesAsync(TextWriter output, IReadOnlyList<CorpusEntitySummary> entities)
    {
        if (entities.Count == 0)
        {
            await output.WriteLineAsync("No entities.");
            return;
        }

        foreach (var e in entities)
        {
            await output.WriteLineAsync(EntityLine(e));
        }
    }

    public static async Task WriteEntityAsync(TextWriter output, CorpusEntityDetails details)
    {
        var e = details.Entity;
        await output.WriteLineAsync(EntityLine(e));
        if (details.Aliases.Count > 0)
        {
            await output.WriteLineAsync("aliases: " + string.Join(", ", details.Aliases));
        }

        if (details.Roles.Count > 0)
        {
            await output.WriteLineAsync("roles:");
            foreach (var r in details.Roles)
            {
                var where = string.Join(", ", new[] { r.Organization, r.Country }.OfType<string>());
                await output.WriteLineAsync(Invariant(
                    $"  {r.Title}{(where.Length > 0 ? $" ({where})" : "")}, {r.Status}: {Range(r.FirstSeen, r.LastSeen)}, {r.Documents} document{Plural(r.Documents)}"));
            }
        }

        if (details.Events > 0)
        {
            await output.WriteLineAsync(Invariant($"events: {details.Events} (dossier timeline {e.Id})"));
        }

        if (details.Connections.Count > 0)
        {
            await output.WriteLineAsync("connected: " + string.Join(", ", details.Connections.Select(c => Invariant($"{Actor(c.Actor)} ({c.Events})"))));
        }

        if (details.Documents.Count > 0)
        {
            await output.WriteLineAsync(Invariant($"documents ({e.Documents}):"));
            foreach (var d in details.Documents)
            {
                await output.WriteLineAsync($"  {d.Id[..12]}  {Day(d.Published),-10}  {d.Title ?? "(untitled)"}");
            }
        }

        if (details.Mentions.Count > 0)
        {
            await output.WriteLineAsync(Invariant($"mentions ({e.Mentions}):"));
            foreach (var m in details.Mentions)
            {
                await output.WriteLineAsync($"  {m.DocumentId[..12]}  {m.Kind,-11} \"{m.Text}\": {m.Evidence}");
            }
        }
    }

    public static async Task WriteEventsAsync(TextWriter output, IReadOnlyList<CorpusEventSummary> events, string none = "No events.")
    {
        if (events.Count == 0)
        {
            await output.WriteLineAsync(none);
            return;
        }

        foreach (var e in events)
        {
            await WriteEventAsync(output, e);
        }
    }

    public static async Task WriteTimelineAsync(TextWriter output, CorpusTimeline timeline)
    {
        await output.WriteLineAsync(EntityLine(timeline.Entity));
        await WriteEventsAsync(output, timeline.Events);
        if (timeline.Events.Any(e => e.Approximate))
        {
            await output.WriteLineAsync("~ no date in the reports: the date of first publication");
        }
    }

    public static async Task WriteNetworkAsync(TextWriter output, IReadOnlyList<ActorPair> pairs)
    {
        if (pairs.Count == 0)
        {
            await output.WriteLineAsync("No actor pairs.");
            return;
        }

        foreach (var p in pairs)
        {
            await output.WriteLineAsync(Invariant(
                $"{Actor(p.Source)} -> {Actor(p.Target)}  {p.Events} event{Plural(p.Events)}, mean Goldstein {p.MeanGoldstein:+0.0;-0.0;0.0}, mostly {QuadClass.Name(p.QuadClass)}"));
        }
    }

    private static async Task WriteEventAsync(TextWriter output, CorpusEventSummary e)
    {
        var day = Day(e.Day) + (e.Approximate ? "~" : " ");
        var actors = $"{Actors(e.Source)} -> {Actors(e.Target)}";
        var location = e.Location is null ? "" : $" in {e.Location}";
        await output.WriteLineAsync(Invariant(
            $"{day,-11}  #{e.Id}  {e.Type} ({e.Status})  {actors}{location}  [{e.NumArticles} article{Plural(e.NumArticles)}, {e.NumSources} source{Plural(e.NumSources)}, Goldstein {e.Goldstein:+0.0;-0.0;0.0}]"));
        if (e.Evidence.FirstOrDefault(x => x.Evidence.Length > 0) is { } evidence)
        {
            await output.WriteLineAsync($"             \"{evidence.Evidence}\" ({evidence.Source}, {evidence.DocumentId[..12]})");
        }
    }

    private static string EntityLine(CorpusEntitySummary e)
    {
        var details = string.Join(", ", new[] { e.Type, e.Country, e.Code }.OfType<string>());
        return Invariant(
            $"#{e.Id,-5} {e.Name} ({details})  {e.Mentions} mention{Plural(e.Mentions)} in {e.Documents} document{Plural(e.Documents)}, {Range(e.FirstSeen, e.LastSeen)}");
    }

    private static string Actors(IReadOnlyList<CorpusActor> actors) => actors.Count == 0 ? "?" : string.Join(", ", actors.Select(Actor));

    private static string Actor(CorpusActor a) => a.EntityId is { } id ? Invariant($"{a.Name} #{id}") : a.Code is { } code && code != a.Name ? $"{a.Name} [{code}]" : a.Name;

    private static string Range(DateOnly? first, DateOnly? last) =>
        first is null && last is null ? "undated" : first == last ? Day(first) : $"{Day(first)} to {Day(last)}";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    private static string Plural(long n) => n == 1 ? "" : "s";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
