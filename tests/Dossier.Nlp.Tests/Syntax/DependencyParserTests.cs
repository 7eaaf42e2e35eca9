using Dossier.Nlp.Syntax;

namespace Dossier.Nlp.Tests.Syntax;

public sealed class DependencyParserTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 12)]
    [InlineData(4, 30)]
    public void Forced_RandomStatesAndScores_AgreesWithBestValid(int seed, int words)
    {
        const int labels = 6;
        const int root = 2;
        var rng = new Random(seed);
        var forcedSeen = 0;
        for (var run = 0; run < 50; run++)
        {
            var state = new ParseState(words);
            while (!state.Terminal)
            {
                var scores = Enumerable.Range(0, 1 + 2 * labels).Select(_ => (float)(rng.NextDouble() * 10 - 5)).ToArray();
                var best = DependencyParser.BestValid(state, scores, labels, root);
                var forced = DependencyParser.Forced(state, labels, root);
                if (forced >= 0)
                {
                    forcedSeen++;
                    Assert.Equal(best, forced);

                    // Whatever the scores, the same action.
                    for (var c = 0; c < scores.Length; c++) scores[c] = -scores[c];
                    Assert.Equal(forced, DependencyParser.BestValid(state, scores, labels, root));
                }

                state.Apply(best, labels);
            }
        }

        Assert.True(forcedSeen >= 100, $"{forcedSeen} forced transitions");
    }
}
