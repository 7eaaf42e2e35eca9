using System.Text;
using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Time;

namespace Dossier.Nlp.Topics;

/// <summary>One labelled document of the topic data.</summary>
/// <param name="Source">The label file it comes from (<c>bbc</c>, <c>tempeval3</c>, <c>conll2003</c>, <c>gum</c>).</param>
/// <param name="Id">Its id in that file.</param>
/// <param name="Topic">One of <see cref="DocumentTopics.All"/>.</param>
/// <param name="Split">One of <see cref="TopicCorpus.Splits"/>.</param>
/// <param name="Document">The document, tokenized.</param>
public sealed record TopicExample(string Source, string Id, string Topic, string Split, Document Document);

/// <summary>
/// Reads the topic labels (<c>data/annotations/topics/*.tsv</c>: id, topic, split) and the texts they label from
/// <c>../shared</c>: the BBC sample's files, TempEval-3 TimeML documents, CoNLL-2003 <c>-DOCSTART-</c> documents and
/// GUM CoNLL-U documents. The texts are never copied; only the labels are committed.
/// </summary>
public static class TopicCorpus
{
    /// <summary>The training split.</summary>
    public const string Train = "train";

    /// <summary>The split settings are chosen on.</summary>
    public const string Dev = "dev";

    /// <summary>The split reported once, as the final figure.</summary>
    public const string Heldout = "heldout";

    /// <summary>Every split name.</summary>
    public static IReadOnlyList<string> Splits { get; } = [Train, Dev, Heldout];

    /// <summary>Reads every label file of <paramref name="annotations"/> and its documents.</summary>
    /// <param name="annotations">The folder of label files (<c>data/annotations/topics</c>).</param>
    /// <param name="shared">The shared data folder (<c>../shared</c>), holding <c>corpora/</c> and <c>data/</c>.</param>
    /// <param name="tokenize">Adds the tokens layer (the tokens stage's <c>Process</c>).</param>
    /// <exception cref="DataFileException">A label file is malformed or names a document that cannot be found.</exception>
    public static IReadOnlyList<TopicExample> Load(string annotations, string shared, Func<Document, Document> tokenize)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(tokenize);
        var examples = new List<TopicExample>();
        foreach (var file in Directory.EnumerateFiles(annotations, "*.tsv").Order(StringComparer.Ordinal))
        {
            var source = Path.GetFileNameWithoutExtension(file);
            Func<TsvRow, string, Document> read = source switch
            {
                "bbc" => (row, id) => Bbc(row, Path.Combine(shared, "corpora", "bbc", id)),
                "tempeval3" => (row, id) => TempEval(row, Path.Combine(shared, "data", "tempeval3", id + ".tml")),
                "conll2003" => Conll(Path.Combine(shared, "data", "conll2003")),
                "gum" => (row, id) => Gum(row, Path.Combine(shared, "data", "gum", id + ".conllu")),
                _ => throw new DataFileException(file, "unknown source: the file name must be bbc, tempeval3, conll2003 or gum"),
            };
            foreach (var row in TsvFile.Read(file, minColumns: 3))
            {
                var (id, topic, split) = (row.Columns[0], row.Columns[1], row.Columns[2]);
                if (!DocumentTopics.IsTopic(topic)) throw row.Error($"unknown topic '{topic}' (expected one of {string.Join(", ", DocumentTopics.All)})");
                if (!Splits.Contains(split)) throw row.Error($"unknown split '{split}' (expected train, dev or heldout)");
                examples.Add(new TopicExample(source, id, topic, split, tokenize(read(row, id))));
            }
        }

        return examples;
    }

    private static Document Bbc(TsvRow row, string path)
    {
        if (!File.Exists(path)) throw row.Error($"{path} not found");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var cut = text.IndexOf("\n\n", StringComparison.Ordinal);
        return cut > 0
            ? new Document(text[(cut + 2)..], new DocumentMetadata(text[..cut].Trim(), path, null))
            : new Document(text, new DocumentMetadata(null, path, null));
    }

    private static Document TempEval(TsvRow row, string path)
    {
        if (!File.Exists(path)) throw row.Error($"{path} not found");
        var tml = TimexEvaluator.Read(path) ?? throw row.Error($"{path} has no TEXT element");
        return new Document(tml.Text.Trim(), new DocumentMetadata(null, path, tml.Dct));
    }

    private static Func<TsvRow, string, Document> Conll(string folder)
    {
        var files = new Dictionary<string, List<List<ConllSentence>>>(StringComparer.Ordinal);
        return (row, id) =>
        {
            var hash = id.LastIndexOf('#');
            if (hash <= 0 || !int.TryParse(id.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                throw row.Error($"'{id}' is not FILE#N");
            }

            var path = Path.Combine(folder, id[..hash]);
            if (!files.TryGetValue(path, out var documents))
            {
                if (!File.Exists(path)) throw row.Error($"{path} not found");
                documents = Conll2003.ReadDocuments(path);
                files[path] = documents;
            }

            if (n >= documents.Count) throw row.Error($"{path} has {documents.Count} documents, not {n + 1}");
            var text = string.Join("\n", documents[n].Select(s => string.Join(" ", s.Words)));
            return new Document(text, new DocumentMetadata(null, path + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        };
    }

    private static Document Gum(TsvRow row, string path)
    {
        if (!File.Exists(path)) throw row.Error($"{path} not found");
        var text = new StringBuilder();
        foreach (var sentence in ConlluReader.ReadFile(path))
        {
            if (sentence.Text is { } line) text.Append(line).Append('\n');
        }

        return new Document(text.ToString(), new DocumentMetadata(null, path, null));
    }
}
