using System.Collections.Immutable;

namespace Dossier.Ingest.Languages;

/// <summary>How the language detector classed each sentence of a corpus of English sentences.</summary>
/// <param name="Sentences">How many sentences were examined (their <c># text</c> lines).</param>
/// <param name="NotEnglish">How many were detected as another language: the documents that would not be analysed.</param>
/// <param name="Undetermined">How many got no language (no letters, as "--" or ":-)"): not analysed either, having no words.</param>
/// <param name="Languages">How many sentences each language code got (<c>none</c> for no answer), most first.</param>
/// <param name="Examples">Up to 20 sentences detected as another language, with the code they got.</param>
public sealed record LanguageScores(
    int Sentences, int NotEnglish, int Undetermined, ImmutableArray<KeyValuePair<string, int>> Languages, ImmutableArray<KeyValuePair<string, string>> Examples)
{
    /// <summary>The share of sentences detected as another language (0 when there are none).</summary>
    public double NotEnglishShare => Sentences == 0 ? 0 : (double)NotEnglish / Sentences;
}

/// <summary>
/// Runs the document language detector on one sentence at a time: the <c># text</c> lines of a CoNLL-U or IOB2 file
/// (UD EWT, Universal NER), all of them English, so every sentence not detected as English is an error.
/// </summary>
public static class LanguageEvaluation
{
    /// <summary>Scores the detector on the sentences of <paramref name="path"/>.</summary>
    /// <param name="path">A CoNLL-U or IOB2 file with <c># text = …</c> lines.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LanguageScores Evaluate(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        int sentences = 0, notEnglish = 0, undetermined = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("# text", StringComparison.Ordinal)) continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0) continue;
            var text = line[(equals + 1)..].Trim();
            sentences++;
            var detected = LanguageDetector.Detect(text);
            var language = detected ?? "none";
            counts[language] = counts.GetValueOrDefault(language) + 1;
            if (detected is null) undetermined++;
            if (detected is null or "en") continue;
            notEnglish++;
            if (examples.Count < 20) examples.Add(new(language, text));
        }

        return new LanguageScores(sentences, notEnglish, undetermined,
            [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)], examples.ToImmutable());
    }
}
