using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Dossier.Core.Documents;

namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Scores <see cref="Tokenizer"/> and <see cref="SentenceSplitter"/> on a CoNLL-U file such as
/// UD English EWT. The raw text is rebuilt from the <c># text = </c> lines: the sentences of one
/// document (<c># newdoc</c> starts one) are joined with a single space, or with a blank line
/// ("\n\n") where <c># newpar</c> starts a paragraph. Gold tokens are the syntactic words (the
/// split forms of multiword tokens such as "ca" + "n't"), located in the text by aligning their
/// forms in order; when the forms of a multiword token are not substrings of its surface form,
/// that surface span is used as one gold token. Gold sentences are the <c># text</c> spans, trimmed.
/// </summary>
public sealed class TokenizationEvaluator
{
    /// <summary>The minimum time spent on the throughput measurement, after one warm-up pass.</summary>
    public TimeSpan TimingBudget { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Evaluates against the treebank at <paramref name="conlluPath"/>.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public TokenizationScores Evaluate(string conlluPath) => Evaluate(conlluPath, null);

    /// <summary>
    /// Evaluates against the treebank at <paramref name="conlluPath"/>, writing every token and
    /// sentence disagreement to <paramref name="errors"/> when it is not null (for error analysis).
    /// </summary>
    public TokenizationScores Evaluate(string conlluPath, TextWriter? errors)
    {
        ArgumentNullException.ThrowIfNull(conlluPath);
        var documents = GoldDocument.Read(conlluPath);
        long goldTokens = 0, predictedTokens = 0, matchedTokens = 0;
        long goldSentences = 0, predictedSentences = 0, matchedSentences = 0;
        foreach (var doc in documents)
        {
            var spans = Tokenizer.Tokenize(doc.Text);
            var sentences = SentenceSplitter.Split(doc.Text, CollectionsMarshal.AsSpan(spans));
            var predicted = new HashSet<(int, int)>(spans.Count);
            foreach (var span in spans) predicted.Add((span.Start, span.End));
            var gold = new HashSet<(int, int)>(doc.Tokens);
            goldTokens += doc.Tokens.Count;
            predictedTokens += spans.Count;
            foreach (var g in doc.Tokens)
            {
                if (predicted.Contains(g)) matchedTokens++;
                else errors?.WriteLine($"TOKEN missed {Show(doc.Text, g)}");
            }

            if (errors is not null)
            {
                foreach (var span in spans)
                {
                    if (!gold.Contains((span.Start, span.End))) errors.WriteLine($"TOKEN extra  {Show(doc.Text, (span.Start, span.End))}");
                }
            }

            var predictedSpans = new HashSet<(int, int)>(sentences.Count);
            foreach (var s in sentences) predictedSpans.Add((s.Start, s.End));
            var goldSpans = new HashSet<(int, int)>(doc.Sentences);
            goldSentences += doc.Sentences.Count;
            predictedSentences += sentences.Count;
            foreach (var g in doc.Sentences)
            {
                if (predictedSpans.Contains(g)) matchedSentences++;
                else errors?.WriteLine($"SENT missed  |{doc.Text[g.Item1..g.Item2]}|");
            }

            if (errors is not null)
            {
                foreach (var s in sentences)
                {
                    if (!goldSpans.Contains((s.Start, s.End))) errors.WriteLine($"SENT extra   |{doc.Text[s.Start..s.End]}|");
                }
            }
        }

        var (tp, tr, tf) = Prf(matchedTokens, predictedTokens, goldTokens);
        var (sp, sr, sf) = Prf(matchedSentences, predictedSentences, goldSentences);
        return new TokenizationScores(tp, tr, tf, sp, sr, sf, (int)goldTokens, (int)goldSentences, Throughput(documents));
    }

    private double Throughput(List<GoldDocument> documents)
    {
        long characters = 0;
        var spans = new List<TextSpan>();
        var watch = Stopwatch.StartNew();
        var passes = 0;
        while (passes < 2 || watch.Elapsed < TimingBudget)
        {
            if (passes == 1)
            {
                // The first pass only warms up the JIT.
                watch.Restart();
                characters = 0;
            }

            foreach (var doc in documents)
            {
                spans.Clear();
                Tokenizer.Tokenize(doc.Text, spans);
                SentenceSplitter.Split(doc.Text, CollectionsMarshal.AsSpan(spans));
                characters += doc.Text.Length;
            }

            passes++;
            if (passes > 50) break;
        }

        var seconds = watch.Elapsed.TotalSeconds;
        return seconds > 0 ? characters / seconds : 0;
    }

    private static (double P, double R, double F) Prf(long matched, long predicted, long gold)
    {
        var p = predicted == 0 ? 0 : (double)matched / predicted;
        var r = gold == 0 ? 0 : (double)matched / gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return (p, r, f);
    }

    private static string Show(string text, (int Start, int End) span)
    {
        if (span.Start < 0) return "<unaligned>";
        var from = Math.Max(0, span.Start - 25);
        var to = Math.Min(text.Length, span.End + 25);
        return $"[{text[span.Start..span.End]}]   {text[from..span.Start]}⟦{text[span.Start..span.End]}⟧{text[span.End..to]}".ReplaceLineEndings(" ");
    }

    /// <summary>One document rebuilt from a treebank: its text, gold word spans and gold sentence spans.</summary>
    private sealed class GoldDocument
    {
        public StringBuilder Builder { get; } = new();

        public string Text { get; private set; } = "";

        public List<(int, int)> Tokens { get; } = [];

        public List<(int, int)> Sentences { get; } = [];

        public static List<GoldDocument> Read(string path)
        {
            var documents = new List<GoldDocument>();
            GoldDocument? doc = null;
            var newParagraph = false;
            var sentenceStart = 0;
            var sentenceEnd = 0;
            var cursor = 0;
            string sentence = "";
            var mwtLast = -1;
            (int Start, int End) mwtSpan = (-1, -1);
            var mwtForms = new List<string>();

            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    doc = Finish(doc, documents);
                    newParagraph = true;
                    continue;
                }

                if (line.StartsWith("# newpar", StringComparison.Ordinal))
                {
                    newParagraph = true;
                    continue;
                }

                if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    doc ??= new GoldDocument();
                    sentence = line[9..];
                    if (doc.Builder.Length > 0) doc.Builder.Append(newParagraph ? "\n\n" : " ");
                    newParagraph = false;
                    sentenceStart = doc.Builder.Length;
                    doc.Builder.Append(sentence);
                    sentenceEnd = doc.Builder.Length;
                    cursor = sentenceStart;
                    mwtLast = -1;
                    var trimmedStart = sentenceStart + (sentence.Length - sentence.TrimStart().Length);
                    var trimmedEnd = sentenceStart + sentence.TrimEnd().Length;
                    if (trimmedEnd > trimmedStart) doc.Sentences.Add((trimmedStart, trimmedEnd));
                    continue;
                }

                if (line.Length == 0 || line[0] == '#' || doc is null) continue;
                var tab = line.IndexOf('\t');
                if (tab < 0) continue;
                var id = line.AsSpan(0, tab);
                var formEnd = line.IndexOf('\t', tab + 1);
                var form = formEnd < 0 ? line[(tab + 1)..] : line[(tab + 1)..formEnd];
                if (id.Contains('.')) continue;
                var dash = id.IndexOf('-');
                if (dash >= 0)
                {
                    mwtLast = int.Parse(id[(dash + 1)..], CultureInfo.InvariantCulture);
                    mwtSpan = Align(doc.Builder, form, ref cursor, sentenceEnd);
                    mwtForms.Clear();
                    continue;
                }

                var number = int.Parse(id, CultureInfo.InvariantCulture);
                if (number <= mwtLast)
                {
                    mwtForms.Add(form);
                    if (number == mwtLast) AddMultiword(doc, mwtSpan, mwtForms);
                    continue;
                }

                doc.Tokens.Add(Align(doc.Builder, form, ref cursor, sentenceEnd));
            }

