using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Coreference;

/// <summary>One syntactic word of a gold document: its characters in the rebuilt text and its gold tags.</summary>
/// <param name="Head">Index of the head word in the document; -1 for a root.</param>
internal sealed record GoldWord(int Start, int End, int Sentence, string Form, string Upos, int Head);

/// <summary>A gold mention: words [First, End) of the document; <paramref name="Identity"/> is its Wikipedia link
/// (GUM's last bracket field, "Washington%2C_D.C."), or null.</summary>
internal sealed record GoldMention(int First, int End, string EntityType, string? Identity = null);

/// <summary>
/// A document of a CoNLL-U corpus with coreference in the CorefUD / GUM format: its text rebuilt from
/// the words, the words with their offsets, and the gold coreference chains.
/// </summary>
internal sealed class GoldDocument
{
    public required string Name { get; init; }

    public string? Title { get; init; }

    public DateOnly? Published { get; init; }

    public required string Text { get; init; }

    public required IReadOnlyList<GoldWord> Words { get; init; }

    public required ImmutableArray<Sentence> Sentences { get; init; }

    /// <summary>Chains by entity id, mentions in document order.</summary>
    public required IReadOnlyDictionary<string, List<GoldMention>> Chains { get; init; }

    /// <summary>
    /// The document with the gold tokenisation as its token and sentence layers (tags, heads and
    /// everything else left for the pipeline to fill).
    /// </summary>
    public Document ToDocument(string source) => new(Text, new DocumentMetadata(Title, source, Published))
    {
        Sentences = Sentences,
        Tokens = [.. Words.Select(w => new Token(w.Start, w.End, w.Sentence))],
    };

    /// <summary>The word whose head lies outside the span (the first such); the first word when none does.</summary>
    public int HeadWord(GoldMention m)
    {
        for (var w = m.First; w < m.End; w++)
        {
            var h = Words[w].Head;
            if (h < m.First || h >= m.End) return w;
        }

        return m.First;
    }

    public string SpanText(int first, int end) => Text[Words[first].Start..Words[end - 1].End];
}

