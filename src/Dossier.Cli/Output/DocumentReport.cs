using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Cli.Output;

/// <summary>
/// What a person reads for one document: its header, then the people, places and organisations,
/// a dated timeline of events, the money and other amounts, and the agenda of future dated events.
/// Sections that no stage filled yet say so. Events below <c>minConfidence</c> are left out of the timeline and the
/// agenda, and a line says how many.
/// </summary>
internal static class DocumentReport
{
    public static async Task WriteAsync(TextWriter output, Document document, bool withText = false, double minConfidence = 0)
    {
        var m = document.Metadata;
        await output.WriteLineAsync($"{m.Title ?? "(untitled)"}");
        await output.WriteLineAsync($"  id {document.Id} · {m.Source}");
        await output.WriteLineAsync($"  published {Date(m.Published)} · language {document.Language ?? "unknown"} · topic {document.Topic ?? "unknown"} · {document.Sentences.Length} sentences, {document.Tokens.Length} tokens");
        if (!document.IsEnglish)
        {
            await output.WriteLineAsync("  not English: stored, not analysed");
            await output.WriteLineAsync();
            return;
        }

        await Section(output, "Entities", document.Entities, e =>
        {
            var roles = e.Roles.IsEmpty ? "" : " — " + string.Join("; ", e.Roles.Select(r => $"{r.Title} ({r.Status})"));
            var code = e.Code is null ? "" : $" [{e.Code}]";
            return $"{e.Type,-8} {e.Name}{code}{roles} ×{e.Mentions.Length}{Kinds(e.Mentions)}";
        });
        var names = document.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        string Actors(IEnumerable<EventActor> actors) =>
            string.Join(", ", actors.Select(a => a.Entity is { } id && names.TryGetValue(id, out var name) ? name : a.Text));
        var events = document.Events.Where(e => e.Confidence >= minConfidence).ToList();
        await Section(output, "Timeline", events.OrderBy(e => e.Date?.Value ?? "9999", StringComparer.Ordinal), e =>
            $"{e.Date?.Value ?? "undated",-10} {Actors(e.Source)} {e.Type} {Actors(e.Target)} ({e.Status}; CAMEO {e.Cameo}; confidence {e.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}{(e.Domain is null ? "" : "; " + e.Domain)}) “{e.Trigger.Text}”");
        if (events.Count < document.Events.Length)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"    ({document.Events.Length - events.Count} more below confidence {minConfidence:0.00}; --min-confidence 0 shows them)"));
        }

        await Section(output, "Times", document.Times, t => $"{t.Type,-8} {t.Text} → {t.Value ?? "?"}");
        await Section(output, "Amounts", document.Values, v => $"{v.Type,-8} {v.Text} → {(v.Amount is { } a ? a.ToString(CultureInfo.InvariantCulture) : "?")} {v.Unit}");
        var today = m.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Section(output, "Agenda", events.Where(e => e.Status == EventStatuses.Planned && e.Date?.Value is { } d && (today is null || string.CompareOrdinal(d, today) > 0)),
            e => $"{e.Date!.Value} {e.Type} “{e.Evidence}”");
        if (withText)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync(document.Text);
        }

        await output.WriteLineAsync();
    }

    private static async Task Section<T>(TextWriter output, string name, IEnumerable<T> items, Func<T, string> line)
    {
        var list = items.ToList();
        await output.WriteLineAsync($"  {name} ({list.Count})");
        foreach (var item in list)
        {
            await output.WriteLineAsync("    " + line(item));
        }
    }

    /// <summary>" (2 descriptions, 3 pronouns)": how many of an entity's mentions are not names; empty when all are.</summary>
    private static string Kinds(IEnumerable<Mention> mentions)
    {
        var parts = MentionKinds.All.Where(k => k != MentionKinds.Name)
            .Select(k => (Kind: k, Count: mentions.Count(m => m.Kind == k)))
            .Where(p => p.Count > 0)
            .Select(p => p.Count.ToString(CultureInfo.InvariantCulture) + " " + p.Kind + (p.Count == 1 ? "" : "s"))
            .ToList();
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "date unknown";
}
