using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Nlp.Time;

namespace Dossier.Extraction.Events.Annotations;

/// <summary>
/// Reads the annotated sentences: every <c>*.jsonl</c> file of a folder (or one file), one record a line. CoNLL-2003
/// records carry no text (Reuters may not be committed): the sentence is rebuilt from the corpus file the record's
/// <c>doc</c> names (<c>eng.dev.txt#N</c>: the N-th <c>-DOCSTART-</c> document, 0-based) as its tokens joined by
/// single spaces. TempEval-3 records (<c>corpus</c> <c>tempeval</c>, SemEval's text may not be committed either) name the
/// TimeML file under <c>tempeval3/</c> (<c>TimeBank/ABC19980108.1830.0711.tml</c>) and locate the sentence by
/// <c>start</c>/<c>end</c> character offsets into the plain text of its <c>&lt;TEXT&gt;</c> element (tags removed,
/// entities decoded), so that it never depends on a sentence splitter; the sentence is that span with every run of
/// white space made one space. BBC News records (<c>corpus</c> <c>bbc</c>, the BBC's text may not be committed) name a
/// file of the BBC sample under <c>corpora/bbc/</c> (<c>business/123.txt</c>) and locate the sentence by <c>start</c>/<c>end</c>
/// character offsets (UTF-16 code units) into that file's text as <see cref="File.ReadAllText(string, Encoding)"/> reads
/// it as strict UTF-8 (a byte-order mark dropped, line ends kept as they are); the sentence is that span with every run
/// of white space made one space. Malformed input is reported as an <see cref="InvalidDataException"/> whose message is
/// <c>FILE:LINE: reason</c>.
/// </summary>
public static class EventAnnotations
{
    /// <summary>The splits a record may name. <c>heldout2</c> (TempEval-3's held-out political and business news,
    /// <c>tempeval-heldout2.jsonl</c>) and <c>heldout3</c> (web text of UD EWT and recent BBC news, <c>ewt-heldout3.jsonl</c>
    /// and its BBC half) are further held-out sets, read once per model choice by the lead, only when named.</summary>
    public static readonly IReadOnlyList<string> Splits = ["train", "dev", "heldout", "heldout2", "heldout3"];

    /// <summary>The second held-out split, which only an explicit <c>--split heldout2</c> reads (never <c>all</c>, never training).</summary>
    public const string SecondHeldOut = "heldout2";

    /// <summary>The third held-out split (web text and recent news), which only an explicit <c>--split heldout3</c> reads
    /// (never <c>all</c>, never training).</summary>
    public const string ThirdHeldOut = "heldout3";

    /// <summary>The splits read only when named: <see cref="SecondHeldOut"/> and <see cref="ThirdHeldOut"/>.</summary>
    public static readonly IReadOnlyList<string> ReadOnlyWhenNamed = [SecondHeldOut, ThirdHeldOut];