/// <summary>
/// Reads CoNLL-U files whose MISC column carries CorefUD coreference brackets, as GUM does:
/// <c>Entity=(12-person-new-…-coref-Donald_Trump</c> opens a mention of entity 12 on a word,
/// <c>Entity=12)</c> closes the innermost open mention of entity 12, and <c>(12-person-…)</c> is a
/// one-word mention; several brackets follow each other in one cell. The first field after the
/// parenthesis is the entity id, the second its type (<c># global.Entity = GRP-etype-…</c>).
/// Multiword-token lines only give their spacing; empty nodes are skipped.
/// </summary>
internal static class GumReader
{
    public static IReadOnlyList<GoldDocument> ReadFile(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, name);
    }

    public static IReadOnlyList<GoldDocument> Read(TextReader reader, string name)
    {
        var documents = new List<GoldDocument>();
        var builder = new Builder(name);
        var sentence = new List<string[]>();
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                if (builder.HasWords) documents.Add(builder.Build());
                var id = Value(line);
                builder = new Builder(string.IsNullOrEmpty(id) ? name : id);
                continue;
            }

            if (line.StartsWith('#'))
            {
                if (line.StartsWith("# meta::title", StringComparison.Ordinal)) builder.Title = Value(line);
                else if (line.StartsWith("# meta::dateCreated", StringComparison.Ordinal)
                    && DateOnly.TryParseExact(Value(line), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    builder.Published = date;
                }

                continue;
            }

            if (line.Length == 0)
            {
                if (sentence.Count > 0) builder.AddSentence(sentence, name, lineNumber);
                sentence = [];
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 10) throw new FormatException($"{name}:{lineNumber}: expected 10 tab-separated columns, found {columns.Length}");
            sentence.Add(columns);
        }

        if (sentence.Count > 0) builder.AddSentence(sentence, name, lineNumber);
        if (builder.HasWords) documents.Add(builder.Build());
        return documents;
    }

    private static string Value(string comment)
    {
        var eq = comment.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? "" : comment[(eq + 1)..].Trim();
    }

    private sealed class Builder(string name)
    {
        private readonly StringBuilder _text = new();
        private readonly List<GoldWord> _words = [];
        private readonly List<Sentence> _sentences = [];
        private readonly Dictionary<string, List<GoldMention>> _chains = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Stack<(int First, string Type, string? Identity)>> _open = new(StringComparer.Ordinal);

        public string? Title { get; set; }

        public DateOnly? Published { get; set; }

        public bool HasWords => _words.Count > 0;

        public void AddSentence(List<string[]> lines, string file, int lineNumber)
        {
            if (_sentences.Count > 0) _text.Append('\n');
            var sentenceStart = _text.Length;
            var firstWord = _words.Count;
            var sentenceIndex = _sentences.Count;
            var rangeEnd = -1;
            var rangeSpace = true;
            var words = new List<(string[] Columns, bool SpaceAfter)>();
            foreach (var c in lines)
            {
                var id = c[0];
                if (id.Contains('.', StringComparison.Ordinal)) continue;
                var dash = id.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0)
                {
                    rangeEnd = int.Parse(id[(dash + 1)..], CultureInfo.InvariantCulture);
                    rangeSpace = !HasNoSpace(c[9]);
                    continue;
                }

                var n = int.Parse(id, CultureInfo.InvariantCulture);
                var space = n < rangeEnd ? false : n == rangeEnd ? rangeSpace : !HasNoSpace(c[9]);
                words.Add((c, space));
            }

            for (var i = 0; i < words.Count; i++)
            {
                var (c, space) = words[i];
                var start = _text.Length;
                _text.Append(c[1]);
                var head = int.TryParse(c[6], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0 ? firstWord + h - 1 : -1;
                _words.Add(new GoldWord(start, _text.Length, sentenceIndex, c[1], c[3], head));
                if (space && i + 1 < words.Count) _text.Append(' ');
                ReadEntities(c[9], _words.Count - 1, file, lineNumber);
            }

            _sentences.Add(new Sentence(sentenceStart, _text.Length, firstWord, _words.Count - firstWord));
        }

        private static bool HasNoSpace(string misc) => misc.Split('|').Contains("SpaceAfter=No", StringComparer.Ordinal);

        private void ReadEntities(string misc, int word, string file, int lineNumber)
        {
            var value = misc.Split('|').FirstOrDefault(f => f.StartsWith("Entity=", StringComparison.Ordinal))?["Entity=".Length..];
            if (string.IsNullOrEmpty(value)) return;
            var i = 0;
            while (i < value.Length)
            {
                if (value[i] == '(')
                {
                    var j = i + 1;
                    while (j < value.Length && value[j] is not ('(' or ')')) j++;
                    var fields = value[(i + 1)..j].Split('-');
                    var id = StripPart(fields[0]);
                    var type = fields.Length > 1 ? fields[1] : "";
                    var identity = fields.Length > 7 ? string.Join('-', fields[7..]) : null; // id-type-infstat-…-coref-Wiki_Title
                    if (j < value.Length && value[j] == ')')
                    {
                        Add(id, new GoldMention(word, word + 1, type, identity));
                        j++;
                    }
                    else
                    {
                        if (!_open.TryGetValue(id, out var stack)) _open[id] = stack = new();
                        stack.Push((word, type, identity));
                    }

                    i = j;
                }
                else
                {
                    var j = value.IndexOf(')', i);
                    if (j < 0) throw new FormatException($"{file}:{lineNumber}: unbalanced Entity value '{value}'");
                    var id = StripPart(value[i..j]);
                    if (!_open.TryGetValue(id, out var stack) || stack.Count == 0)
                    {
                        throw new FormatException($"{file}:{lineNumber}: entity {id} closed but not open");
                    }

                    var (first, type, identity) = stack.Pop();
                    Add(id, new GoldMention(first, word + 1, type, identity));
                    i = j + 1;
                }
            }
        }

        /// <summary>"5[1/2]" (a part of a discontinuous mention) → "5".</summary>
        private static string StripPart(string id)
        {
            var bracket = id.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0 ? id : id[..bracket];
        }

        private void Add(string id, GoldMention mention)
        {
            if (!_chains.TryGetValue(id, out var chain)) _chains[id] = chain = [];
            chain.Add(mention);
        }

        public GoldDocument Build()
        {
            foreach (var chain in _chains.Values) chain.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : a.End.CompareTo(b.End));
            return new GoldDocument
            {
                Name = name,
                Title = Title,
                Published = Published,
                Text = _text.ToString(),
                Words = _words,
                Sentences = [.. _sentences],
                Chains = _chains,
            };
        }
    }
}
