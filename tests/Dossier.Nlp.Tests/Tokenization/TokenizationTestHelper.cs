using Dossier.Core.Documents;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Tokenization;

/// <summary>Runs the tokenization stage on a text, checks the offset invariants and returns readable results.</summary>
internal static class TokenizationTestHelper
{
    private static readonly TokenizationStage Stage = new();

    public static Document Process(string text)
    {
        var doc = Stage.Process(new Document(text, new DocumentMetadata(null, "test", null)));
        OffsetAssert.Valid(doc);
        return doc;
    }

    /// <summary>The token texts of <paramref name="text"/>.</summary>
    public static string[] Tokens(string text)
    {
        var doc = Process(text);
        return doc.Tokens.Select(doc.TextOf).ToArray();
    }

    /// <summary>The token texts joined with '|' for compact assertions.</summary>
    public static string Joined(string text) => string.Join("|", Tokens(text));

    /// <summary>The sentence texts of <paramref name="text"/>.</summary>
    public static string[] Sentences(string text)
    {
        var doc = Process(text);
        return doc.Sentences.Select(s => doc.Slice(s.Start, s.End)).ToArray();
    }
}
