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

        // Per sentence, the first and last token of each word the model reads.
        var wordTokens = new List<(int First, int Last)[]>(document.Sentences.Length);
        var groups = new List<(int First, int Last)>();
        foreach (var sentence in document.Sentences)
        {
            var first = Math.Clamp(sentence.FirstToken, 0, tokens.Length);
            var count = Math.Clamp(sentence.TokenCount, 0, tokens.Length - first);
            JoinHyphenated(text, tokens, first, count, groups);
            var words = new string[groups.Count];
            for (var i = 0; i < words.Length; i++)
            {
                var (a, b) = groups[i];
                words[i] = text[tokens[a].Start..tokens[b].End];
            }

            sentences.Add(words);
            wordTokens.Add(groups.ToArray());
        }

        var found = _model.Recognize(sentences);
        var entities = ImmutableArray.CreateBuilder<Entity>();
        for (var s = 0; s < found.Length; s++)
        {
            var map = wordTokens[s];
            foreach (var span in found[s])
            {
                var start = tokens[map[span.Start].First].Start;
                var end = tokens[map[span.End - 1].Last].End;
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
    /// <summary>
    /// Groups the tokens of a sentence into the words the model was trained on. The tokenizer splits
    /// hyphenated words as UD EWT does ("Asia-Pacific" → "Asia" "-" "Pacific"), CoNLL-2003 keeps them
    /// whole: tokens joined by a hyphen with no whitespace around it form one word, so that no name
    /// starts or ends inside such a word.
    /// </summary>
    internal static void JoinHyphenated(string text, ImmutableArray<Token> tokens, int first, int count, List<(int First, int Last)> groups)
    {
        groups.Clear();
        var end = first + count;
        for (var i = first; i < end;)
        {
            var last = i;
            while (last + 2 < end && IsHyphen(text, tokens[last + 1]) && !IsHyphen(text, tokens[last])
                && tokens[last].End == tokens[last + 1].Start && tokens[last + 1].End == tokens[last + 2].Start && !IsHyphen(text, tokens[last + 2]))
            {
                last += 2;
            }

            groups.Add((i, last));
            i = last + 1;
        }
    }

    private static bool IsHyphen(string text, Token token) =>
        token.End - token.Start == 1 && text[token.Start] is '-' or '\u2010' or '\u2011';
}
