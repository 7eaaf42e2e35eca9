using Dossier.Core.Documents;
using Dossier.Nlp.Tokenization;

namespace Dossier.Extraction.Tests.Places;

/// <summary>Documents for the places stage's tests: our own text, tokenized, with the name finder's entities written by hand.</summary>
internal static class HandTypedDocuments
{
    /// <summary>The text tokenized (published 2025-03-14), no entities.</summary>
    public static Document Tokenized(string text) =>
        new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "test", new DateOnly(2025, 3, 14))));

    /// <summary>The text tokenized, one entity per (name, type): every occurrence of the name outside an earlier entity's is a mention.</summary>
    public static Document With(string text, params (string Name, string Type)[] entities)
    {
        var doc = Tokenized(text);
        var list = new List<Entity>();
        var taken = new List<(int Start, int End)>();
        foreach (var (name, type) in entities)
        {
            var mentions = new List<Mention>();
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                if (taken.Any(r => r.Start < at + name.Length && at < r.End)) continue;
                taken.Add((at, at + name.Length));
                mentions.Add(new Mention(at, at + name.Length, name, doc.Tokens.First(t => t.Start >= at).Sentence));
            }

            list.Add(new Entity("e" + (list.Count + 1), name, type) { Aliases = [name], Mentions = [.. mentions] });
        }

        return doc with { Entities = [.. list] };
    }
}
