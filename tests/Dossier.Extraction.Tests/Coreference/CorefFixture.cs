using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Extraction.Actors;
using Dossier.Extraction.Coreference;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Coreference;

/// <summary>
/// Builds test documents the way the pipeline would: the real tokenizer and syntax models, then one
/// entity per mention, as the recognizer gives them, written by hand; then the coreference stage.
/// </summary>
internal static class CorefFixture
{
    private static readonly Lazy<SyntaxModel> Syntax = new(SyntaxModel.Load);
    private static readonly Lazy<ActorKnowledgeBase> LazyKb = new(() => ActorKnowledgeBase.Load(ActorKnowledgeBase.DefaultDirectory));

    public static ActorKnowledgeBase Kb => LazyKb.Value;

    /// <summary>Tokens and syntax for <paramref name="text"/>.</summary>
    public static Document Parse(string text, DateOnly? published = null)
    {
        var doc = new Document(text, new DocumentMetadata(null, "test", published ?? new DateOnly(2025, 10, 17)));
        doc = new TokenizationStage().Process(doc);
        return new SyntaxStage(Syntax.Value).Process(doc);
    }

    /// <summary>
    /// The document with one entity per occurrence of each (mention, type) given, as the recognizer
    /// would produce them (whole words only; countries for GPE and NORP from the knowledge base).
    /// </summary>
    public static Document WithMentions(string text, params (string Mention, string Type)[] names)
    {
        var doc = Parse(text);
        var found = new List<(int Start, int End, string Type)>();
        foreach (var (mention, type) in names)
        {
            for (var at = text.IndexOf(mention, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mention, at + 1, StringComparison.Ordinal))
            {
                var end = at + mention.Length;
                var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (!before || !after) continue;
                if (found.Any(f => at < f.End && f.Start < end)) continue;
                found.Add((at, end, type));
            }
        }

        var entities = ImmutableArray.CreateBuilder<Entity>();
        foreach (var (start, end, type) in found.OrderBy(f => f.Start))
        {
            var mention = text[start..end];
            var sentence = doc.Tokens.First(t => t.End > start).Sentence;
            var country = type switch
            {
                "GPE" => Kb.FindPlace(mention)?.Iso3,
                "NORP" => Kb.FindDemonym(mention)?.Iso3,
                _ => null,
            };
            entities.Add(new Entity("e" + (entities.Count + 1), mention, type)
            {
                Aliases = [mention],
                Country = country,
                Mentions = [new Mention(start, end, mention, sentence)],
            });
        }

        return doc with { Names = entities.ToImmutable() };
    }

    /// <summary>Runs the stage with <paramref name="kb"/> (the shipped knowledge base by default) and checks offsets.</summary>
    public static Document Resolve(Document doc, ActorKnowledgeBase? kb = null)
    {
        var result = new CoreferenceStage(kb ?? Kb).Process(doc);
        OffsetAssert.Valid(result);
        return result;
    }

    public static Entity Named(this Document doc, string name) =>
        doc.Entities.Single(e => e.Name == name);

    public static Entity? Holding(this Document doc, string mentionText) =>
        doc.Entities.SingleOrDefault(e => e.Mentions.Any(m => m.Text == mentionText));
}
