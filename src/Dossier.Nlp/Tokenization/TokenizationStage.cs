using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Tokenization;

/// <summary>Placeholder: splits on white space, one sentence per line. Replaced by the rule-based tokenizer.</summary>
public sealed class TokenizationStage : IStage
{
    public string Name => "tokens";

    public Document Process(Document document)
    {
        var text = document.Text;
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            var sentenceStart = i;
            var first = tokens.Count;
            var end = i;
            while (i < text.Length && text[i] != '\n')
            {
                if (char.IsWhiteSpace(text[i])) { i++; continue; }
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                tokens.Add(new Token(start, i, sentences.Count));
                end = i;
            }

            sentences.Add(new Sentence(sentenceStart, end, first, tokens.Count - first));
        }

        return document with { Tokens = tokens.ToImmutable(), Sentences = sentences.ToImmutable() };
    }
}
