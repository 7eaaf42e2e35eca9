using Dossier.Nlp.Syntax;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Syntax;

/// <summary>
/// The parser's faster scoring (per-token score rows, <see cref="DependencyParser.RoleFeatures"/>) must give the same
/// predictions as scoring every feature of <see cref="DependencyParser.Extract"/> one by one.
/// </summary>
public sealed class SyntaxFastPathTests
{
    /// <summary>
    /// FNV-1a over every predicted tag, head and relation of the first 400 sentences of EWT dev with the shipped models,
    /// as the plain scoring path (the code before the per-token rows) gave them. A change of a model file changes it.
    /// </summary>
    private const ulong DevSampleChecksum = 10543612792290535883UL;

    private static WordInfo RandomWord(Random rng) => new()
    {
        Form = (ulong)rng.NextInt64(),
        Lower = (ulong)rng.Next(20), // few word types: the same hashes recur in several roles
        Shape = (ulong)rng.NextInt64(),
        Suffix1 = (ulong)rng.NextInt64(),
        Suffix2 = (ulong)rng.NextInt64(),
        Suffix3 = (ulong)rng.Next(5),
        Suffix4 = (ulong)rng.NextInt64(),
        Prefix1 = (ulong)rng.NextInt64(),
        Prefix2 = (ulong)rng.NextInt64(),
        Prefix3 = (ulong)rng.NextInt64(),
        Flags = (ulong)rng.Next(1024),
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 4)]
    [InlineData(3, 15)]
    [InlineData(4, 40)]
    public void RoleFeaturesAndExtractRest_RandomStates_SameFeaturesAsExtract(int seed, int length)
    {
        const int labels = 7;
        var rng = new Random(seed);
        var features = new ulong[DependencyParser.MaxFeatures];
        var tokens = new int[DependencyParser.Roles];
        var checkedStates = 0;
        for (var run = 0; run < 30; run++)
        {
            var words = Enumerable.Range(0, length).Select(_ => RandomWord(rng)).ToArray();
            var tags = Enumerable.Range(0, length).Select(_ => rng.Next(6)).ToArray();
            var state = new ParseState(length);
            while (!state.Terminal)
            {
                var expected = features.AsSpan(0, DependencyParser.Extract(state, words, tags, features)).ToArray();
                var actual = new List<ulong>();
                actual.AddRange(features.AsSpan(0, DependencyParser.ExtractRest(state, words, tags, features)).ToArray());
                DependencyParser.RoleTokens(state, tokens);
                for (var role = 0; role < DependencyParser.Roles; role++)
                {
                    actual.AddRange(features.AsSpan(0, DependencyParser.RoleFeatures(role, tokens[role], length, words, tags, features)).ToArray());
                }

                Assert.Equal(expected.Order(), actual.Order());
                checkedStates++;

                // A random valid transition.
                var scores = Enumerable.Range(0, 1 + 2 * labels).Select(_ => (float)rng.NextDouble()).ToArray();
                state.Apply(DependencyParser.BestValid(state, scores, labels, 0), labels);
            }
        }

        Assert.True(checkedStates >= 30 * (2 * length - 1), $"{checkedStates} states");
    }

    [Fact]
    public void SumsExactInAnyOrder_WeightsAndBounds_AsTheFloatFormatAllows()
    {
        // Multiples of 2^-2 below 4: k = 2, so 2^22 bounds maxFeatures × 4.
        var coarse = new LinearModel(3, [1u, 2u], [0, 2, 3], [0, 2, 1], [0.25f, -3.75f, 1f]);
        Assert.True(coarse.SumsExactInAnyOrder(1_000_000));
        Assert.False(coarse.SumsExactInAnyOrder(1 << 21));

        // A weight with bits down to 2^-20: sums above 2^4 could round.
        var fine = new LinearModel(2, [5u], [0, 2], [0, 1], [1f + MathF.ScaleB(1f, -20), 1f]);
        Assert.True(fine.SumsExactInAnyOrder(7));
        Assert.False(fine.SumsExactInAnyOrder(16));

        // Not a multiple of any 2^-k with k ≤ 24.
        Assert.False(new LinearModel(1, [9u], [0, 1], [0], [1e-10f]).SumsExactInAnyOrder(1));
    }

    private static (SyntaxModel Model, List<WordInfo[]> Sentences) DevSample()
    {
        var dev = SharedData.Require("data/ud-ewt/en_ewt-ud-dev.conllu");
        var models = Path.Combine(SharedData.RepositoryRoot, "models");
        Skip.IfNot(File.Exists(Path.Combine(models, SyntaxModel.ParserFileName)), "models/ has no syntax models yet");
        var model = SyntaxModel.Load(models);
        var sentences = ConlluReader.ReadFile(dev).Take(400)
            .Select(s => s.Words.Select(w => WordInfo.Compute(w.Form)).ToArray()).ToList();
        return (model, sentences);
    }

    [SkippableFact]
    public void Parse_ShippedModelOnEwtDevSample_SameAsPlainScoring()
    {
        var (model, sentences) = DevSample();
        Assert.True(model.Parser.UsesTokenRows, "the shipped parser's weights no longer give exact sums in any order");
        foreach (var words in sentences)
        {
            var tags = new int[words.Length];
            model.Tagger.Tag(words, tags);
            int[] heads = new int[words.Length], labels = new int[words.Length];
            int[] plainHeads = new int[words.Length], plainLabels = new int[words.Length];
            model.Parser.Parse(words, tags, heads, labels);
            model.Parser.ParsePlain(words, tags, plainHeads, plainLabels);
            Assert.Equal(plainHeads, heads);
            Assert.Equal(plainLabels, labels);
        }
    }

    [SkippableFact]
    public void Parse_SmallModelThenShippedModelOnOneThread_SameAsPlainScoring()
    {
        var (model, sentences) = DevSample();
        var tiny = SyntaxTestData.Tiny;
        var longest = sentences.MaxBy(w => w.Length)!;
        var shorter = sentences.First(w => w.Length > 5 && w.Length < longest.Length);

        // The per-thread scratch is sized by the first parser (few labels, a long sentence), then used by the shipped
        // one (more labels, a shorter sentence).
        foreach (var (parser, tagger, words) in new[] { (tiny.Parser, tiny.Tagger, longest), (model.Parser, model.Tagger, shorter) })
        {
            var tags = new int[words.Length];
            tagger.Tag(words, tags);
            int[] heads = new int[words.Length], labels = new int[words.Length];
            int[] plainHeads = new int[words.Length], plainLabels = new int[words.Length];
            parser.Parse(words, tags, heads, labels);
            parser.ParsePlain(words, tags, plainHeads, plainLabels);
            Assert.Equal(plainHeads, heads);
            Assert.Equal(plainLabels, labels);
        }
    }

    [SkippableFact]
    public void Analyze_ShippedModelOnEwtDevSample_PredictionsUnchanged()
    {
        var (model, sentences) = DevSample();
        var hash = 14695981039346656037UL;
        void Mix(int value)
        {
            hash = (hash ^ (uint)value) * 1099511628211UL;
        }

        foreach (var words in sentences)
        {
            int[] tags = new int[words.Length], heads = new int[words.Length], labels = new int[words.Length];
            model.Analyze(words, tags, heads, labels);
            for (var i = 0; i < words.Length; i++)
            {
                Mix(tags[i]);
                Mix(heads[i]);
                Mix(labels[i]);
            }
        }

        Assert.True(hash == DevSampleChecksum, $"checksum {hash} instead of {DevSampleChecksum}");
    }
}