            Finish(doc, documents);
            return documents;
        }

        private static GoldDocument? Finish(GoldDocument? doc, List<GoldDocument> documents)
        {
            if (doc is not null && doc.Builder.Length > 0)
            {
                doc.Text = doc.Builder.ToString();
                documents.Add(doc);
            }

            return null;
        }

        /// <summary>Splits a multiword token's surface span among its word forms, or keeps it whole.</summary>
        private static void AddMultiword(GoldDocument doc, (int Start, int End) surface, List<string> forms)
        {
            if (surface.Start < 0)
            {
                foreach (var unused in forms) doc.Tokens.Add((-1, -1));
                return;
            }

            var parts = new List<(int, int)>(forms.Count);
            var k = surface.Start;
            foreach (var form in forms)
            {
                if (form.Length == 0 || k + form.Length > surface.End || !Matches(doc.Builder, k, form))
                {
                    doc.Tokens.Add(surface);
                    return;
                }

                parts.Add((k, k + form.Length));
                k += form.Length;
            }

            if (k != surface.End)
            {
                doc.Tokens.Add(surface);
                return;
            }

            doc.Tokens.AddRange(parts);
        }

        /// <summary>Finds <paramref name="form"/> at or after the cursor (skipping white space), else searches ahead in the sentence.</summary>
        private static (int, int) Align(StringBuilder text, string form, ref int cursor, int sentenceEnd)
        {
            var k = cursor;
            while (k < sentenceEnd && char.IsWhiteSpace(text[k])) k++;
            if (k + form.Length <= sentenceEnd && Matches(text, k, form))
            {
                cursor = k + form.Length;
                return (k, cursor);
            }

            for (var j = k + 1; j + form.Length <= sentenceEnd; j++)
            {
                if (Matches(text, j, form))
                {
                    cursor = j + form.Length;
                    return (j, cursor);
                }
            }

            return (-1, -1);
        }

        private static bool Matches(StringBuilder text, int at, string form)
        {
            for (var i = 0; i < form.Length; i++)
            {
                if (text[at + i] != form[i]) return false;
            }

            return true;
        }
    }
}
