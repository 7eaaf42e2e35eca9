using System.Globalization;

namespace Dossier.Nlp.Syntax;

/// <summary>One syntactic word of a CoNLL-U sentence (basic dependencies only).</summary>
/// <param name="Form">Column 2.</param>
/// <param name="Lemma">Column 3.</param>
/// <param name="Upos">Column 4.</param>
/// <param name="Xpos">Column 5.</param>
/// <param name="Head">Column 7 as a 0-based index into the sentence's words; -1 for the root.</param>
/// <param name="Relation">Column 8, with subtypes (e.g. <c>nmod:poss</c>).</param>
public sealed record ConlluWord(string Form, string Lemma, string Upos, string Xpos, int Head, string Relation);

/// <summary>A sentence of a CoNLL-U file: its syntactic words (no multiword-token ranges, no empty nodes).</summary>
public sealed record ConlluSentence(string? Id, string? Text, IReadOnlyList<ConlluWord> Words);

/// <summary>
/// Reads CoNLL-U (https://universaldependencies.org/format.html). Multiword-token range lines
/// (<c>3-4</c>) and empty nodes (<c>5.1</c>) are skipped; enhanced dependencies are ignored.
/// </summary>
public static class ConlluReader
{
    /// <summary>Reads every sentence of a file.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="FormatException">When a line is malformed; the message names file and line.</exception>
    public static IReadOnlyList<ConlluSentence> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>; <paramref name="name"/> is used in error messages.</summary>
    public static IReadOnlyList<ConlluSentence> Read(TextReader reader, string name = "<conllu>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConlluSentence>();
        var words = new List<ConlluWord>();
        string? id = null;
        string? text = null;
        var lineNumber = 0;
        var fields = new string[10];

        void Flush()
        {
            if (words.Count > 0)
            {
                for (var i = 0; i < words.Count; i++)
                {
                    if (words[i].Head >= words.Count)
                    {
                        throw new FormatException($"{name}: sentence {id ?? (sentences.Count + 1).ToString(CultureInfo.InvariantCulture)}: word {i + 1} has head {words[i].Head + 1} beyond the sentence");
                    }
                }

                sentences.Add(new ConlluSentence(id, text, words.ToArray()));
            }

            words.Clear();
            id = null;
            text = null;
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    id = line["# sent_id = ".Length..].Trim();
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line["# text = ".Length..];
                }

                continue;
            }

            var count = Split(line, fields);
            if (count != 10)
            {
                throw new FormatException($"{name}:{lineNumber}: expected 10 tab-separated columns, found {count}");
            }

            var idField = fields[0];
            if (idField.Contains('-', StringComparison.Ordinal) || idField.Contains('.', StringComparison.Ordinal))
            {
                continue; // multiword token range or empty node
            }

            if (!int.TryParse(idField, NumberStyles.None, CultureInfo.InvariantCulture, out var wordId) || wordId != words.Count + 1)
            {
                throw new FormatException($"{name}:{lineNumber}: word id \"{idField}\" is out of sequence");
            }

            if (!int.TryParse(fields[6], NumberStyles.None, CultureInfo.InvariantCulture, out var head))
            {
                throw new FormatException($"{name}:{lineNumber}: head \"{fields[6]}\" is not a number");
            }

            words.Add(new ConlluWord(fields[1], fields[2], fields[3], fields[4], head - 1, fields[7]));
        }

        Flush();
        return sentences;
    }

    private static int Split(string line, string[] fields)
    {
        var count = 0;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == '\t')
            {
                if (count < fields.Length)
                {
                    fields[count] = line[start..i];
                }

                count++;
                start = i + 1;
            }
        }

        return count;
    }
}
