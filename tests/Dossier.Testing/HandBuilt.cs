using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;

namespace Dossier.Testing;

/// <summary>
/// Documents built by hand for tests of stages and stores that must not depend on the real
/// tokenizer: a simple regex tokenizer (words, numbers, punctuation; sentences end at . ! ?) and
/// mentions placed at every occurrence of an entity's name or aliases.
/// </summary>
public static partial class HandBuilt
{
    /// <summary>The document with sentences and tokens filled by the simple tokenizer.</summary>
    public static Document Tokenise(string text, DocumentMetadata metadata, string? language = "en")
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var sentenceStart = -1;
        var firstToken = 0;
        foreach (Match m in TokenPattern().Matches(text))
        {
            if (sentenceStart < 0)
            {
                sentenceStart = m.Index;
                firstToken = tokens.Count;
            }

            tokens.Add(new Token(m.Index, m.Index + m.Length, sentences.Count));
            if (m.Value is "." or "!" or "?")
            {
                sentences.Add(new Sentence(sentenceStart, m.Index + 1, firstToken, tokens.Count - firstToken));
                sentenceStart = -1;
            }
        }

        if (sentenceStart >= 0)
        {
            sentences.Add(new Sentence(sentenceStart, tokens[^1].End, firstToken, tokens.Count - firstToken));
        }

        return new Document(text, metadata, language) { Sentences = sentences.ToImmutable(), Tokens = tokens.ToImmutable() };
    }

    /// <summary>A mention at every occurrence of the entity's name or aliases (longest first, no overlaps), in text order.</summary>
    public static ImmutableArray<Mention> MentionsOf(Document document, Entity entity)
    {
        var mentions = new List<Mention>();
        var taken = new bool[document.Text.Length];
        foreach (var name in entity.Aliases.Prepend(entity.Name).OrderByDescending(n => n.Length))
        {
            for (var at = document.Text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = document.Text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, name.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(at, name.Length).Fill(true);
                var sentence = document.Sentences.ToList().FindIndex(s => s.Start <= at && at < s.End);
                mentions.Add(new Mention(at, at + name.Length, name, Math.Max(0, sentence)));
            }
        }

        return [.. mentions.OrderBy(m => m.Start)];
    }

    [GeneratedRegex(@"\$?\d+(?:[.,]\d+)*|\w+(?:'\w+)?|[^\w\s]")]
    private static partial Regex TokenPattern();
}
