using System.Globalization;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Extraction.Coreference;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Time;
using Dossier.Nlp.Values;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Extraction.Tests.Coreference;

public sealed class CorefEvaluatorTests(ITestOutputHelper output)
{
    // Entity 1 (Anna Berg / She / Berg) and 2 (Tom / him) are named; 3 (Berg's plan / the plan) is headed
    // by a common noun and is not scored; 4 (the city) is a singleton. "Berg's" is a multiword token.
    private static readonly string Conllu = string.Join('\n', new[]
    {
        "# newdoc id = GUM_test_doc",
        "# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity",
        "# meta::dateCreated = 2020-01-02",
        "# meta::title = A test",
        "# text = Anna Berg met Tom.",
        "1|Anna|Anna|PROPN|NNP|_|3|nsubj|_|Entity=(1-person-new-sssss-cf1-1-coref-Anna_Berg",
        "2|Berg|Berg|PROPN|NNP|_|1|flat|_|Entity=1)",
        "3|met|meet|VERB|VBD|_|0|root|_|_",
        "4|Tom|Tom|PROPN|NNP|_|3|obj|_|Entity=(2-person-new-sssss-cf2-1-coref)|SpaceAfter=No",
        "5|.|.|PUNCT|.|_|3|punct|_|_",
        "",
        "# text = She liked him in the city.",
        "1|She|she|PRON|PRP|_|2|nsubj|_|Entity=(1-person-giv:act-sssss-cf1-1-coref)",
        "2|liked|like|VERB|VBD|_|0|root|_|_",
        "3|him|he|PRON|PRP|_|2|obj|_|Entity=(2-person-giv:act-sssss-cf2-1-coref)",
        "4|in|in|ADP|IN|_|6|case|_|_",
        "5|the|the|DET|DT|_|6|det|_|Entity=(4-place-new-nnnnn-cf3-2-sgl",
        "6|city|city|NOUN|NN|_|2|obl|_|Entity=4)|SpaceAfter=No",
        "7|.|.|PUNCT|.|_|2|punct|_|_",
        "",
        "# text = Berg's plan worked, and the plan stayed.",
        "1-2|Berg's|_|_|_|_|_|_|_|_",
        "1|Berg|Berg|PROPN|NNP|_|3|nmod:poss|_|Entity=(3-abstract-new-nnnnn-cf1-3-coref(1-person-giv:act-sssss-cf1-1-coref)",
        "2|'s|'s|PART|POS|_|1|case|_|_",
        "3|plan|plan|NOUN|NN|_|4|nsubj|_|Entity=3)",
        "4|worked|work|VERB|VBD|_|0|root|_|SpaceAfter=No",
        "5|,|,|PUNCT|,|_|9|punct|_|_",
        "6|and|and|CCONJ|CC|_|9|cc|_|_",
        "7|the|the|DET|DT|_|8|det|_|Entity=(3-abstract-giv:act-nnnnn-cf1-2-coref",
        "8|plan|plan|NOUN|NN|_|9|nsubj|_|Entity=3)",
        "9|stayed|stay|VERB|VBD|_|4|conj|_|SpaceAfter=No",
        "10|.|.|PUNCT|.|_|4|punct|_|_",
        "",
    }.Select(Row));

    /// <summary>A data line written with '|' between all columns: the first nine become tabs, the rest is MISC.</summary>
    private static string Row(string line)
    {
        if (line.Length == 0 || line.StartsWith('#')) return line;
        var parts = line.Split('|');
        return string.Join('\t', parts.Take(9)) + "\t" + string.Join('|', parts.Skip(9));
    }

    private static GoldDocument Gold() => Assert.Single(GumReader.Read(new StringReader(Conllu), "test"));

