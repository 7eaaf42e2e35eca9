using System.Text;

namespace Dossier.Extraction.Places;

/// <summary>One LOC mention of a Universal NER document: words [First, End) of sentence <paramref name="Sentence"/> (indices
/// within the document's sentence order and the sentence's words), and its key, the words joined by "_".</summary>
internal sealed record UnerSpan(int Sentence, int First, int End, string Key);

/// <summary>
/// Reads the LOC mentions of a Universal NER IOB2 file (<c>../shared/data/uner/en_ewt-ud-dev.iob2</c>: <c># newdoc id</c>,
/// one word a line, <c>id word tag …</c>), by document, for the places gold of the EWT genres (splits dev3 / heldout3,
/// built by <c>tools/places/gold-ewt.mjs</c>). Its words are those of the UD EWT file of the same split, in the same order.
/// </summary>
internal static class UnerLocations
{
    /// <summary>The LOC spans of every document, and the words of each of its sentences (to check the alignment).</summary>
    public static IReadOnlyDictionary<string, (List<UnerSpan> Spans, List<string[]> Words)> Read(TextReader reader, string name)
    {
        var documents = new Dictionary<string, (List<UnerSpan> Spans, List<string[]> Words)>(StringComparer.Ordinal);
        (List<UnerSpan> Spans, List<string[]> Words)? doc = null;
        var words = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;

        void EndSentence()
        {
            if (words.Count == 0) return;
            if (doc is null) throw new FormatException($"{name}:{lineNumber}: words before the first '# newdoc id'");
            var sentence = doc.Value.Words.Count;
            for (var i = 0; i < words.Count; i++)
            {
                if (tags[i] != "B-LOC") continue;
                var end = i + 1;
                while (end < words.Count && tags[end] == "I-LOC") end++;
                doc.Value.Spans.Add(new UnerSpan(sentence, i, end, string.Join('_', words.Skip(i).Take(end - i))));
            }

            doc.Value.Words.Add([.. words]);
            words.Clear();
            tags.Clear();
        }

        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.StartsWith("# newdoc id", StringComparison.Ordinal))
            {
                EndSentence();
                var id = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
                doc = ([], []);
                documents[id] = doc.Value;
                continue;
            }

            if (line.StartsWith('#')) continue;
            if (line.Trim().Length == 0)
            {
                EndSentence();
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 3) throw new FormatException($"{name}:{lineNumber}: expected 'id word tag', found '{line}'");
            words.Add(columns[1]);
            tags.Add(columns[2]);
        }

        EndSentence();
        return documents;
    }

    /// <summary>Reads <paramref name="path"/> (UTF-8).</summary>
    public static IReadOnlyDictionary<string, (List<UnerSpan> Spans, List<string[]> Words)> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path));
    }
}
