using Dossier.Core.Documents;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Topics;

/// <summary>
/// The features the topic classifier reads from a document: its words (the title's, then the tokens of the text
/// that hold a letter), lower-cased and folded (<see cref="FeatureHash.LowerFolded"/>), and optionally each pair of
/// neighbouring words, all hashed. Only the first <see cref="MaxWords"/> words count, so the cost per document is
/// bounded whatever its length.
/// </summary>
internal static class TopicFeatures
{
    /// <summary>How many words of a document are read at most.</summary>
    public const int MaxWords = 1500;

    private const int UnigramTemplate = 1;
    private const int BigramTemplate = 2;

    /// <summary>Appends the document's feature hashes to <paramref name="features"/> (cleared first).</summary>
    /// <param name="bigrams">Whether pairs of neighbouring words are features too.</param>
    public static void Extract(Document document, bool bigrams, List<ulong> features)
    {
        features.Clear();
        var previous = 0UL;
        var words = 0;
        void Add(ReadOnlySpan<char> word)
        {
            var hash = FeatureHash.LowerFolded(word);
            features.Add(FeatureHash.F(UnigramTemplate, hash));
            if (bigrams && words > 0)
            {
                features.Add(FeatureHash.F(BigramTemplate, previous, hash));
            }

            previous = hash;
            words++;
        }

        if (document.Metadata.Title is { } title)
        {
            var span = title.AsSpan();
            var start = -1;
            for (var i = 0; i <= span.Length && words < MaxWords; i++)
            {
                var inWord = i < span.Length && (char.IsLetterOrDigit(span[i]) || (start >= 0 && span[i] == '\''));
                if (inWord && start < 0)
                {
                    start = i;
                }
                else if (!inWord && start >= 0)
                {
                    if (HasLetter(span[start..i])) Add(span[start..i]);
                    start = -1;
                }
            }
        }

        var text = document.Text.AsSpan();
        foreach (var token in document.Tokens)
        {
            if (words >= MaxWords) break;
            if (token.Start < 0 || token.End > text.Length || token.End <= token.Start) continue;
            var word = text[token.Start..token.End];
            if (HasLetter(word)) Add(word);
        }
    }

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c)) return true;
        }

        return false;
    }
}
