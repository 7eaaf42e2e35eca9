using System.Collections.Immutable;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>The resolved actors as the document's entities, each coded by <see cref="ActorCoder"/>.</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>
    /// One entity per actor, in text order, named by its longest name mention and coded by <see cref="ActorCoder"/>;
    /// each mention carries its kind (<see cref="MentionKindClassifier"/>).
    /// </summary>
    private ImmutableArray<Entity> BuildEntities()
    {
        var date = _view.Document.Metadata.Published;
        var built = new List<(int First, Entity Entity)>();
        var kinds = new MentionKindClassifier(_view);
        foreach (var c in _clusters)
        {
            var mentions = c.Mentions.Where(m => !m.Removed).OrderBy(m => m.Start).ThenBy(m => m.End).ToList();
            if (mentions.Count == 0) continue;

            // Unique spans only.
            mentions = mentions.GroupBy(m => (m.Start, m.End)).Select(g => g.First()).ToList();
            var written = mentions.Select(m => EvaluationMention(m) with { Kind = kinds.Of(m) }).ToList();

            // The name comes from the name mentions; an actor the text never names ("Ukrainian officials", "the
            // Russian president") is still an actor that events point to, and goes by its fullest description.
            // One that neither a name nor a title names ("the cat … it", found by the ranking) is not reported,
            // except to the evaluation.
            var names = written.Where(m => m.Kind == MentionKinds.Name).Select(m => m.Text).ToList();
            if (names.Count == 0) names = [.. mentions.Where(m => m.Kind == MentionKind.Group).Select(m => m.Text)];
            var name = names.Count > 0
                ? names.OrderByDescending(n => n.Split(' ').Length).ThenByDescending(n => n.Length).First()
                : mentions.FirstOrDefault(m => m.Kind == MentionKind.Nominal) is { } nominal ? StripDeterminer(nominal.Text)
                : _keepUnnamed ? mentions[0].Text : null;
            if (name is null) continue;
            var entity = new Entity("", name, c.Type)
            {
                Aliases = [.. names.Distinct(StringComparer.Ordinal)],
                Mentions = [.. written],
            };
            entity = _coder.Code(entity, Evidence(c, mentions), date);
            built.Add((mentions[0].Start, entity));
        }

        var ordered = built.OrderBy(b => b.First).ToList();
        var result = ImmutableArray.CreateBuilder<Entity>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            result.Add(ordered[i].Entity with { Id = "e" + (i + 1).ToString(CultureInfo.InvariantCulture) });
        }

        return result.MoveToImmutable();
    }

    /// <summary>What the mentions of one actor say, for <see cref="ActorCoder"/>: names, titles, nationality, whether it acts.</summary>
    private static ActorEvidence Evidence(Cluster c, List<MentionInfo> mentions)
    {
        var group = mentions.FirstOrDefault(m => m.Kind == MentionKind.Group);
        return new ActorEvidence
        {
            Type = c.Type,
            Known = c.Known,
            CountryKey = c.CountryKey,
            FullNames = [.. mentions.Where(m => m.Kind == MentionKind.Name && m.Text.Contains(' ')).Select(m => m.Text)],
            StatedCountry = mentions.Select(m => m.Nationality ?? m.InheritedCountry).FirstOrDefault(x => x is not null),
            MentionCountry = mentions.Select(m => m.Country).FirstOrDefault(x => x is not null),
            Roles = [.. mentions.SelectMany(m => m.Roles)],
            ActsByName = mentions.Any(m => (m.IsAgent || m.IsParty) && m.Kind == MentionKind.Name),
            Group = group is null ? null : (group.Country, group.Sector),
        };
    }

    /// <summary>The mention as written; for the evaluation only, a name or title with its whole noun phrase.</summary>
    private Mention EvaluationMention(MentionInfo m)
    {
        if (!_evaluationSpans.TryGetValue(m, out var span)) return m.ToMention();
        var start = _view.Tokens[span.First].Start;
        var end = _view.Tokens[span.End - 1].End;
        return new Mention(start, end, _view.Document.Text[start..end], m.Sentence);
    }

    private static string StripDeterminer(string text) =>
        text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
}
