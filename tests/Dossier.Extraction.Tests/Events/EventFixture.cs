using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Extraction.Actors;
using Dossier.Extraction.Coreference;
using Dossier.Extraction.Events;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;
using Dossier.Nlp.Values;

namespace Dossier.Extraction.Tests.Events;

/// <summary>An entity the test adds by hand, as the entity and actor stages would: every occurrence of its text is a mention.</summary>
internal sealed record Ent(string Text, string Type, string? Country = null, string? Sector = null, params string[] Aliases);

/// <summary>A time expression the test adds by hand, as the time stage would.</summary>
internal sealed record Tx(string Text, string Type, string? Value);

/// <summary>A value the test adds by hand, as the value stage would.</summary>
internal sealed record Val(string Text, string Type, decimal? Amount, string? Unit);

/// <summary>Real tokenizer and syntax models; entities, times and values built by hand; the event stage under test.</summary>
internal static class EventFixture
{
    private static readonly Lazy<SyntaxModel> Syntax = new(SyntaxModel.Load);
    private static readonly Lazy<EventLexicon> LazyLexicon = new(EventLexicon.Load);
    private static readonly Lazy<NerModel> Ner = new(() => NerModel.Load(SyntaxModel.DefaultDirectory));

    public static EventLexicon Lexicon => LazyLexicon.Value;

    public static Document Parse(string text, DateOnly? published = null)
    {
        var doc = new Document(text, new DocumentMetadata(null, "test", published));
        doc = new TokenizationStage().Process(doc);
        return new SyntaxStage(Syntax.Value).Process(doc);
    }

    public static Document Analyse(string text, Ent[]? entities = null, Tx[]? times = null, Val[]? values = null, DateOnly? published = null)
    {
        var doc = Parse(text, published);
        doc = doc with
        {
            Entities = [.. Entities(doc, entities ?? [])],
            Times = [.. Spans(doc, times ?? [], (t, start, s) => new TimeExpression(t.Text, t.Type, t.Value, start, start + t.Text.Length, s), t => t.Text)],
            Values = [.. Spans(doc, values ?? [], (v, start, s) => new ValueMention(v.Text, v.Type, v.Amount, v.Unit, start, start + v.Text.Length, s), v => v.Text)],
        };
        return new EventStage(Lexicon).Process(doc);
    }

    private static readonly Lazy<AnalysisPipeline> Pipeline = new(() => new AnalysisPipeline(
    [
        new TokenizationStage(),
        new SyntaxStage(Syntax.Value),
        new TimeExpressionStage(),
        new ValueStage(),
        new EntityRecognitionStage(Ner.Value),
        new CoreferenceStage(ActorKnowledgeBase.Default),
        new EventStage(Lexicon),
    ]));

    private static readonly Lazy<AnalysisPipeline> LearnedPipeline = new(() => new AnalysisPipeline(
    [
        new TokenizationStage(),
        new SyntaxStage(Syntax.Value),
        new TimeExpressionStage(),
        new ValueStage(),
        new EntityRecognitionStage(Ner.Value),
        new CoreferenceStage(ActorKnowledgeBase.Default),
        new EventStage(Lexicon, null, Dossier.Extraction.Events.Scoring.TriggerModel.Default),
    ]));

    /// <summary>The real pipeline with the shipped trigger model beside the rule coder (no scorer).</summary>
    public static Document AnalyseWithTriggers(string text) =>
        LearnedPipeline.Value.Process(new Document(text, new DocumentMetadata(null, "test", new DateOnly(2025, 3, 4))));

    /// <summary>The real pipeline, stage for stage as Dossier.Engine.DefaultPipeline builds it (this project cannot reference the engine).</summary>
    public static Document AnalyseWithPipeline(string text, DateOnly? published) =>
        Pipeline.Value.Process(new Document(text, new DocumentMetadata(null, "plover-gsr", published)));

    private static IEnumerable<Entity> Entities(Document doc, Ent[] entities)
    {
        for (var k = 0; k < entities.Length; k++)
        {
            var e = entities[k];
            var mentions = ImmutableArray.CreateBuilder<Mention>();
            foreach (var name in new[] { e.Text }.Concat(e.Aliases))
            {
                foreach (var start in Occurrences(doc.Text, name))
                {
                    mentions.Add(new Mention(start, start + name.Length, name, SentenceAt(doc, start)));
                }
            }

            yield return new Entity("e" + (k + 1), e.Text, e.Type)
            {
                Country = e.Country,
                Sector = e.Sector,
                Code = e.Country is null ? null : e.Country + e.Sector,
                Mentions = mentions.ToImmutable(),
            };
        }
    }

    private static IEnumerable<T> Spans<TIn, T>(Document doc, TIn[] items, Func<TIn, int, int, T> make, Func<TIn, string> text)
    {
        foreach (var item in items)
        {
            var start = doc.Text.IndexOf(text(item), StringComparison.Ordinal);
            if (start < 0) throw new ArgumentException("not in text: " + text(item));
            yield return make(item, start, SentenceAt(doc, start));
        }
    }

    private static IEnumerable<int> Occurrences(string text, string name)
    {
        for (var i = text.IndexOf(name, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + name.Length, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var after = i + name.Length >= text.Length || !char.IsLetterOrDigit(text[i + name.Length]);
            if (before && after) yield return i;
        }
    }

    private static int SentenceAt(Document doc, int offset)
    {
        for (var s = 0; s < doc.Sentences.Length; s++)
        {
            if (offset >= doc.Sentences[s].Start && offset < doc.Sentences[s].End) return s;
        }

        return Math.Max(0, doc.Sentences.Length - 1);
    }

    /// <summary>A readable dump of a document's parse and events, for failure messages.</summary>
    public static string Dump(Document doc)
    {
        var lines = new List<string>();
        for (var i = 0; i < doc.Tokens.Length; i++)
        {
            var t = doc.Tokens[i];
            lines.Add($"{i} {doc.TextOf(t)} {t.Upos}/{t.Xpos} {t.Lemma} {t.Relation}->{t.Head}");
        }

        foreach (var e in doc.Events)
        {
            lines.Add($"{e.Id} {e.Type}/{e.Cameo} {e.Status} '{e.Trigger.Text}' src=[{string.Join(",", e.Source.Select(a => a.Text + ":" + a.Country))}] tgt=[{string.Join(",", e.Target.Select(a => a.Text + ":" + a.Country))}] loc={e.Location?.Text} date={e.Date?.Value} attrs={string.Join(",", e.Attributes.Select(kv => kv.Key + "=" + kv.Value))}");
        }

        return string.Join("\n", lines);
    }
}
