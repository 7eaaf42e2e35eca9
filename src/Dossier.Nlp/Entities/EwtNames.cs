using System.Globalization;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Web-text training data for the name tagger from a treebank without name annotation (UD English EWT train: e-mail,
/// answers, reviews, blogs, newsgroups), labelled by a teacher tagger under the constraint of the treebank's gold
/// part-of-speech tags. A name is made of proper nouns: each PER/ORG/LOC span the teacher finds is trimmed to its
/// first and last PROPN word and dropped when it holds none (capitalised common words, sentence-initial words,
/// "Best regards", "Phone" in a signature); MISC spans stay as the teacher gives them (nationalities are adjectives).
/// A sentence is kept only when every proper noun that holds a letter lies in a span or is a weekday or month name,
/// so that a name the teacher missed never becomes a negative example, and only when it holds a name.
/// </summary>
internal static class EwtNames
{
    /// <summary>A treebank document: its sentences' words and universal POS tags.</summary>
    internal sealed record TreebankDocument(List<string[]> Words, List<string[]> Upos);

    /// <summary>One document per <c># newdoc</c> of a CoNLL-U file (multi-word tokens and empty nodes skipped).</summary>
    public static List<TreebankDocument> Read(string path)
    {
        var documents = new List<TreebankDocument>();
        TreebankDocument? document = null;
        var forms = new List<string>();
        var upos = new List<string>();
        foreach (var line in File.ReadLines(path).Append(string.Empty))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                document = null;
                continue;
            }

            if (line.Length == 0)
            {
                if (forms.Count > 0)
                {
                    if (document is null)
                    {
                        document = new TreebankDocument([], []);
                        documents.Add(document);
                    }

                    document.Words.Add([.. forms]);
                    document.Upos.Add([.. upos]);
                }

                forms.Clear();
                upos.Clear();
                continue;
            }

            if (line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (columns.Length < 4 || columns[0].Contains('-', StringComparison.Ordinal) || columns[0].Contains('.', StringComparison.Ordinal)) continue;
            forms.Add(columns[1]);
            upos.Add(columns[3]);
        }

        return documents;
    }

    /// <summary>Labels the documents with <paramref name="teacher"/> under the PROPN constraint (see the class); counts what was left out.</summary>
    public static List<List<ConllSentence>> Label(NerModel teacher, List<TreebankDocument> documents, IReadOnlySet<string> calendarWords, out Counts counts)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        counts = new Counts();
        var result = new List<List<ConllSentence>>();
        foreach (var document in documents)
        {
            var tags = teacher.Tag(new NerDocument(document.Words.Select(w => (IReadOnlyList<string>)w).ToList(), teacher.Gazetteer, teacher.Names, teacher.Clusters));
            var kept = new List<ConllSentence>();
            for (var s = 0; s < document.Words.Count; s++)
            {
                var spans = Constrain(document.Upos[s], NerTags.ToSpans(tags[s]), document.Words[s], calendarWords, counts);
                if (spans is null)
                {
                    counts.LeftOut++;
                    continue;
                }

                if (spans.Count == 0 && !AllOSentences) continue;
                counts.Sentences++;
                counts.Names += spans.Count;
                kept.Add(new ConllSentence(document.Words[s], spans));
            }

            if (kept.Count > 0) result.Add(kept);
        }

        return result;
    }

    /// <summary>
    /// Whether sentences in which the teacher finds no name are kept (all O). They are not: tried on dev, they cost
    /// CoNLL dev F1 (news) more than they gave on web text.
    /// </summary>
    private static readonly bool AllOSentences = false;

    /// <summary>
    /// The teacher's spans of one sentence under the PROPN constraint: PER/ORG/LOC spans trimmed to their first and last
    /// proper noun, dropped without one; MISC as it is. Null when a proper noun with a letter (a weekday or month aside)
    /// lies in no span.
    /// </summary>
    internal static List<(int Start, int End, int Type)>? Constrain(string[] upos, List<(int Start, int End, int Type)> teacher, string[] words, IReadOnlySet<string> calendarWords, Counts? counts = null)
    {
        var misc = NerTags.ClassIndex("MISC");
        var spans = new List<(int Start, int End, int Type)>();
        foreach (var (start, end, type) in teacher)
        {
            if (type == misc)
            {
                spans.Add((start, end, type));
                continue;
            }

            var first = start;
            var last = end - 1;
            while (first <= last && upos[first] != "PROPN") first++;
            while (last >= first && upos[last] != "PROPN") last--;
            if (first > last)
            {
                if (counts is not null) counts.Dropped++;
                continue;
            }

            if ((first != start || last != end - 1) && counts is not null) counts.Trimmed++;
            spans.Add((first, last + 1, type));
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (upos[i] != "PROPN" || !words[i].Any(char.IsLetter) || calendarWords.Contains(words[i])) continue;
            if (!spans.Any(sp => sp.Start <= i && i < sp.End)) return null;
        }

        return spans;
    }

    /// <summary>What <see cref="Label"/> kept and left out.</summary>
    internal sealed class Counts
    {
        public int Sentences { get; set; }

        public int LeftOut { get; set; }

        public int Names { get; set; }

        public int Dropped { get; set; }

        public int Trimmed { get; set; }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Sentences:N0} sentences kept, {LeftOut:N0} left out (a proper noun the teacher did not cover), {Names:N0} names; {Dropped:N0} teacher spans without a proper noun dropped, {Trimmed:N0} trimmed");
    }
}
