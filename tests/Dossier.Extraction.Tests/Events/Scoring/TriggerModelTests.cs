using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Scoring;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>The trigger model: its arithmetic and file format on a hand-made model, how it is combined with the rule
/// coder, and the shipped model on sentences written for the failure patterns of issue 13.</summary>
public sealed class TriggerModelTests
{
    private static TriggerModel Small(double veto = 0.1, double propose = 0.5, double vetoEvent = 0) => new(
        [TriggerModel.NoneClass, "ASSAULT", "CONSULT"],
        new Dictionary<string, double[]> { ["l=strike"] = [0, 3, 0], ["l=chat"] = [0, 0, 2.5] },
        [1, -1, -1], veto, propose, vetoEvent);

    [Fact]
    public void Probabilities_AnyFeatures_SumToOneAndFollowTheWeights()
    {
        var model = Small();

        var plain = model.Probabilities(["unseen"]);
        var strike = model.Probabilities(["l=strike"]);

        Assert.Equal(1, plain.Sum(), 9);
        Assert.Equal(1, strike.Sum(), 9);
        Assert.True(plain[0] > plain[1]);
        Assert.True(strike[1] > strike[0]);
    }

    [Fact]
    public void SaveThenLoad_RoundTrip_SameProbabilitiesAndThresholds()
    {
        var model = Small(0.05, 0.4, 0.2);
        var path = Path.Combine(Path.GetTempPath(), "dossier-trigger-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            model.Save(path, ["test"]);
            var loaded = TriggerModel.Load(path);

            Assert.Equal(model.Classes, loaded.Classes);
            Assert.Equal(0.05, loaded.Veto);
            Assert.Equal(0.2, loaded.VetoEvent);
            Assert.Equal(0.4, loaded.Propose);
            Assert.Equal(model.Probabilities(["l=chat"])[2], loaded.Probabilities(["l=chat"])[2], 3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_WrongNumberOfWeights_NamesTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-trigger-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            File.WriteAllText(path, "@classes\tNONE\tASSAULT\n@veto\t0.1\n@veto-event\t0\n@propose\t0.5\n@bias\t1\t0\nl=x\t1\n");

            var e = Assert.Throws<DataFileException>(() => TriggerModel.Load(path));

            Assert.Contains(":6", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_CrLfCommentsAndSpacesAroundColumns_ReadAsTsvFileReadsThem()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-trigger-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            File.WriteAllText(path, "# a model\r\n@classes\t NONE \tASSAULT\r\n\r\n  # indented comment\r\n@veto\t0.1\t(ignored)\r\n"
                + "@veto-event\t0\r\n@propose\t 0.5\r\n@bias\t1\t-1\r\n l=hit \t0\t 2.5e0 \r\nl=x\t0\t0");

            var model = TriggerModel.Load(path);

            Assert.Equal(new[] { TriggerModel.NoneClass, "ASSAULT" }, model.Classes);
            Assert.Equal(0.1, model.Veto);
            Assert.Equal(0.5, model.Propose);
            var hit = model.Probabilities(["l=hit"]);
            Assert.Equal(1 / (1 + Math.Exp(1.5 - 1)), hit[0], 9); // NONE: bias 1; ASSAULT: bias -1 + 2.5
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_NotANumber_NamesTheLineAndTheText()
    {
        var path = Path.Combine(Path.GetTempPath(), "dossier-trigger-" + Guid.NewGuid().ToString("N") + ".tsv");
        try
        {
            File.WriteAllText(path, "@classes\tNONE\tASSAULT\n@veto\t0.1\n@veto-event\t0\n@propose\t0.5\n@bias\t1\t0\nl=x\t1\tNaN\n");

            var e = Assert.Throws<DataFileException>(() => TriggerModel.Load(path));

            Assert.Contains(":6", e.Message, StringComparison.Ordinal);
            Assert.Contains("'NaN' is not a number", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Event Ev(string type, int start) =>
        new("", type, "190", 4, -10, "occurred", new EventSpan("x", start, start + 1), 0);

    [Fact]
    public void Select_RuleEventTheModelDoubts_IsDroppedAndAConfidentProposalAdded()
    {
        var doubted = new TriggerCall(Ev("ASSAULT", 0), 0, -1, 0.03, true, 0.5);
        var trusted = new TriggerCall(Ev("CONSULT", 10), 2, -1, 0.6, true, 0.7);
        var proposed = new TriggerCall(Ev("COERCE", 20), 4, 2, 0.7, false, 0.8);
        var weak = new TriggerCall(Ev("AID", 30), 6, 2, 0.3, false, 0.4);

        var kept = TriggerDecisions.Select([doubted, trusted, proposed, weak], 0.1, 0, 0.5);

        Assert.Equal(["CONSULT", "COERCE"], kept.Select(e => e.Type));
        Assert.Equal(0.7, kept[1].Confidence);
    }

    [Fact]
    public void Select_ProposalNextToAKeptEventOfItsType_IsNotAddedTwice()
    {
        var rule = new TriggerCall(Ev("CONSULT", 0), 1, -1, 0.8, true, 0.9);   // "talks", anchored by the rules
        var verb = new TriggerCall(Ev("CONSULT", 5), 0, 1, 0.9, false, 0.9);   // "held", whose child is "talks"

        Assert.Single(TriggerDecisions.Select([rule, verb], 0.1, 0, 0.5));
    }

    private static IReadOnlyList<Event> Events(string text) => EventFixture.AnalyseWithTriggers(text).Events;

    // General verbs that report no interaction between political actors.
    [Theory]
    [InlineData("The harvest festival will end on Sunday after three days of music.")]
    [InlineData("The new railway helped farmers get their crops to market faster.")]
    [InlineData("Her second novel failed to find many readers outside the city.")]
    [InlineData("Heavy snow closed the mountain roads on Tuesday.")] // a thing as the subject: the model proposed COERCE here
    [InlineData("The shares of the bank closed lower on Friday.")]
    public void Process_GeneralVerbWithoutAnInteraction_NoEvent(string text)
    {
        var events = Events(text);

        Assert.True(events.Count == 0, string.Join("; ", events.Select(e => e.Type + " " + e.Trigger.Text)));
    }

    // Noun triggers and multi-word acts.
    [Theory]
    [InlineData("The arrest of the opposition leader by the police angered his supporters.", "COERCE")]
    [InlineData("Rebels launched an attack on an army base near the border on Tuesday.", "ASSAULT")]
    [InlineData("The foreign minister called on both parties to return to the negotiating table.", "REQUEST")]
    [InlineData("Soldiers opened fire on demonstrators outside the parliament building.", "ASSAULT")] // the rules alone find no event here
    public void Process_NounOrMultiWordAct_EventOfItsType(string text, string type)
    {
        var events = Events(text);

        Assert.True(events.Any(e => e.Type == type), $"expected {type}; got " + string.Join("; ", events.Select(e => e.Type + " " + e.Trigger.Text)));
    }
}
