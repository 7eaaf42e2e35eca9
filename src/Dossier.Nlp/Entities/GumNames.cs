using System.Globalization;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Reads the names of GUM's entity annotations (<c>Entity=</c> brackets in the MISC column of its CoNLL-U files) as
/// CoNLL-2003 sentences, extra training data for the name tagger. GUM marks every mention (pronouns and descriptions
/// too); a mention yields a name when it holds a run of proper nouns (PROPN, with "of", "the", "and", "de", "&amp;"
/// between them) that no mention nested inside it claims first: the run is the name, typed by the mention's entity
/// type (person → PER, organization → ORG, place → LOC; object, event, abstract, substance, animal, plant → MISC;
/// time and quantity → not a name). A sentence with a capitalised proper noun or adjective (after its first word,
/// "I" aside) that no name covers is left out: GUM does not mark nationalities and some names as CoNLL does, and
/// such a sentence would teach the tagger that they are not names. GUM tags titles before a name as proper nouns
/// ("President", "Mr.", "Chancellor"); CoNLL-2003 leaves them out of the name, and so does the product (the entity typer
/// cuts them), so title words opening a person's name are cut off it here too (see <paramref name="titles"/> of
/// <see cref="ReadDocuments"/>) and do not count as uncovered proper nouns.
/// </summary>
internal static class GumNames
{
    private static readonly HashSet<string> Inside = new(["of", "the", "and", "de", "&", "for", "on", "du", "la", "von", "van"], StringComparer.Ordinal);

    /// <summary>
    /// One document per file of <paramref name="directory"/>, except the files named (without extension) in <paramref name="exclude"/>;
    /// words of <paramref name="titles"/> (exact case) that open a person's name of two or more words are cut off it.
    /// </summary>
    public static List<List<ConllSentence>> ReadDocuments(string directory, IReadOnlyCollection<string> exclude, out int skipped, IReadOnlySet<string>? titles = null)
    {
        skipped = 0;
        var documents = new List<List<ConllSentence>>();
        foreach (var path in Directory.GetFiles(directory, "*.conllu").Order(StringComparer.Ordinal))
        {
            if (exclude.Contains(Path.GetFileNameWithoutExtension(path))) continue;
            var document = new List<ConllSentence>();
            var forms = new List<string>();
            var upos = new List<string>();
            var mentions = new List<(int Start, int End, string Type)>();
            var open = new List<(string Id, string Type, int Start)>();
            foreach (var line in File.ReadLines(path).Append(string.Empty))
            {
                if (line.Length == 0)
                {
                    if (forms.Count > 0)
                    {
                        var sentence = Names(forms, upos, mentions, titles);
                        if (sentence is null) skipped++;
                        else document.Add(sentence);
                    }

                    forms.Clear();
                    upos.Clear();
                    mentions.Clear();
                    open.Clear();
                    continue;
                }

                if (line.StartsWith('#')) continue;
                var columns = line.Split('\t');
                if (columns.Length < 10 || columns[0].Contains('-', StringComparison.Ordinal) || columns[0].Contains('.', StringComparison.Ordinal)) continue;
                var index = forms.Count;
                forms.Add(columns[1]);
                upos.Add(columns[3]);
                foreach (var item in columns[9].Split('|'))
                {
                    if (item.StartsWith("Entity=", StringComparison.Ordinal)) Brackets(item["Entity=".Length..], index, open, mentions);
                }
            }

            if (document.Count > 0) documents.Add(document);
        }

        return documents;
    }

