using Dossier.Core.Serialization;
using Dossier.Testing;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// Property: the whole default pipeline, on generated documents, throws nothing, keeps every offset inside
/// its text (<see cref="OffsetAssert.Valid"/>) and gives a document that serialises. No NUL and no lone
/// surrogates here: text that reaches the pipeline has been through a reader.
/// Case counts: see <see cref="FuzzCases"/> (<c>DOSSIER_FUZZ_CASES</c> raises them).
/// </summary>
public sealed class PipelineFuzzTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void Pipeline_RandomUnicodeText_ThrowsNothingAndKeepsOffsetsValid()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0020_0000, 100))
        {
            var text = TextGen.Unicode(new FuzzRandom(seed), 400);
            FuzzCases.Check(seed, text, () => AssertAnalysis(text));
        }
    }

    [Fact]
    public void Pipeline_NewsLikeText_ThrowsNothingAndKeepsOffsetsValid()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0021_0000, 100))
        {
            var text = TextGen.NewsText(new FuzzRandom(seed), 8);
            FuzzCases.Check(seed, text, () => AssertAnalysis(text));
        }
    }

    [Fact]
    public void Pipeline_NewsMixedWithUnicodeNoise_ThrowsNothingAndKeepsOffsetsValid()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0022_0000, 60))
        {
            var r = new FuzzRandom(seed);
            var parts = Enumerable.Range(0, r.Between(1, 6)).Select(_ => r.Chance(0.6) ? TextGen.News.Sentence(r) : TextGen.Unicode(r, 80));
            var text = string.Join(r.Pick(new[] { " ", "\n", "\n\n", "\t", "" }), parts);
            FuzzCases.Check(seed, text, () => AssertAnalysis(text));
        }
    }

    [Fact]
    public void Pipeline_MediumDocumentsWithLongTokensAndLongSentences_ThrowsNothingAndKeepsOffsetsValid()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0023_0000, 5))
        {
            var r = new FuzzRandom(seed);
            var text = string.Join("\n\n",
                TextGen.NewsText(r, 20),
                TextGen.LongToken(r, r.Between(500, 5_000)),
                TextGen.LongSentence(r, r.Between(100, 300)) + ".",
                TextGen.Unicode(r, 1_000));
            FuzzCases.Check(seed, text, () => AssertAnalysis(text));
        }
    }

    private void AssertAnalysis(string text)
    {
        var document = fixture.Analyse(text);
        Assert.Equal(text, document.Text);
        OffsetAssert.Valid(document);
        // Reads back with the same text and valid offsets. (Not byte-identical: see KnownDefectTests, the lemma of emoji flags.)
        var back = DossierJson.Deserialize(DossierJson.Serialize(document));
        Assert.Equal(text, back.Text);
        Assert.Equal(document.Tokens.Length, back.Tokens.Length);
        OffsetAssert.Valid(back);
    }
}