    [Fact]
    public void Reader_GumBrackets_RebuildsTextOffsetsAndChains()
    {
        var gold = Gold();
        Assert.Equal("GUM_test_doc", gold.Name);
        Assert.Equal("A test", gold.Title);
        Assert.Equal(new DateOnly(2020, 1, 2), gold.Published);
        Assert.Equal("Anna Berg met Tom.\nShe liked him in the city.\nBerg's plan worked, and the plan stayed.", gold.Text);
        Assert.All(gold.Words, w => Assert.Equal(w.Form, gold.Text[w.Start..w.End]));
        Assert.Equal(3, gold.Sentences.Length);
        Assert.Equal(["Anna Berg", "She", "Berg"], gold.Chains["1"].Select(m => gold.SpanText(m.First, m.End)));
        Assert.Equal(["Tom", "him"], gold.Chains["2"].Select(m => gold.SpanText(m.First, m.End)));
        Assert.Equal(["Berg's plan", "the plan"], gold.Chains["3"].Select(m => gold.SpanText(m.First, m.End)));
        Assert.Equal("person", gold.Chains["1"][0].EntityType);

        var doc = gold.ToDocument("test");
        OffsetAssert.Valid(doc);
        Assert.Equal(gold.Words.Select(w => w.Form), doc.Tokens.Select(doc.TextOf));
    }

    [Fact]
    public void GoldChains_NamedOrPronominalSubset_KeepsChainsWithANameOrPronoun()
    {
        var gold = Gold();
        var chains = CorefEvaluator.GoldChains(gold, namedOrPronominalOnly: true);
        Assert.Equal(2, chains.Count); // "the plan" is common-noun headed, "the city" a singleton
        Assert.Equal([3, 2], chains.Select(c => c.Count));
    }

    [Fact]
    public void GoldChains_All_KeepsCommonNounChainsAndDropsSingletons()
    {
        var chains = CorefEvaluator.GoldChains(Gold());
        Assert.Equal(3, chains.Count); // "the city" is a singleton
        Assert.Equal([2, 2, 3], chains.Select(c => c.Count).Order());
    }