    /// <summary>The sentences a split choice reads: those of the split named, or for <c>all</c> those of every split but
    /// the ones of <see cref="ReadOnlyWhenNamed"/>, which are read only when named.</summary>
    /// <param name="sentences">The annotated sentences.</param>
    /// <param name="split">A name of <see cref="Splits"/>, or <c>all</c>.</param>
    public static IReadOnlyList<AnnotatedSentence> InSplit(IEnumerable<AnnotatedSentence> sentences, string split)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(split);
        return sentences.Where(s => split == "all" ? !ReadOnlyWhenNamed.Contains(s.Split) : s.Split == split).ToList();
    }

    /// <summary>The sentences of <paramref name="path"/> (a .jsonl file or a folder of them, files in ordinal order).</summary>
    /// <param name="path">A file or folder.</param>
    /// <param name="conllDirectory">The folder holding <c>eng.train.txt</c> and <c>eng.dev.txt</c>, for records without text; null to skip them.</param>
    /// <param name="tempevalDirectory">The <c>tempeval3</c> folder for TempEval-3 records; null: <c>tempeval3</c> beside <paramref name="conllDirectory"/>.</param>
    /// <param name="bbcDirectory">The BBC sample's folder (holding <c>business/</c> …) for BBC records; null: <c>corpora/bbc</c> under the shared folder that holds <c>data/</c> beside <paramref name="conllDirectory"/> (<c>../shared/data/conll2003</c> → <c>../shared/corpora/bbc</c>).</param>
    /// <exception cref="InvalidDataException">A record is malformed, or a CoNLL, TempEval or BBC sentence cannot be found (FILE:LINE: reason).</exception>
    /// <exception cref="FileNotFoundException">A CoNLL, TempEval or BBC record needs a corpus file that is not there.</exception>
    public static IReadOnlyList<AnnotatedSentence> Read(string path, string? conllDirectory, string? tempevalDirectory = null, string? bbcDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : [path];
        var conll = new Dictionary<string, List<List<string[]>>>(StringComparer.Ordinal);
        var tempeval = new Dictionary<string, string>(StringComparer.Ordinal);
        tempevalDirectory ??= conllDirectory is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(conllDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) ?? ".", "tempeval3");
        bbcDirectory ??= conllDirectory is null ? null : BbcBeside(conllDirectory);
        var corpora = new CorpusFolders(conllDirectory, conll, tempevalDirectory, tempeval, bbcDirectory, new Dictionary<string, string>(StringComparer.Ordinal));
        var result = new List<AnnotatedSentence>();
        foreach (var file in files)
        {
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                try
                {
                    result.Add(Parse(line, corpora));
                }
                catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
                {
                    throw new InvalidDataException($"{file}:{n}: {e.Message}", e);
                }
            }
        }

        return result.Where(s => s.Text.Length > 0).ToList();
    }

    /// <summary>The corpus folders records without text are rebuilt from (null: such records are skipped), with the texts read so far.</summary>
    private sealed record CorpusFolders(string? Conll, Dictionary<string, List<List<string[]>>> ConllCache, string? TempEval, Dictionary<string, string> TempEvalCache, string? Bbc, Dictionary<string, string> BbcCache);

    /// <summary><c>corpora/bbc</c> under the shared folder, the parent of the <c>data/</c> folder that holds <paramref name="conllDirectory"/>.</summary>
    private static string BbcBeside(string conllDirectory)
    {
        var data = Path.GetDirectoryName(Path.GetFullPath(conllDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) ?? ".";
        return Path.Combine(Path.GetDirectoryName(data) ?? ".", "corpora", "bbc");
    }

    private static AnnotatedSentence Parse(string line, CorpusFolders corpora)
    {
        using var json = JsonDocument.Parse(line);
        var r = json.RootElement;
        var corpus = Required(r, "corpus");
        var doc = Required(r, "doc");
        var sent = r.TryGetProperty("sent", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : throw new FormatException("'sent' is missing or not a number");
        var split = Required(r, "split");
        if (!Splits.Contains(split)) throw new FormatException($"unknown split '{split}'");
        var text = Optional(r, "text") ?? corpus switch
        {
            TempEvalCorpus => corpora.TempEval is null ? "" : TempEvalText(corpora.TempEval, doc, Offset(r, "start"), Offset(r, "end"), corpora.TempEvalCache),
            BbcCorpus => corpora.Bbc is null ? "" : BbcText(corpora.Bbc, doc, Offset(r, "start"), Offset(r, "end"), corpora.BbcCache),
            _ => corpora.Conll is null ? "" : ConllText(corpora.Conll, doc, sent, corpora.ConllCache),
        };
        var events = new List<GoldEvent>();
        if (r.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in list.EnumerateArray())
            {
                events.Add(new GoldEvent(Required(e, "type"), Optional(e, "trigger") ?? "", Optional(e, "source"), Optional(e, "target"), Optional(e, "status") ?? "occurred"));
            }
        }

        return new AnnotatedSentence(corpus, doc, sent, split, text, events);
    }

    private static string Required(JsonElement r, string name) =>
        Optional(r, name) is { Length: > 0 } v ? v : throw new FormatException($"'{name}' is missing");

    private static string? Optional(JsonElement r, string name) =>
        r.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    /// <summary>The corpus name of TempEval-3 records.</summary>
    public const string TempEvalCorpus = "tempeval";

    private static int Offset(JsonElement r, string name) =>
        r.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var v) && v >= 0
            ? v
            : throw new FormatException($"'{name}' is missing or not a non-negative whole number");

    /// <summary>The span <paramref name="start"/>..<paramref name="end"/> of the plain text of the TimeML file <paramref name="doc"/>, white space runs made one space.</summary>
    private static string TempEvalText(string directory, string doc, int start, int end, Dictionary<string, string> cache)
    {
        if (doc.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(doc)) throw new FormatException($"TempEval document '{doc}' is not a path under tempeval3/");
        if (!cache.TryGetValue(doc, out var plain))
        {
            var file = Path.Combine(directory, doc);
            if (!File.Exists(file)) throw new FileNotFoundException($"{file}: the TempEval-3 file named by '{doc}' is missing", file);
            plain = TimexEvaluator.Read(file)?.Text ?? throw new FormatException($"'{doc}' has no TEXT element");
            cache[doc] = plain;
        }

        if (end <= start || end > plain.Length) throw new FormatException($"'{doc}': span {start}..{end} is not within its text of {plain.Length} characters");
        return Collapse(plain.AsSpan(start, end - start));
    }

    /// <summary>The corpus name of BBC News records (the 2004–2005 BBC sample in <c>corpora/bbc</c>).</summary>
    public const string BbcCorpus = "bbc";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The span <paramref name="start"/>..<paramref name="end"/> of the BBC file <paramref name="doc"/>, white space runs made one space.</summary>
    private static string BbcText(string directory, string doc, int start, int end, Dictionary<string, string> cache)
    {
        if (doc.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(doc) || !doc.EndsWith(".txt", StringComparison.Ordinal))
        {
            throw new FormatException($"BBC document '{doc}' is not a .txt path under corpora/bbc/");
        }

        if (!cache.TryGetValue(doc, out var text))
        {
            if (!Directory.Exists(directory)) throw new FileNotFoundException($"{directory}: the BBC sample's folder (corpora/bbc in the shared folder), needed for '{doc}', is missing", directory);
            var file = Path.Combine(directory, doc);
            if (!File.Exists(file)) throw new FileNotFoundException($"{file}: the BBC file named by '{doc}' is missing", file);
            try
            {
                text = File.ReadAllText(file, StrictUtf8);
            }
            catch (DecoderFallbackException)
            {
                throw new FormatException($"'{doc}' is not UTF-8 text");
            }

            cache[doc] = text;
        }

        if (end <= start || end > text.Length) throw new FormatException($"'{doc}': span {start}..{end} is not within its text of {text.Length} characters");
        return Collapse(text.AsSpan(start, end - start));
    }

    /// <summary>The text with every run of white space made one space, and none at either end.</summary>
    internal static string Collapse(ReadOnlySpan<char> text)
    {
        var b = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = b.Length > 0;
                continue;
            }

            if (space) b.Append(' ');
            space = false;
            b.Append(c);
        }

        return b.ToString();
    }

    /// <summary>The sentence <paramref name="sent"/> of the CoNLL document <paramref name="doc"/> (<c>eng.dev.txt#N</c>), tokens joined by spaces.</summary>
    private static string ConllText(string directory, string doc, int sent, Dictionary<string, List<List<string[]>>> cache)
    {
        var hash = doc.LastIndexOf('#');
        if (hash <= 0 || !int.TryParse(doc.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new FormatException($"CoNLL document id '{doc}' is not FILE#N");
        }

        var name = doc[..hash];
        if (!cache.TryGetValue(name, out var documents))
        {
            var file = Path.Combine(directory, name);
            if (!File.Exists(file)) throw new FileNotFoundException($"{file}: the CoNLL-2003 file named by '{doc}' is missing", file);
            documents = ReadConll(file);
            cache[name] = documents;
        }

        if (index >= documents.Count) throw new FormatException($"'{doc}': the file has {documents.Count} documents");
        var sentences = documents[index];
        if (sent < 0 || sent >= sentences.Count) throw new FormatException($"'{doc}' has {sentences.Count} sentences, not {sent + 1}");
        return string.Join(' ', sentences[sent]);
    }

    /// <summary>The documents of a CoNLL-2003 file: for each, its sentences, each its tokens (first column).</summary>
    internal static List<List<string[]>> ReadConll(string file)
    {
        var documents = new List<List<string[]>>();
        List<string[]>? current = null;
        var tokens = new List<string>();
        void Flush()
        {
            if (tokens.Count > 0 && current is not null) current.Add([.. tokens]);
            tokens.Clear();
        }

        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                current = [];
                documents.Add(current);
                continue;
            }

            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            tokens.Add(space < 0 ? line : line[..space]);
        }

        Flush();
        return documents;
    }
}
