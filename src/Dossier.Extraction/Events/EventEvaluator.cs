using System.Text.Json;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>Scores of the event stage on a PLOVER gold-standard file.</summary>
/// <param name="Records">Records scored (those with a text and an event type).</param>
/// <param name="TypeRecall">Share of records whose gold type is among the sentence's event types.</param>
/// <param name="SourceAccuracy">Of records with a gold source code: share where an event of the gold type has a gold source's country among its sources.</param>
/// <param name="TargetAccuracy">The same for targets, over records with a gold target code.</param>
/// <param name="EventsPerRecord">Events found per record.</param>
public sealed record EventScores(int Records, double TypeRecall, double SourceAccuracy, double TargetAccuracy, double EventsPerRecord);

/// <summary>
/// Scores events against a PLOVER GSR file (<c>plover_gsr_dev.json</c>: a JSON array of records with <c>text</c>,
/// <c>event</c>, and <c>source</c>/<c>target</c> lists of <c>{actorText, code}</c>). The GSR's older types are read as
/// PLOVER 2.0: DEMAND → REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE, FIGHT → ASSAULT. Actor codes are
/// compared on their first three letters — the country, or the CAMEO root of an actor above states (IGO, NGO, IMG …) —
/// with <see cref="EventActor.Country"/>, else the non-state prefix of <see cref="EventActor.Code"/>.
/// </summary>
public static class EventEvaluator
{
    /// <summary>One scored record, for diagnostics.</summary>
    internal sealed record Outcome(string Id, string Text, string GoldType, bool TypeFound, bool? SourceFound, bool? TargetFound, IReadOnlyList<Event> Events)
    {
        public IReadOnlyList<string> GoldSources { get; init; } = [];

        public IReadOnlyList<string> GoldTargets { get; init; } = [];
    }

    public static EventScores Evaluate(string goldJsonPath, Func<string, Document> analyse) => Score(Run(goldJsonPath, analyse));

    /// <summary>
    /// Scores with the record's <c>date</c> passed to <paramref name="analyse"/> (null when absent); when
    /// <paramref name="details"/> is given, writes one block per record: gold type and actors, then the events found.
    /// </summary>
    public static EventScores Evaluate(string goldJsonPath, Func<string, DateOnly?, Document> analyse, TextWriter? details = null)
    {
        var outcomes = Run(goldJsonPath, analyse);
        if (details is not null) WriteDetails(outcomes, details);
        return Score(outcomes);
    }

    private static void WriteDetails(IReadOnlyList<Outcome> outcomes, TextWriter details)
    {
        foreach (var o in outcomes)
        {
            var mark = o.TypeFound ? "+" : "-";
            details.WriteLine($"{mark} {o.Id} gold={o.GoldType} src={Show(o.SourceFound)} tgt={Show(o.TargetFound)} goldSrc=[{string.Join(",", o.GoldSources)}] goldTgt=[{string.Join(",", o.GoldTargets)}]");
            details.WriteLine("    " + o.Text);
            foreach (var e in o.Events)
            {
                details.WriteLine($"    {e.Type}/{e.Cameo} {e.Status} '{e.Trigger.Text}' src=[{string.Join(", ", e.Source.Select(a => a.Text + ":" + a.Country))}] tgt=[{string.Join(", ", e.Target.Select(a => a.Text + ":" + a.Country))}]");
            }
        }
    }

    private static string Show(bool? b) => b is null ? "n/a" : b.Value ? "yes" : "NO";

    internal static EventScores Score(IReadOnlyList<Outcome> outcomes)
    {
        var n = outcomes.Count;
        if (n == 0) return new EventScores(0, 0, 0, 0, 0);
        var withSource = outcomes.Where(o => o.SourceFound is not null).ToList();
        var withTarget = outcomes.Where(o => o.TargetFound is not null).ToList();
        return new EventScores(
            n,
            outcomes.Count(o => o.TypeFound) / (double)n,
            withSource.Count == 0 ? 0 : withSource.Count(o => o.SourceFound == true) / (double)withSource.Count,
            withTarget.Count == 0 ? 0 : withTarget.Count(o => o.TargetFound == true) / (double)withTarget.Count,
            outcomes.Sum(o => o.Events.Count) / (double)n);
    }

    /// <summary>PLOVER 2.0 name of a GSR event type.</summary>
    public static string PloverType(string gsrType) => gsrType switch
    {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" => "ACCUSE",
        "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        _ => gsrType,
    };

    internal static IReadOnlyList<Outcome> Run(string goldJsonPath, Func<string, Document> analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        return Run(goldJsonPath, (text, _) => analyse(text));
    }

    internal static IReadOnlyList<Outcome> Run(string goldJsonPath, Func<string, DateOnly?, Document> analyse)
    {
        ArgumentNullException.ThrowIfNull(goldJsonPath);
        ArgumentNullException.ThrowIfNull(analyse);
        using var stream = File.OpenRead(goldJsonPath);
        using var json = JsonDocument.Parse(stream);
        var outcomes = new List<Outcome>();
        foreach (var record in json.RootElement.EnumerateArray())
        {
            var text = String(record, "text");
            var type = String(record, "event");
            if (string.IsNullOrWhiteSpace(text) || string.IsNullOrEmpty(type) || type == "DOCUMENT") continue;
            var gold = PloverType(type);
            var sources = Codes(record, "source");
            var targets = Codes(record, "target");
            DateOnly? date = DateOnly.TryParseExact(String(record, "date"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
            var events = analyse(text, date).Events;
            var ofType = events.Where(e => e.Type == gold).ToList();
            bool? sourceFound = sources.Count == 0 ? null : ofType.Any(e => e.Source.Any(a => Root(a) is { } r && sources.Contains(r)));
            bool? targetFound = targets.Count == 0 ? null : ofType.Any(e => e.Target.Any(a => Root(a) is { } r && targets.Contains(r)));
            outcomes.Add(new Outcome(String(record, "id") ?? "", text, gold, ofType.Count > 0, sourceFound, targetFound, events)
            {
                GoldSources = [.. sources.Order(StringComparer.Ordinal)],
                GoldTargets = [.. targets.Order(StringComparer.Ordinal)],
            });
        }

        return outcomes;
    }

    /// <summary>The first three letters of an actor's CAMEO code (its country, or IGO/NGO/IMG … for actors above states), else its country.</summary>
    internal static string? Root(EventActor actor) =>
        actor.Country ?? (actor.Code is { Length: >= 3 } code && Actors.ActorCodes.SectorOf(code) == code[..3] ? code[..3] : null);

    private static string? String(JsonElement record, string name) =>
        record.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static HashSet<string> Codes(JsonElement record, string name)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        if (!record.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return codes;
        foreach (var actor in list.EnumerateArray())
        {
            if (actor.ValueKind == JsonValueKind.Object && String(actor, "code") is { Length: >= 3 } code) codes.Add(code[..3]);
        }

        return codes;
    }
}
