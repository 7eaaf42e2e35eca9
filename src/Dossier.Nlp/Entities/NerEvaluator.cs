using System.Diagnostics;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Core.Pipeline;
using Dossier.Nlp.Tokenization;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Scores a <see cref="NerModel"/> on a gold file, CoNLL-2003 (4 columns) or Universal NER (IOB2), in two views:
/// <list type="bullet">
/// <item>the tagger on the file's gold tokens, document by document (<see cref="Evaluate(NerModel, string)"/>);
/// its OntoNotes types are mapped back to CoNLL classes (PERSON → PER; GPE, LOC, FAC → LOC; ORG → ORG; NORP, EVENT,
/// LAW, PRODUCT → MISC);</item>
/// <item>the whole product on raw text (<see cref="EvaluateProduct(NerModel, string)"/>): each gold document's text
/// (Universal NER: its <c># text</c> lines; CoNLL: its tokens joined by spaces) goes through the tokenizer and the
/// entities stage, as <c>dossier analyze</c> runs them, and the <see cref="Document.Names"/> mentions are projected onto
/// the gold tokens by character offsets (a mention covers every gold token it overlaps).</item>
/// </list>
/// Spans count only when exact, as in conlleval. MISC is scored only in the tagger view of a file that annotates it;
/// the product view scores the name classes PER, ORG and LOC (MISC-like types — NORP, EVENT, LAW, PRODUCT — and gold
/// MISC spans are left out).
/// </summary>
public static class NerEvaluator
{
    /// <summary>The classes the whole-product view scores.</summary>
    public static IReadOnlyList<string> NameClasses { get; } = ["LOC", "ORG", "PER"];

    /// <summary>Between the sentences of a gold document when its raw text is rebuilt.</summary>
    internal const string SentenceSeparator = "\n";

    public static string ToConll(string ontoNotesType) => ontoNotesType switch
    {
        EntityTypes.Person => "PER",
        EntityTypes.Gpe or EntityTypes.Location or EntityTypes.Facility => "LOC",
        EntityTypes.Organization => "ORG",
        _ => "MISC",
    };

    /// <summary>The tagger on the gold tokens of <paramref name="goldPath"/>; <see cref="NerScores.Names"/> holds the PER/ORG/LOC figure.</summary>
    public static NerScores Evaluate(NerModel model, string goldPath) => Evaluate(model, goldPath, null);

