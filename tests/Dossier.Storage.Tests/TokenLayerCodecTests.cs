using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Storage.Sqlite;

namespace Dossier.Storage.Tests;

public sealed class TokenLayerCodecTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Encode_TokensWithEveryKindOfLemma_DecodesToTheSame()
    {
        const string text = "Trump SAID 😀Ünïcode things.";
        ImmutableArray<Token> tokens =
        [
            new(0, 5, 0) { Upos = "PROPN", Xpos = "NNP", Lemma = "Trump", Head = 1, Relation = "nsubj" },   // lemma = text
            new(6, 10, 0) { Upos = "VERB", Xpos = "VBD", Lemma = "say", Head = -1, Relation = "root" },      // own string
            new(11, 20, 0) { Upos = "X", Lemma = "😀ünïcode", Head = 3 },                                      // lower case with a surrogate pair
            new(21, 27, 0) { Upos = "NOUN", Lemma = "thing", Head = 1, Relation = "obj" },
            new(27, 28, 0) { Upos = "PUNCT", Lemma = ".", Head = 1, Relation = "punct" },
            new(28, 28, 0) { Lemma = "" },                                                                     // empty token, empty lemma
        ];
        ImmutableArray<Sentence> sentences = [new(0, 28, 0, 6)];

        Assert.Equal("😀Ünïcode", text[11..20]);
        var blob = new TokenLayerCodec().Encode(text, sentences, tokens);
        var (decodedSentences, decodedTokens) = TokenLayerCodec.Decode(blob, text);

        Assert.Equal(sentences.ToArray(), decodedSentences.ToArray());
        Assert.Equal(tokens.ToArray(), decodedTokens.ToArray());
    }

    [Fact]
    public void Encode_NoLayers_ReturnsNullAndDecodesEmpty()
    {
        Assert.Null(new TokenLayerCodec().Encode("x", [], []));

        var (sentences, tokens) = TokenLayerCodec.Decode(null, "x");

        Assert.Empty(sentences);
        Assert.Empty(tokens);
    }

    [Theory]
    [InlineData(new byte[] { 2 })]                 // unknown version
    [InlineData(new byte[] { 1, 5 })]              // count beyond the data
    [InlineData(new byte[] { 1, 0, 1, 0, 0 })]     // truncated token
    [InlineData(new byte[] { 1, 0, 0, 7 })]        // trailing bytes
    public void Decode_MalformedBlob_ThrowsFormatException(byte[] blob)
    {
        Assert.Throws<FormatException>(() => TokenLayerCodec.Decode(blob, "some text"));
    }

    [Fact]
    public async Task Get_CorruptLayersInDatabase_ThrowsStoreException()
    {
        var document = SampleDocuments.Full();
        await using var store = _db.Open();
        await store.AddAsync(document);
        using (var connection = _db.Connect())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE documents SET layers = x'01ff'";
            command.ExecuteNonQuery();
        }

        var ex = await Assert.ThrowsAsync<StoreException>(() => store.GetAsync(document.Id));

        Assert.Contains(document.Id, ex.Message);
        Assert.Contains("corrupt", ex.Message);
    }
}
