using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Fills <see cref="Document.Entities"/> with the names the <see cref="NerModel"/> finds in the
/// document's tokens: one <see cref="Entity"/> per mention for now (ids e1, e2 … in text order;
/// <see cref="Entity.Name"/> the mention text; OntoNotes type; ISO 3166 alpha-3 country for places and
/// nationalities when known). A later stage merges mentions of the same entity.
/// Immutable and thread-safe; needs the tokens stage before it, not the syntax layer.
/// </summary>
public sealed class EntityRecognitionStage : IStage
{
    private readonly NerModel _model;

    public EntityRecognitionStage(NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public string Name => "entities";

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document with { Entities = [] };
        var text = document.Text;
        var tokens = document.Tokens;
        var sentences = new List<IReadOnlyList<string>>(document.Sentences.Length);
        var firsts = new List<int>(document.Sentences.Length);
        foreach (var sentence in document.Sentences)
        {
            var first = Math.Clamp(sentence.FirstToken, 0, tokens.Length);
            var count = Math.Clamp(sentence.TokenCount, 0, tokens.Length - first);
            var words = new string[count];
            for (var i = 0; i < count; i++)
            {
                var t = tokens[first + i];
                words[i] = text[t.Start..t.End];
            }

            sentences.Add(words);
            firsts.Add(first);
        }

        var found = _model.Recognize(sentences);
        var entities = ImmutableArray.CreateBuilder<Entity>();
        for (var s = 0; s < found.Length; s++)
        {
            foreach (var span in found[s])
            {
                var start = tokens[firsts[s] + span.Start].Start;
                var end = tokens[firsts[s] + span.End - 1].End;
                var mention = text[start..end];

                // A possessive glued to the last token ("Putin’s" as one token) is not part of the name.
                if (mention.Length > 2 && (mention.EndsWith("'s", StringComparison.Ordinal) || mention.EndsWith("\u2019s", StringComparison.Ordinal)))
                {
                    end -= 2;
                    mention = text[start..end];
                }

                var id = "e" + (entities.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                entities.Add(new Entity(id, mention, span.Type)
                {
                    Aliases = [mention],
                    Country = span.Type is "GPE" or "NORP" ? span.Country : null,
                    Mentions = [new Mention(start, end, mention, s)],
                });
            }
        }

        return document with { Entities = entities.ToImmutable() };
    }
}
