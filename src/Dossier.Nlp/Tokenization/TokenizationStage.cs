using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Fills a document's <see cref="Document.Tokens"/> and <see cref="Document.Sentences"/> with the
/// rule-based <see cref="Tokenizer"/> and <see cref="SentenceSplitter"/>. Every token belongs to
/// exactly one sentence; offsets are half-open UTF-16 offsets into <see cref="Document.Text"/>.
/// Earlier layers are kept; stateless and thread-safe.
/// </summary>
public sealed class TokenizationStage : IStage
{
    public string Name => "tokens";

    /// <inheritdoc/>
    public Layers Needs => Layers.None;

    /// <inheritdoc/>
    public Layers Uses => Layers.None;

    /// <inheritdoc/>
    public Layers Adds => Layers.Tokens;

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var spans = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, CollectionsMarshal.AsSpan(spans));
        var tokens = ImmutableArray.CreateBuilder<Token>(spans.Count);
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                tokens.Add(new Token(spans[t].Start, spans[t].End, s));
            }
        }

        return document with { Tokens = tokens.MoveToImmutable(), Sentences = [.. sentences] };
    }
}
