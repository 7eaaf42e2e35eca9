using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Fills a document's <see cref="Document.Tokens"/> and <see cref="Document.Sentences"/> with the
/// rule-based <see cref="Tokenizer"/> and <see cref="SentenceSplitter"/>. Every token belongs to
/// exactly one sentence; offsets are half-open UTF-16 offsets into <see cref="Document.Text"/>.
/// Earlier layers are kept; immutable and thread-safe.
/// </summary>
public sealed class TokenizationStage : IStage
{
    private readonly TokenizerLexicon _lexicon;

    /// <summary>A stage with the shipped word lists of <c>models/tokens/</c>, read once per process.</summary>
    /// <exception cref="DataFileException">A word list is missing or malformed.</exception>
    public TokenizationStage()
        : this(TokenizerLexicon.Default)
    {
    }

    /// <summary>A stage with the word lists of <paramref name="lexicon"/>.</summary>
    public TokenizationStage(TokenizerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

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
        var spans = Tokenizer.Tokenize(text, _lexicon);
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
