using Dossier.Core.Serialization;
using Dossier.Ingest;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// Defects the fuzz suite found, each reduced to a minimal input (the seed that found it is in the comment), kept
/// as regression tests now that they are fixed; the generators (<see cref="FileGen"/>, <see cref="ReaderFuzzTests"/>)
/// produce their triggers again.
/// </summary>
public sealed class FuzzFoundDefectTests(PipelineFixture fixture) : IDisposable, IClassFixture<PipelineFixture>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dossier-fuzz-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Found by ReadAsync_RandomFiles, seed 0x5EED00010059: <c>JsonElement.GetString</c> throws on an escaped lone surrogate.</summary>
    [Fact]
    public async Task ReadAsync_JsonLinesTextWithEscapedLoneSurrogate_GivesAResultInsteadOfThrowing()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "surrogate.jsonl");
        await File.WriteAllTextAsync(path, "{\"text\":\"Mr Smith met Ms Jones \\uDC00 in London.\"}\n");

        var results = new List<ReadResult>();
        await foreach (var result in DocumentReader.ReadAsync(path, new ReadOptions()))
        {
            results.Add(result);
        }

        var only = Assert.Single(results);
        Assert.True(only.Succeeded || !string.IsNullOrWhiteSpace(only.Error));
    }

    /// <summary>Found by ReadRecord_RandomFields, seed 0x5EED00030055: <c>DossierErrors.BadDate</c> quotes the value with its line breaks.</summary>
    [Fact]
    public void ReadRecord_PublishedWithALineBreak_FailsWithAOneLineReason()
    {
        var result = DocumentReader.ReadRecord("record", "Mr Smith met Ms Jones in London.", null, "not\na date", null, new ReadOptions());

        Assert.False(result.Succeeded);
        Assert.DoesNotContain('\n', result.Error!);
    }

    /// <summary>
    /// Found by Pipeline_RandomUnicodeText, seed 0x5EED0020003F: the lemma of a flag emoji keeps half of a surrogate pair,
    /// which JSON writes as U+FFFD, so a stored document does not read back as it was written.
    /// </summary>
    [Fact]
    public void Pipeline_FlagEmoji_GivesLemmasWithoutLoneSurrogates()
    {
        var document = fixture.Analyse("The 🇬🇧;");

        foreach (var token in document.Tokens)
        {
            var lemma = token.Lemma ?? "";
            for (var i = 0; i < lemma.Length; i++)
            {
                var pairs = char.IsHighSurrogate(lemma[i]) ? i + 1 < lemma.Length && char.IsLowSurrogate(lemma[++i]) : !char.IsLowSurrogate(lemma[i]);
                Assert.True(pairs, $"the lemma of \"{document.TextOf(token)}\" has a lone surrogate: {FuzzCases.Escape(lemma)}");
            }
        }

        var json = DossierJson.Serialize(document);
        Assert.Equal(json, DossierJson.Serialize(DossierJson.Deserialize(json)));
    }

    /// <summary>
    /// Found by a probe run of the pipeline over text with lone surrogates: <see cref="DocumentReader.ReadRecord"/> accepts the
    /// text as it is, and coreference's <c>ActorText.Normalize</c> (<c>string.Normalize</c>) then throws ArgumentException
    /// ("String contains invalid Unicode code points"). Files cannot carry a lone surrogate (decoders and HTML entities give
    /// U+FFFD); a caller of ReadRecord (the web API, a worker) can.
    /// </summary>
    [Fact]
    public void ReadRecord_TextWithALoneSurrogate_IsRefusedOrAnalysedWithoutAnException()
    {
        var result = DocumentReader.ReadRecord("record", "Mr Smith met \uDC30.", null, null, null, new ReadOptions());

        if (result.Document is { } document)
        {
            var analysed = fixture.Pipeline.Process(document);
            Dossier.Testing.OffsetAssert.Valid(analysed);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }
}