    /// <summary>Opens and closes of one token: "(3-organization-…" opens, "3)" closes, "(2-abstract-…)" both.</summary>
    private static void Brackets(string value, int index, List<(string Id, string Type, int Start)> open, List<(int, int, string)> mentions)
    {
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '(')
            {
                var end = i + 1;
                while (end < value.Length && value[end] != '(' && value[end] != ')') end++;
                var parts = value[(i + 1)..end].Split('-');
                var id = parts[0];
                var type = parts.Length > 1 ? parts[1] : string.Empty;
                if (end < value.Length && value[end] == ')')
                {
                    mentions.Add((index, index + 1, type));
                    end++;
                }
                else
                {
                    open.Add((id, type, index));
                }

                i = end;
            }
            else if (char.IsDigit(value[i]))
            {
                var end = i;
                while (end < value.Length && value[end] != ')' && value[end] != '(') end++;
                var id = value[i..end];
                for (var k = open.Count - 1; k >= 0; k--)
                {
                    if (open[k].Id != id) continue;
                    mentions.Add((open[k].Start, index + 1, open[k].Type));
                    open.RemoveAt(k);
                    break;
                }

                i = end < value.Length && value[end] == ')' ? end + 1 : end;
            }
            else
            {
                i++;
            }
        }
    }

    private static ConllSentence? Names(List<string> forms, List<string> upos, List<(int Start, int End, string Type)> mentions, IReadOnlySet<string>? titles)
    {
        var claimed = new bool[forms.Count];
        var title = new bool[forms.Count];
        var spans = new List<(int Start, int End, int Type)>();
        foreach (var (start, end, type) in mentions.OrderBy(m => m.End - m.Start).ThenBy(m => m.Start))
        {
            var cls = type switch
            {
                "person" => "PER",
                "organization" => "ORG",
                "place" => "LOC",
                "object" or "event" or "abstract" or "substance" or "animal" or "plant" => "MISC",
                _ => null,
            };

            // The longest run of proper nouns: one that holds inner names whole and more besides is the name ("the Lisbon
            // Orchestra" holds the place "Lisbon": the organisation's name is "Lisbon Orchestra"); else the longest run
            // that no inner mention claims ("the mayor of Chicago" yields no person).
            var (bestStart, bestEnd) = Run(forms, upos, start, end, null);
            if (bestStart >= 0)
            {
                var inner = spans.Where(sp => sp.Start < bestEnd && sp.End > bestStart).ToList();
                var whole = inner.All(sp => sp.Start >= bestStart && sp.End <= bestEnd)
                    && Enumerable.Range(bestStart, bestEnd - bestStart).Any(i => !claimed[i] && upos[i] == "PROPN");
                if (whole) spans.RemoveAll(sp => sp.Start >= bestStart && sp.End <= bestEnd);
                else (bestStart, bestEnd) = Run(forms, upos, start, end, claimed);
            }

            if (bestStart < 0) continue;
            for (var i = bestStart; i < bestEnd; i++) claimed[i] = true;
            if (cls == "PER" && titles is not null)
            {
                // "Secretary of State Ann Cole": the title words, and the words between them, up to the first capitalised proper noun that is no title word.
                var first = bestStart;
                while (first < bestEnd - 1 && (titles.Contains(forms[first]) || (first > bestStart && !(upos[first] == "PROPN" && Capitalised(forms[first]))))) first++;
                if (first > bestStart && titles.Contains(forms[bestStart]))
                {
                    for (var i = bestStart; i < first; i++) title[i] = true;
                    bestStart = first;
                }
            }
            if (cls is not null) spans.Add((bestStart, bestEnd, NerTags.ClassIndex(cls)));
        }

        // Leave out a sentence with a capitalised proper noun or adjective that no name covers.
        var covered = new bool[forms.Count];
        foreach (var (start, end, _) in spans) for (var i = start; i < end; i++) covered[i] = true;
        for (var i = 0; i < forms.Count; i++)
        {
            if (covered[i] || title[i] || !Capitalised(forms[i]) || forms[i] == "I") continue;
            if (upos[i] == "PROPN" || (i > 0 && upos[i] == "ADJ")) return null;
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new ConllSentence([.. forms], spans);
    }

    /// <summary>The longest run of capitalised proper nouns in [start, end) (with "of", "the" … between them), skipping claimed words when given.</summary>
    private static (int Start, int End) Run(List<string> forms, List<string> upos, int start, int end, bool[]? claimed)
    {
        int bestStart = -1, bestEnd = -1;
        for (var i = start; i < end; i++)
        {
            if (claimed?[i] == true || upos[i] != "PROPN" || !Capitalised(forms[i])) continue;
            var j = i + 1;
            var last = i + 1;
            while (j < end && claimed?[j] != true && (upos[j] == "PROPN" || Inside.Contains(forms[j])))
            {
                if (upos[j] == "PROPN") last = j + 1;
                j++;
            }

            if (last - i > bestEnd - bestStart)
            {
                bestStart = i;
                bestEnd = last;
            }

            i = last - 1;
        }

        return (bestStart, bestEnd);
    }

    private static bool Capitalised(string word) => word.Length > 0 && (char.IsUpper(word[0]) || (char.IsDigit(word[0]) && word.Any(char.IsLetter)));

    /// <summary>A one-line count for the training log.</summary>
    public static string Describe(List<List<ConllSentence>> documents, int skipped) => string.Create(CultureInfo.InvariantCulture,
        $"GUM: {documents.Count} documents, {documents.Sum(d => d.Count):N0} sentences ({skipped:N0} left out), {documents.Sum(d => d.Sum(s => s.Words.Length)):N0} words, {documents.Sum(d => d.Sum(s => s.Spans.Count)):N0} names");
}
