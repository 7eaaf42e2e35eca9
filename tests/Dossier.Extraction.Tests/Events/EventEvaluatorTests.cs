using Dossier.Core.Documents;
using Dossier.Extraction.Events;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Extraction.Tests.Events;

public sealed class EventEvaluatorTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Evaluate_PloverDevWithAvailableModels_AboveRegressionFloor()
    {
        var gold = SharedData.Require("data/plover-gsr/plover_gsr_dev.json");
        PhoenixActorCodes.Path = SharedData.Require("data/cameo/Phoenix.Countries.actors.txt");
        var outcomes = EventEvaluator.Run(gold, text =>
        {
            var doc = EventFixture.AnalyseWithModels(text);
            OffsetAssert.Valid(doc);
            return doc;
        });
        var scores = EventEvaluator.Score(outcomes);
        output.WriteLine(scores.ToString());
        foreach (var o in outcomes.Where(o => !o.TypeFound || o.SourceFound == false))
        {
            output.WriteLine($"{o.Id} gold={o.GoldType} type={o.TypeFound} src={o.SourceFound} tgt={o.TargetFound} :: {o.Text}");
            foreach (var e in o.Events)
            {
                output.WriteLine($"    {e.Type}/{e.Cameo} {e.Status} '{e.Trigger.Text}' src=[{string.Join(",", e.Source.Select(a => a.Text + ":" + a.Country))}] tgt=[{string.Join(",", e.Target.Select(a => a.Text + ":" + a.Country))}]");
            }
        }

        // Measured on the dev set: type 0.55, source 0.37, target 0.19, 1.56 events/record. The issue's targets (type ≥ 0.75,
        // source ≥ 0.65) are not met yet; these floors only guard against regressions.
        Assert.Equal(164, scores.Records);
        Assert.True(scores.TypeRecall >= 0.50, scores.ToString());
        Assert.True(scores.SourceAccuracy >= 0.30, scores.ToString());
        Assert.True(scores.EventsPerRecord <= 2.0, scores.ToString());
    }

    [SkippableFact]
    public void Evaluate_PublicEntryPoint_ScoresEveryRecord()
    {
        var gold = SharedData.Require("data/plover-gsr/plover_gsr_dev.json");
        var scores = EventEvaluator.Evaluate(gold, text => new Document(text, new DocumentMetadata(null, "test", null)));
        Assert.Equal(164, scores.Records);
        Assert.Equal(0, scores.EventsPerRecord);
        Assert.Equal(0, scores.TypeRecall);
    }

    [Theory]
    [InlineData("DEMAND", "REQUEST")]
    [InlineData("DISAPPROVE", "ACCUSE")]
    [InlineData("INVESTIGATE", "ACCUSE")]
    [InlineData("FIGHT", "ASSAULT")]
    [InlineData("AGREE", "AGREE")]
    public void PloverType_GsrType_MapsToPlover2(string gsr, string plover) => Assert.Equal(plover, EventEvaluator.PloverType(gsr));
}