    [Fact]
    public void Evaluate_PerfectResponse_ScoresOne()
    {
        var scores = Evaluate(["Anna Berg", "She", "Berg"], ["Tom", "him"], ["Berg's plan", "the plan"]);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (scores.Muc.F1, scores.B3.F1, scores.CeafE.F1, scores.ConllF1));
        Assert.Equal((1, 3, 3), (scores.Documents, scores.GoldChains, scores.PredictedChains));
    }

    [Fact]
    public void Evaluate_CommonNounChainMissed_LowersTheHeadlineNotTheSubset()
    {
        var scores = Evaluate(["Anna Berg", "She", "Berg"], ["Tom", "him"]);
        Assert.True(scores.ConllF1 < 1.0, "the headline counts the missed common-noun chain");
        Assert.Equal(1.0, scores.Subset!.ConllF1, 10);
        Assert.Equal((2, 2), (scores.Subset.GoldChains, scores.Subset.PredictedChains));
        Assert.Null(scores.Subset.Subset);
    }

    [Fact]
    public void Evaluate_OneMentionInTheWrongChain_ScoresAsTheClassicExample()
    {
        // Key {Anna Berg, She, Berg} {Tom, him}; response {Anna Berg, She} {Tom, him, Berg}: the
        // shape of CorefMetricsTests' example — MUC 2/3, B³ 11/15, CEAF-e 4/5;
        // CoNLL = (10/15 + 11/15 + 12/15) / 3 = 11/15.
        var scores = Evaluate(["Anna Berg", "She"], ["Tom", "him", "Berg"]).Subset!;
        Assert.Equal(2.0 / 3, scores.Muc.F1, 10);
        Assert.Equal(11.0 / 15, scores.B3.F1, 10);
        Assert.Equal(0.8, scores.CeafE.F1, 10);
        Assert.Equal(11.0 / 15, scores.ConllF1, 10);
    }

    [Fact]
    public void Evaluate_MisalignedMention_CountsAsAnotherMention()
    {
        // "Anna" alone does not match "Anna Berg": response {Anna, She, Berg} {Tom, him}.
        // MUC recall: {Anna Berg, She, Berg} → {Anna Berg} {She, Berg}: (3 − 2) + (Tom, him: 2 − 1) = 2 of 2 + 1.
        // MUC precision: {Anna, She, Berg} → {Anna} {She, Berg}: (3 − 2) + (2 − 1) = 2 of 2 + 1.
        var scores = Evaluate(["Anna", "She", "Berg"], ["Tom", "him"]).Subset!;
        Assert.Equal(2.0 / 3, scores.Muc.Recall, 10);
        Assert.Equal(2.0 / 3, scores.Muc.Precision, 10);
    }

    [Fact]
    public void Json_UsesTheConllKeys()
    {
        var scores = Evaluate(["Anna Berg", "She", "Berg"], ["Tom", "him"], ["Berg's plan", "the plan"]);
        var json = JsonSerializer.Serialize(scores, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        using var parsed = JsonDocument.Parse(json);
        foreach (var key in new[] { "muc", "b3", "ceafe", "conllF1", "documents", "goldChains", "predictedChains", "namedOrPronominalSubset" })
        {
            Assert.True(parsed.RootElement.TryGetProperty(key, out _), key + " missing in " + json);
        }

        Assert.Equal(1.0, parsed.RootElement.GetProperty("ceafe").GetProperty("f1").GetDouble());
    }

    /// <summary>Scores the test document with the entities given (each a list of mention texts, found in order of appearance).</summary>
    private static CorefScores Evaluate(params string[][] entities)
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-coref-" + Guid.NewGuid().ToString("N") + ".conllu");
        File.WriteAllText(path, Conllu);
        try
        {
            return CorefEvaluator.Evaluate(path, doc =>
            {
                var from = 0;
                var built = new List<Entity>();
                foreach (var texts in entities)
                {
                    var mentions = new List<Mention>();
                    foreach (var text in texts)
                    {
                        var at = doc.Text.IndexOf(text, mentions.Count == 0 ? 0 : mentions[^1].End, StringComparison.Ordinal);
                        mentions.Add(new Mention(at, at + text.Length, text, doc.Tokens.First(t => t.End > at).Sentence));
                    }

                    built.Add(new Entity("e" + (++from).ToString(CultureInfo.InvariantCulture), mentions[0].Text, "PERSON") { Mentions = [.. mentions] });
                }

                return doc with { Entities = [.. built] };
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The dev figure: the GUM dev documents of ../shared (GUM's own dev list), gold tokens, then
    /// syntax, times, values, entities and coreference. A sanity floor only; the figure is printed.
    /// Set DOSSIER_COREF_DETAILS to a file path to get every document's gold and predicted chains.
    /// </summary>
    [SkippableFact]
    public void GumDev_FullPipelineAfterTokens_ScoresAboveFloor()
    {
        var folder = SharedData.Require("data/gum");
        var files = CorefEvaluator.GumDevDocuments.Select(n => Path.Combine(folder, n + ".conllu")).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var syntax = new SyntaxStage(SyntaxModel.Load());
        var times = new TimeExpressionStage();
        var values = new ValueStage();
        var entities = new EntityRecognitionStage(NerModel.Load(SyntaxModel.DefaultDirectory));
        var coref = new CoreferenceStage(CorefFixture.Kb);
        var detailsPath = Environment.GetEnvironmentVariable("DOSSIER_COREF_DETAILS");
        using var details = string.IsNullOrEmpty(detailsPath) ? null : new StreamWriter(detailsPath);
        var scores = CorefEvaluator.Evaluate(files, d => coref.Process(entities.Process(values.Process(times.Process(syntax.Process(d))))), details);
        output.WriteLine(JsonSerializer.Serialize(scores, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all chains: MUC F1 {scores.Muc.F1:0.0000}  B3 F1 {scores.B3.F1:0.0000}  CEAF-e F1 {scores.CeafE.F1:0.0000}  CoNLL F1 {scores.ConllF1:0.0000}; subset CoNLL F1 {scores.Subset!.ConllF1:0.0000}"));
        Assert.Equal(12, scores.Documents);
        Assert.True(scores.ConllF1 > 0.15, $"CoNLL F1 {scores.ConllF1:0.0000} is under the 0.15 floor");
    }
}
