using System.Collections.Immutable;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>
/// What every decision of the event analysis reads about one sentence: the lexicon, the document's lookups and
/// dependency tree, and the sentence's bounds. Token indexes are document-level.
/// </summary>
internal sealed class AnalysedSentence
{
    public AnalysedSentence(EventLexicon lexicon, DocumentContext context, int index, Sentence sentence)
    {
        Lexicon = lexicon;
        Context = context;
        Index = index;
        Sentence = sentence;
    }

    public EventLexicon Lexicon { get; }

    public DocumentContext Context { get; }

    /// <summary>The document's dependency trees.</summary>
    public DependencyTree Tree => Context.Tree;

    public Document Document => Context.Document;

    public ImmutableArray<Token> Tokens => Context.Document.Tokens;

    /// <summary>The sentence's index in the document.</summary>
    public int Index { get; }

    public Sentence Sentence { get; }

    /// <summary>The sentence's first token.</summary>
    public int First => Sentence.FirstToken;

    /// <summary>One past the sentence's last token.</summary>
    public int End => Sentence.EndToken;
}