    /// <summary>
    /// The tagger on the gold tokens of <paramref name="goldPath"/>; <see cref="NerScores.Names"/> holds the PER/ORG/LOC figure.
    /// </summary>
    /// <param name="model">The model to score.</param>
    /// <param name="goldPath">The gold file.</param>
    /// <param name="details">When given, receives each missed (<c>-</c>) and spurious (<c>+</c>) PER/ORG/LOC name with its
    /// sentence, in the format of the whole-product view, so that the two can be compared line by line.</param>
    public static NerScores Evaluate(NerModel model, string goldPath, TextWriter? details)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(goldPath);
        return Evaluate(model, Conll2003.ReadDocuments(goldPath), details);
    }

    internal static NerScores Evaluate(NerModel model, List<List<ConllSentence>> documents, TextWriter? details = null)
    {
        var typer = new EntityTyper(NerLexicon.Default);
        var predicted = new List<List<NerSpan>[]>(documents.Count);
        var words = 0;
        var watch = Stopwatch.StartNew();
        foreach (var document in documents)
        {
            var sentences = document.Select(s => (IReadOnlyList<string>)s.Words).ToList();
            predicted.Add(model.Recognize(sentences, typer));
            foreach (var s in document) words += s.Words.Length;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var gold = new List<(int, int, int, string)>();
        var guess = new List<(int, int, int, string)>();
        var sentenceId = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            for (var s = 0; s < documents[d].Count; s++, sentenceId++)
            {
                foreach (var (start, end, type) in documents[d][s].Spans) gold.Add((sentenceId, start, end, NerTags.Classes[type]));
                foreach (var span in predicted[d][s]) guess.Add((sentenceId, span.Start, span.End, ToConll(span.Type)));
            }
        }

        if (details is not null) WriteTaggerDetails(details, documents, gold, guess);
        var classes = gold.Any(g => g.Item4 == "MISC") ? NerTags.Classes : NameClasses;
        return Score(gold, guess, words, seconds, classes) with { Names = Score(gold, guess, words, seconds, NameClasses) };
    }

    /// <summary>
    /// The whole product on the raw text of each gold document of <paramref name="goldPath"/>: tokenizer and entities
    /// stage, names projected onto the gold tokens, PER/ORG/LOC scored.
    /// </summary>
    /// <param name="model">The model the entities stage runs.</param>
    /// <param name="goldPath">The gold file.</param>
    /// <param name="details">When given, receives each missed (<c>-</c>) and spurious (<c>+</c>) name with its sentence.</param>
    public static NerScores EvaluateProduct(NerModel model, string goldPath, TextWriter? details = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(goldPath);
        var pipeline = new AnalysisPipeline([new TokenizationStage(), new EntityRecognitionStage(model)]);
        return EvaluateProduct(pipeline.Process, Conll2003.ReadDocuments(goldPath), details);
    }

    /// <summary>The whole-product view with any analysis that fills <see cref="Document.Names"/>.</summary>
    internal static NerScores EvaluateProduct(Func<Document, Document> analyse, List<List<ConllSentence>> documents, TextWriter? details = null)
    {
        var gold = new List<(int, int, int, string)>();
        var guess = new List<(int, int, int, string)>();
        var wholeTokens = new List<(int, int, int, string)>();
        var words = 0;
        var seconds = 0.0;
        var tokenBase = 0;
        var starts = new List<int>();
        var ends = new List<int>();
        foreach (var sentences in documents)
        {
            var text = RawText(sentences, starts, ends);
            var watch = Stopwatch.StartNew();
            var analysed = analyse(new Document(text, new DocumentMetadata(null, "eval-ner", null)));
            seconds += watch.Elapsed.TotalSeconds;
            var first = tokenBase; // gold and guesses are keyed by token numbers counted over the whole file
            foreach (var sentence in sentences)
            {
                foreach (var (start, end, type) in sentence.Spans) gold.Add((0, tokenBase + start, tokenBase + end, NerTags.Classes[type]));
                tokenBase += sentence.Words.Length;
                words += sentence.Words.Length;
            }

            foreach (var entity in analysed.Names)
            {
                var type = ToConll(entity.Type);
                if (type == "MISC") continue;
                foreach (var mention in entity.Mentions)
                {
                    // Every gold token the mention overlaps.
                    var a = -1;
                    var b = -1;
                    for (var t = 0; t < starts.Count; t++)
                    {
                        if (ends[t] <= mention.Start || starts[t] >= mention.End) continue;
                        if (a < 0) a = t;
                        b = t;
                    }

                    if (a < 0) continue;
                    guess.Add((0, first + a, first + b + 1, type));
                    if (a != b || (mention.Start <= starts[a] && mention.End >= ends[a])) wholeTokens.Add((0, first + a, first + b + 1, type));
                }
            }

            if (details is not null) WriteDetails(details, sentences, first, gold, guess);
        }

        return Score(gold, guess, words, seconds, NameClasses) with { WholeTokens = Score(gold, wholeTokens, words, seconds, NameClasses) };
    }

    /// <summary>The tagger view's errors keyed as the whole-product view keys them (token numbers over the whole file).</summary>
    private static void WriteTaggerDetails(TextWriter details, List<List<ConllSentence>> documents, List<(int, int, int, string)> gold, List<(int, int, int, string)> guess)
    {
        var bases = new List<int>();
        var tokenBase = 0;
        foreach (var sentence in documents.SelectMany(d => d))
        {
            bases.Add(tokenBase);
            tokenBase += sentence.Words.Length;
        }

        (int, int, int, string) Flat((int, int, int, string) x) => (0, bases[x.Item1] + x.Item2, bases[x.Item1] + x.Item3, x.Item4);
        var flatGold = gold.Where(g => NameClasses.Contains(g.Item4)).Select(Flat).ToList();
        var flatGuess = guess.Where(g => NameClasses.Contains(g.Item4)).Select(Flat).ToList();
        var first = 0;
        foreach (var document in documents)
        {
            WriteDetails(details, document, first, flatGold, flatGuess);
            first += document.Sum(s => s.Words.Length);
        }
    }

    private static void WriteDetails(TextWriter details, List<ConllSentence> sentences, int first, List<(int, int, int, string)> gold, List<(int, int, int, string)> guess)
    {
        var words = sentences.SelectMany(s => s.Words).ToArray();
        var last = first + words.Length;
        var goldHere = gold.Where(g => g.Item2 >= first && g.Item2 < last && NameClasses.Contains(g.Item4)).ToHashSet();
        var guessHere = guess.Where(g => g.Item2 >= first && g.Item2 < last).ToHashSet();
        string Show((int, int, int, string) x) => x.Item4 + " " + string.Join(' ', words[(x.Item2 - first)..(x.Item3 - first)])
            + "  | " + string.Join(' ', words[Math.Max(0, x.Item2 - first - 5)..Math.Min(words.Length, x.Item3 - first + 5)]);
        // Each error marked: "type" (same words, other class), "span" (overlapping words), "only" (nothing overlaps on the other side).
        static string Kind((int, int, int, string) x, HashSet<(int, int, int, string)> other) =>
            other.Any(o => o.Item2 == x.Item2 && o.Item3 == x.Item3) ? "type" : other.Any(o => o.Item2 < x.Item3 && o.Item3 > x.Item2) ? "span" : "only";
        foreach (var g in goldHere.Where(g => !guessHere.Contains(g)).OrderBy(g => g.Item2)) details.WriteLine($"- {Kind(g, guessHere),-4} " + Show(g));
        foreach (var g in guessHere.Where(g => !goldHere.Contains(g)).OrderBy(g => g.Item2)) details.WriteLine($"+ {Kind(g, goldHere),-4} " + Show(g));
    }

    /// <summary>
    /// A gold document's raw text: its sentences' <c># text</c> lines (or, without them, their words joined by spaces)
    /// joined by <see cref="SentenceSeparator"/>; fills the character range of every gold word.
    /// </summary>
    internal static string RawText(List<ConllSentence> sentences, List<int> starts, List<int> ends)
    {
        starts.Clear();
        ends.Clear();
        var builder = new System.Text.StringBuilder();
        foreach (var sentence in sentences)
        {
            if (builder.Length > 0) builder.Append(SentenceSeparator);
            var offset = builder.Length;
            var line = sentence.Text ?? string.Join(' ', sentence.Words);
            builder.Append(line);
            var at = 0;
            foreach (var word in sentence.Words)
            {
                // The word where it next occurs in the line; a word the line spells otherwise gets an empty range there.
                var found = word.Length == 0 ? -1 : line.IndexOf(word, at, StringComparison.Ordinal);
                if (found < 0 || line.AsSpan(at, found - at).Trim().Length > 8)
                {
                    while (at < line.Length && char.IsWhiteSpace(line[at])) at++;
                    starts.Add(offset + at);
                    ends.Add(offset + at);
                    continue;
                }

                starts.Add(offset + found);
                ends.Add(offset + found + word.Length);
                at = found + word.Length;
            }
        }

        return builder.ToString();
    }

    internal static NerScores Score(List<(int, int, int, string)> gold, List<(int, int, int, string)> guess, int words, double seconds)
        => Score(gold, guess, words, seconds, NerTags.Classes);

    internal static NerScores Score(List<(int, int, int, string)> gold, List<(int, int, int, string)> guess, int words, double seconds, IReadOnlyList<string> classes)
    {
        gold = gold.Where(g => classes.Contains(g.Item4)).ToList();
        guess = guess.Where(g => classes.Contains(g.Item4)).ToList();
        var goldSet = new HashSet<(int, int, int, string)>(gold);
        var perType = new SortedDictionary<string, TypeScores>(StringComparer.Ordinal);
        foreach (var type in classes)
        {
            var g = gold.Count(x => x.Item4 == type);
            var p = guess.Count(x => x.Item4 == type);
            var c = guess.Count(x => x.Item4 == type && goldSet.Contains(x));
            perType[type] = Make(c, g, p);
        }

        var correct = guess.Count(goldSet.Contains);
        var all = Make(correct, gold.Count, guess.Count);
        return new NerScores(all.Precision, all.Recall, all.F1, perType, words, seconds > 0 ? words / seconds : 0);
    }

    private static TypeScores Make(int correct, int gold, int predicted)
    {
        var p = predicted == 0 ? 0 : (double)correct / predicted;
        var r = gold == 0 ? 0 : (double)correct / gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new TypeScores(p, r, f, gold, predicted);
    }
}
