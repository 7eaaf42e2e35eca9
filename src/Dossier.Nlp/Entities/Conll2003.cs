namespace Dossier.Nlp.Entities;

/// <summary>One sentence of a CoNLL-2003 file: its words and gold spans (class index into <see cref="NerTags.Classes"/>).</summary>
internal sealed record ConllSentence(string[] Words, List<(int Start, int End, int Type)> Spans)
{
    /// <summary>The sentence's raw text (a <c># text = </c> line of an IOB2 file); null in CoNLL-2003 files.</summary>
    public string? Text { get; init; }
}

/// <summary>
/// Reads CoNLL-2003 files (<c>word POS chunk NER</c>, blank lines between sentences, <c>-DOCSTART-</c>
/// between documents). Only the first and last columns are used. Tags may be IOB1 (I- opens a
/// span unless it continues one of the same class; B- only between two adjacent spans) or IOB2
/// (B- opens every span): both read the same. Also reads Universal NER's IOB2 files
/// (<c>id TAB token TAB tag TAB - TAB -</c>; <c># newdoc</c> opens a document, <c># text = </c> gives the
/// sentence's raw text, other <c>#</c> lines are comments).
/// </summary>
internal static class Conll2003
{
    public static List<List<ConllSentence>> ReadDocuments(string path)
    {
        using var reader = new StreamReader(path);
        return ReadDocuments(reader);
    }

    public static List<List<ConllSentence>> ReadDocuments(TextReader reader)
    {
        var documents = new List<List<ConllSentence>>();
        var document = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        string? text = null;

        void EndSentence()
        {
            if (words.Count == 0) return;
            document.Add(new ConllSentence([.. words], Spans(tags)) { Text = text });
            words.Clear();
            tags.Clear();
            text = null;
        }

        void EndDocument()
        {
            EndSentence();
            if (document.Count > 0) documents.Add(document);
            document = [];
        }

        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndDocument();
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                EndSentence();
                continue;
            }

            // IOB2 comment lines: "# newdoc id = …", "# sent_id = …", "# text = …" (a CoNLL-2003 line for the token "#" has no " = ").
            if (words.Count == 0 && line.StartsWith("# ", StringComparison.Ordinal) && (line.Contains(" = ", StringComparison.Ordinal) || line.TrimEnd() == "# newdoc"))
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal)) EndDocument();
                else if (line.StartsWith("# text = ", StringComparison.Ordinal)) text = line["# text = ".Length..];
                continue;
            }

            if (line.Contains('\t', StringComparison.Ordinal))
            {
                // Universal NER: id, token, tag, and two more columns.
                var columns = line.Split('\t');
                if (columns.Length < 3 || !int.TryParse(columns[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    throw new InvalidDataException($"IOB2 line without an id, a token and a tag: {line}");
                }

                words.Add(columns[1]);
                tags.Add(columns[2]);
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2) throw new InvalidDataException($"CoNLL line without a tag: {line}");
            words.Add(parts[0]);
            tags.Add(parts[^1]);
        }

        EndDocument();
        return documents;
    }

    private static List<(int, int, int)> Spans(List<string> tags)
    {
        var spans = new List<(int, int, int)>();
        var start = -1;
        var type = -1;
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var t = tag.Length > 2 ? NerTags.ClassIndex(tag[2..]) : -1;
            var begins = tag.StartsWith("B-", StringComparison.Ordinal) || (tag.StartsWith("I-", StringComparison.Ordinal) && (start < 0 || t != type));
            if (start >= 0 && (t < 0 || begins))
            {
                spans.Add((start, i, type));
                start = -1;
            }

            if (t >= 0 && begins)
            {
                start = i;
                type = t;
            }
        }

        if (start >= 0) spans.Add((start, tags.Count, type));
        return spans;
    }
}
