using Dossier.Core.Serialization;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// Property: output grows linearly with input. A news-like paragraph repeated k and 4k times gives JSON,
/// events and entity mentions at most 4 × 1.5 times as large (a generous bound on 4); so does one sentence
/// without punctuation made 4 times as long.
/// Case counts: see <see cref="FuzzCases"/> (<c>DOSSIER_FUZZ_CASES</c> raises them).
/// </summary>
public sealed class OutputSizeTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private const double Bound = 4 * 1.5;

    [Fact]
    public void Pipeline_ParagraphRepeatedKAnd4KTimes_OutputGrowsAtMostLinearly()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0030_0000, 5))
        {
            var r = new FuzzRandom(seed);
            var paragraph = TextGen.NewsText(r, 6);
            var k = r.Between(2, 4);
            FuzzCases.Check(seed, paragraph, () =>
            {
                var small = fixture.Analyse(Repeat(paragraph, k));
                var large = fixture.Analyse(Repeat(paragraph, 4 * k));
                AssertLinear("JSON length", DossierJson.Serialize(small).Length, DossierJson.Serialize(large).Length);
                AssertLinear("events", small.Events.Length, large.Events.Length);
                AssertLinear("entity mentions", small.Entities.Sum(e => e.Mentions.Length), large.Entities.Sum(e => e.Mentions.Length));
                AssertLinear("times and values", small.Times.Length + small.Values.Length, large.Times.Length + large.Values.Length);
            });
        }
    }

    /// <summary>
    /// Issue 14 item 1: every event repeats its whole sentence as evidence, so one long sentence gives quadratic JSON
    /// (seed 0x5EED00310000: 42,213 characters of JSON for 120 words, 295,416 for the same words 4 times over).
    /// </summary>
    [Fact]
    public void Pipeline_SentenceWithoutPunctuationKAnd4KTimesAsLong_OutputGrowsAtMostLinearly()
    {
        foreach (var seed in FuzzCases.Seeds(0x5EED_0031_0000, 2))
        {
            var r = new FuzzRandom(seed);
            var words = TextGen.LongSentence(r, 120);
            FuzzCases.Check(seed, words, () =>
            {
                var small = fixture.Analyse(words + ".");
                var large = fixture.Analyse(string.Join(" ", Enumerable.Repeat(words, 4)) + ".");
                AssertLinear("JSON length", DossierJson.Serialize(small).Length, DossierJson.Serialize(large).Length);
                AssertLinear("events", small.Events.Length, large.Events.Length);
            });
        }
    }

    private static string Repeat(string paragraph, int times) => string.Join("\n\n", Enumerable.Repeat(paragraph, times));

    private static void AssertLinear(string what, int small, int large) =>
        Assert.True(large <= Math.Max(small, 1) * Bound, $"{what}: {small} for k repetitions, {large} for 4k, more than {Bound} times as many");
}
