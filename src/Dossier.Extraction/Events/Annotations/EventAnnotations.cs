using System.Globalization;
using System.Text.Json;

namespace Dossier.Extraction.Events.Annotations;

/// <summary>
/// Reads the annotated sentences: every <c>*.jsonl</c> file of a folder (or one file), one record a line. CoNLL-2003
/// records carry no text (Reuters may not be committed): the sentence is rebuilt from the corpus file the record's
/// <c>doc</c> names (<c>eng.dev.txt#N</c>: the N-th <c>-DOCSTART-</c> document, 0-based) as its tokens joined by
/// single spaces. Malformed input is reported as an <see cref="InvalidDataException"/> whose message is
/// <c>FILE:LINE: reason</c>.
/// </summary>
public static class EventAnnotations
{
    /// <summary>The splits a record may name.</summary>
    public static readonly IReadOnlyList<string> Splits = ["train", "dev", "heldout"];

    /// <summary>The sentences of <paramref name="path"/> (a .jsonl file or a folder of them, files in ordinal order).</summary>
    /// <param name="path">A file or folder.</param>
    /// <param name="conllDirectory">The folder holding <c>eng.train.txt</c> and <c>eng.dev.txt</c>, for records without text; null to skip them.</param>
    /// <exception cref="InvalidDataException">A record is malformed, or a CoNLL sentence cannot be found (FILE:LINE: reason).</exception>
    /// <exception cref="FileNotFoundException">A CoNLL record needs a corpus file that is not there.</exception>
    public static IReadOnlyList<AnnotatedSentence> Read(string path, string? conllDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : [path];
        var conll = new Dictionary<string, List<List<string[]>>>(StringComparer.Ordinal);
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
                    result.Add(Parse(line, conllDirectory, conll));
                }
                catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
                {
                    throw new InvalidDataException($"{file}:{n}: {e.Message}", e);
                }
            }
        }

        return result.Where(s => s.Text.Length > 0).ToList();
    }

    private static AnnotatedSentence Parse(string line, string? conllDirectory, Dictionary<string, List<List<string[]>>> conll)
    {
        using var json = JsonDocument.Parse(line);
        var r = json.RootElement;
        var corpus = Required(r, "corpus");
        var doc = Required(r, "doc");
        var sent = r.TryGetProperty("sent", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : throw new FormatException("'sent' is missing or not a number");
        var split = Required(r, "split");
        if (!Splits.Contains(split)) throw new FormatException($"unknown split '{split}'");
        var text = Optional(r, "text") ?? (conllDirectory is null ? "" : ConllText(conllDirectory, doc, sent, conll));
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
