using System.Collections.Immutable;
using System.Text;
using Dossier.Core.Documents;
using Dossier.Nlp.Syntax;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Syntax;

public sealed class SyntaxModelTests
{
    [Fact]
    public void TinyCorpus_TrainedInTest_TagsAndParsesItsSentencesBack()
    {
        var model = SyntaxTestData.Tiny;
        var sentences = ConlluReader.Read(new StringReader(SyntaxTestData.Conllu), "tiny");
        foreach (var sentence in sentences)
        {
            var result = model.Analyze(sentence.Words.Select(w => w.Form).ToArray());
            Assert.Equal(sentence.Words.Count, result.Count);
            for (var i = 0; i < result.Count; i++)
            {
                var gold = sentence.Words[i];
                Assert.Equal(gold.Upos, result[i].Upos);
                Assert.Equal(gold.Xpos, result[i].Xpos);
                Assert.Equal(gold.Lemma, result[i].Lemma);
                Assert.Equal(gold.Head, result[i].Head);
                Assert.Equal(gold.Relation, result[i].Relation);
            }
        }
    }

    [Fact]
    public void TinyCorpus_TrainedTwice_GivesByteIdenticalFiles()
    {
        var data = SyntaxTestData.WriteTinyDataDirectory();
        try
        {
            var a = Path.Combine(data, "a");
            var b = Path.Combine(data, "b");
            SyntaxTrainer.Train(data, a, TextWriter.Null, SyntaxTestData.TinyOptions);
            SyntaxTrainer.Train(data, b, TextWriter.Null, SyntaxTestData.TinyOptions);
            foreach (var name in SyntaxModel.FileNames)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(a, name)), File.ReadAllBytes(Path.Combine(b, name)));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void TinyCorpus_StackedTaggerWithJackknife_IsDeterministicAndRoundTrips()
    {
        var sentences = ConlluReader.Read(new StringReader(SyntaxTestData.Conllu), "tiny");
        var options = SyntaxTestData.TinyOptions with { JackknifeFolds = 2, StackedTagger = true };
        var dir = SyntaxTestData.TempDirectory();
        try
        {
            var a = SyntaxTrainer.TrainModel(sentences, sentences, TextWriter.Null, options);
            var b = SyntaxTrainer.TrainModel(sentences, sentences, TextWriter.Null, options);
            a.Save(Path.Combine(dir, "a"));
            b.Save(Path.Combine(dir, "b"));
            foreach (var name in SyntaxModel.FileNames)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a", name)), File.ReadAllBytes(Path.Combine(dir, "b", name)));
            }

            var loaded = SyntaxModel.Load(Path.Combine(dir, "a"));
            Assert.True(a.SameAs(loaded));
            string[] words = ["Police", "attacked", "the", "rebels", "."];
            Assert.Equal(a.Analyze(words), loaded.Analyze(words));
            Assert.False(a.SameAs(SyntaxTestData.Tiny));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Model_SavedAndLoaded_IsEqualAndAnalysesAlike()
    {
        var dir = SyntaxTestData.TempDirectory();
        try
        {
            var model = SyntaxTestData.Tiny;
            model.Save(dir);
            var loaded = SyntaxModel.Load(dir);
            Assert.True(model.SameAs(loaded));
            string[] words = ["The", "rebels", "attacked", "Kabul", "."];
            Assert.Equal(model.Analyze(words), loaded.Analyze(words));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(SyntaxModel.TaggerFileName)]
    [InlineData(SyntaxModel.LemmatizerFileName)]
    [InlineData(SyntaxModel.ParserFileName)]
    public void ModelFile_Missing_ThrowsModelLoadExceptionNamingFile(string name)
    {
        var dir = SyntaxTestData.TempDirectory();
        try
        {
            SyntaxTestData.Tiny.Save(dir);
            var path = Path.Combine(dir, name);
            File.Delete(path);
            var e = Assert.Throws<ModelLoadException>(() => SyntaxModel.Load(dir));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Equal(path, e.FilePath);
            Assert.Contains("dossier train syntax --data ../shared/data --out models/", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(SyntaxModel.TaggerFileName, "garbage")]
    [InlineData(SyntaxModel.ParserFileName, "garbage")]
    [InlineData(SyntaxModel.LemmatizerFileName, "truncated")]
    [InlineData(SyntaxModel.ParserFileName, "truncated")]
    [InlineData(SyntaxModel.TaggerFileName, "empty")]
    public void ModelFile_Corrupt_ThrowsModelLoadExceptionNamingFile(string name, string damage)
    {
        var dir = SyntaxTestData.TempDirectory();
        try
        {
            SyntaxTestData.Tiny.Save(dir);
            var path = Path.Combine(dir, name);
            var bytes = File.ReadAllBytes(path);
            switch (damage)
            {
                case "garbage":
                    var random = new Random(7);
                    var junk = new byte[4096];
                    random.NextBytes(junk);
                    File.WriteAllBytes(path, junk);
                    break;
                case "truncated":
                    File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                    break;
                default:
                    File.WriteAllBytes(path, []);
                    break;
            }

            var e = Assert.Throws<ModelLoadException>(() => SyntaxModel.Load(dir));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("dossier train syntax", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ModelFile_GzipOfWrongContent_ThrowsModelLoadException()
    {
        var dir = SyntaxTestData.TempDirectory();
        try
        {
            SyntaxTestData.Tiny.Save(dir);
            var path = Path.Combine(dir, SyntaxModel.ParserFileName);
            using (var file = File.Create(path))
            using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
            {
                gzip.Write("hello, not a model"u8);
            }

            var e = Assert.Throws<ModelLoadException>(() => SyntaxModel.Load(dir));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ConlluReader_RangeLinesAndEmptyNodes_AreSkipped()
    {
        var sentences = ConlluReader.Read(new StringReader(SyntaxTestData.Conllu), "tiny");
        Assert.Equal(5, sentences.Count);
        Assert.Equal(["They", "do", "n't", "negotiate", "."], sentences[3].Words.Select(w => w.Form));
        Assert.Equal(5, sentences[4].Words.Count);
        Assert.Equal(-1, sentences[0].Words[2].Head);
        Assert.Equal("t1", sentences[0].Id);
    }

    [Fact]
    public void ConlluReader_BadLine_ThrowsFormatExceptionWithLine()
    {
        var e = Assert.Throws<FormatException>(() => ConlluReader.Read(new StringReader("1\tA\ta\n"), "bad.conllu"));
        Assert.Contains("bad.conllu:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxStage_Document_FillsEveryTokenWithDocumentLevelHeads()
    {
        const string text = "The army attacked the village.\nPolice arrested two men on Monday.";
        var document = Tokenize(text, [["The", "army", "attacked", "the", "village", "."], ["Police", "arrested", "two", "men", "on", "Monday", "."]]);
        var result = new SyntaxStage(SyntaxTestData.Tiny).Process(document);
        Assert.Equal("syntax", new SyntaxStage(SyntaxTestData.Tiny).Name);
        OffsetAssert.Valid(result);
        AssertTrees(result);
        Assert.All(result.Tokens, t => Assert.NotNull(t.Upos));
        // Second sentence starts at token 6: "two" (8) -> "men" (9) -> "arrested" (7) -> root.
        Assert.Equal(9, result.Tokens[8].Head);
        Assert.Equal("nummod", result.Tokens[8].Relation);
        Assert.Equal(7, result.Tokens[9].Head);
        Assert.Equal("obj", result.Tokens[9].Relation);
        Assert.Equal(-1, result.Tokens[7].Head);
        Assert.Equal("root", result.Tokens[7].Relation);
        Assert.Equal("arrest", result.Tokens[7].Lemma);
        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void SyntaxStage_RandomTokenSequences_AlwaysWellFormedTrees()
    {
        var stage = new SyntaxStage(SyntaxTestData.Tiny);
        var random = new Random(20251016);
        string[] vocabulary =
        [
            "the", "The", "army", "attacked", "Kabul", ".", ",", "PRESIDENT", "SAID", "https://example.com/a?b=c", "www.bbc.co.uk",
            "😀", "🇺🇦", "zxqvw", "Xylophonist", "3.14", "1,000,000", "@user", "#tag", "(", ")", "\"", "n't", "'s", "—", "…",
            "naïve", "Ελλάδα", "北京", "e-mail", "U.S.", "$", "%", "?!", "a", "I",
        ];

        var documents = new List<Document> { Tokenize("", []), Tokenize("Hello", [["Hello"]]) };
        documents.Add(Tokenize(string.Join(' ', Enumerable.Repeat("and", 500)), [Enumerable.Repeat("and", 500).ToArray()]));
        var runOn = Enumerable.Range(0, 500).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
        documents.Add(Tokenize(string.Join(' ', runOn), [runOn]));
        for (var d = 0; d < 60; d++)
        {
            var sentences = new List<string[]>();
            var count = random.Next(1, 5);
            for (var s = 0; s < count; s++)
            {
                var length = random.Next(1, 40);
                sentences.Add(Enumerable.Range(0, length).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray());
            }

            documents.Add(Tokenize(string.Join('\n', sentences.Select(s => string.Join(' ', s))), sentences));
        }

        foreach (var document in documents)
        {
            var result = stage.Process(document);
            OffsetAssert.Valid(result);
            AssertTrees(result);
        }
    }

    [Fact]
    public void SyntaxModel_EmptySentence_ReturnsNoWords()
    {
        Assert.Empty(SyntaxTestData.Tiny.Analyze([]));
    }

    [Fact]
    public void DefaultDirectory_InRepository_IsModelsBesideSolution()
    {
        var expected = Path.Combine(SharedData.RepositoryRoot, "models");
        var actual = SyntaxModel.DefaultDirectory;
        Assert.True(actual == expected || actual == Path.Combine(AppContext.BaseDirectory, "models"), actual);
    }

    /// <summary>Builds a tokenised document: each sentence's words separated by one space, sentences by new lines.</summary>
    internal static Document Tokenize(string text, IReadOnlyList<string[]> sentences)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var spans = ImmutableArray.CreateBuilder<Sentence>();
        var position = 0;
        foreach (var words in sentences)
        {
            var first = tokens.Count;
            var start = -1;
            var end = 0;
            foreach (var word in words)
            {
                var at = text.IndexOf(word, position, StringComparison.Ordinal);
                Assert.True(at >= 0, word);
                if (start < 0) start = at;
                tokens.Add(new Token(at, at + word.Length, spans.Count));
                position = end = at + word.Length;
            }

            spans.Add(new Sentence(start, end, first, tokens.Count - first));
        }

        return new Document(text, new DocumentMetadata(null, "test", null)) { Tokens = tokens.ToImmutable(), Sentences = spans.ToImmutable() };
    }

    /// <summary>Every sentence is one tree: heads inside the sentence, exactly one root, no cycles, every token analysed.</summary>
    internal static void AssertTrees(Document document)
    {
        foreach (var sentence in document.Sentences)
        {
            var roots = 0;
            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                var t = document.Tokens[i];
                Assert.False(string.IsNullOrEmpty(t.Upos));
                Assert.False(string.IsNullOrEmpty(t.Xpos));
                Assert.NotNull(t.Lemma);
                Assert.False(string.IsNullOrEmpty(t.Relation));
                if (t.Head == -1)
                {
                    roots++;
                    Assert.Equal("root", t.Relation);
                    continue;
                }

                Assert.InRange(t.Head, sentence.FirstToken, sentence.EndToken - 1);
                Assert.NotEqual(i, t.Head);
                Assert.NotEqual("root", t.Relation);
                var seen = new HashSet<int> { i };
                for (var h = t.Head; h != -1; h = document.Tokens[h].Head)
                {
                    Assert.True(seen.Add(h), $"cycle through token {h}");
                }
            }

            Assert.Equal(1, roots);
        }
    }
}
