using Dossier.Core.Documents;
using Dossier.Nlp.Time;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Time;

public sealed class TimexEvaluatorTests
{
    [SkippableFact]
    public void TempEval3Tbaq_ValueF1_MeetsTheBar()
    {
        var dir = SharedData.Require("data/tempeval3");
        var scores = TimexEvaluator.Evaluate(dir);
        Assert.True(scores.Gold > 1500, $"{scores.Gold} gold expressions");
        Assert.True(scores.ValueF1 >= 0.75, $"value F1 {scores.ValueF1:F4} ({scores})");
        Assert.True(scores.RelaxedF1 >= 0.85, $"relaxed F1 {scores.RelaxedF1:F4}");
        Assert.True(scores.StrictF1 >= 0.78, $"strict F1 {scores.StrictF1:F4}");
        Assert.True(scores.TypeAccuracy >= 0.90, $"type accuracy {scores.TypeAccuracy:F4}");
    }

    [Fact]
    public void Read_StripsTags_KeepsGoldOffsetsAndDct()
    {
        var dir = Directory.CreateTempSubdirectory("tml");
        try
        {
            var path = Path.Combine(dir.FullName, "a.tml");
            File.WriteAllText(path, """
                <?xml version="1.0" ?>
                <TimeML>
                <DCT><TIMEX3 tid="t0" type="DATE" value="2025-10-17" functionInDocument="CREATION_TIME">10/17/2025</TIMEX3></DCT>
                <TEXT>
                Rebels &amp; troops <EVENT eid="e1">clashed</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-10-16">Thursday</TIMEX3>, and talks lasted <TIMEX3 tid="t2" type="DURATION" value="PT2H">two hours</TIMEX3>.
                </TEXT>
                </TimeML>
                """);
            var tml = TimexEvaluator.Read(path)!;
            Assert.Equal(new DateOnly(2025, 10, 17), tml.Dct);
            Assert.Equal(2, tml.Gold.Count);
            Assert.All(tml.Gold, g => Assert.Equal(g.Text, tml.Text[g.Start..g.End]));
            Assert.Contains("Rebels & troops clashed Thursday", tml.Text);

            var scores = TimexEvaluator.Evaluate(dir.FullName);
            Assert.Equal(2, scores.Gold);
            Assert.Equal(2, scores.Predicted);
            Assert.Equal(1.0, scores.StrictF1);
            Assert.Equal(1.0, scores.ValueF1);
            Assert.Equal(1.0, scores.TypeAccuracy);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Score_RelaxedIsOneToOne_AndValueNeedsEqualValue()
    {
        GoldTimex[] gold = [new(0, 10, "last week", "DATE", "2025-W41"), new(20, 25, "today", "DATE", "2025-10-17")];
        TimeExpression[] predicted =
        [
            new("last", "DATE", "2025-W41", 0, 4, 0),
            new("week", "DATE", "2025-W41", 5, 10, 0),
            new("today", "TIME", "2025-10-18", 20, 25, 0),
        ];
        var (g, p, strict, relaxed, value, type) = TimexEvaluator.Score(gold, predicted);
        Assert.Equal((2, 3, 1, 2, 1, 1), (g, p, strict, relaxed, value, type));
    }
}
