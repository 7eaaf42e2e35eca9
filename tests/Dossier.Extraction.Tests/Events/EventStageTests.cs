using Dossier.Core.Documents;
using Dossier.Extraction.Events;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Events;

public sealed class EventStageTests
{
    private static readonly Ent Gondor = new("Gondor", "GPE", "GND");
    private static readonly Ent Arnor = new("Arnor", "GPE", "ARN");
    private static readonly Ent Mordor = new("Mordor", "GPE", "MOR");
    private static readonly Ent Rohan = new("Rohan", "GPE", "ROH");

    private static Document Run(string text, Ent[]? entities = null, Tx[]? times = null, Val[]? values = null, DateOnly? published = null)
    {
        var doc = EventFixture.Analyse(text, entities, times, values, published ?? new DateOnly(2025, 10, 17));
        OffsetAssert.Valid(doc);
        return doc;
    }

    private static Event Single(Document doc, string type)
    {
        var events = doc.Events.Where(e => e.Type == type).ToList();
        Assert.True(events.Count == 1, $"expected one {type} event\n{EventFixture.Dump(doc)}");
        return events[0];
    }

    [Fact]
    public void Process_Meeting_SourceTargetLocationAndDate()
    {
        var doc = Run("The defence minister met the president of Arnor in Fornost on Monday.",
            [new Ent("Fornost", "GPE", "ARN"), Arnor],
            [new Tx("Monday", "DATE", "2025-10-13")]);
        var e = Single(doc, "CONSULT");
        Assert.Equal("occurred", e.Status);
        Assert.Equal("met", e.Trigger.Text);
        Assert.Contains(e.Source, a => a.Text.Contains("minister", StringComparison.Ordinal));
        Assert.Contains(e.Target, a => a.Text.Contains("president", StringComparison.Ordinal) && a.Country == "ARN");
        Assert.Equal("Fornost", e.Location?.Text);
        Assert.Equal("2025-10-13", e.Date?.Value);
        Assert.Equal(1, e.QuadClass);
        Assert.Equal(0, e.Sentence);
        Assert.Equal(doc.Text, e.Evidence);
        Assert.InRange(e.Confidence, 0, 1);
        Assert.Equal("v1", e.Id);
    }

    [Fact]
    public void Process_CoordinatedSubjects_OneSymmetricEventWithBothSources()
    {
        var doc = Run("Gondor and Arnor met in Bree last week.", [Gondor, Arnor, new Ent("Bree", "GPE", "ERI")]);
        var e = Single(doc, "CONSULT");
        Assert.Equal(["GND", "ARN"], e.Source.Select(a => a.Country));
        Assert.Empty(e.Target);
        Assert.Equal("Bree", e.Location?.Text);
    }

    [Fact]
    public void Process_PlannedSummitWithPartner_PlannedOrPossibleConsult()
    {
        var doc = Run("Gondor plans a summit with Arnor in Annuminas.", [Gondor, Arnor, new Ent("Annuminas", "GPE", "ARN")]);
        var e = doc.Events.Single(e => e.Trigger.Text == "summit");
        Assert.Contains(e.Status, new[] { "planned", "possible" });
        Assert.Equal("GND", Assert.Single(e.Source).Country);
        Assert.Equal("ARN", Assert.Single(e.Target).Country);
        Assert.Equal("Annuminas", e.Location?.Text);
    }

    [Fact]
    public void Process_PossibleSummit_Possible()
    {
        var doc = Run("The king of Gondor is planning a possible summit with Arnor.", [Gondor, Arnor]);
        Assert.Equal("possible", doc.Events.Single(e => e.Trigger.Text == "summit").Status);
    }

    [Fact]
    public void Process_Urged_OneRequestCarryingTheRequestedAct()
    {
        var doc = Run("Gondor urged Mordor to withdraw its troops from Ithilien.", [Gondor, Mordor]);
        var request = Single(doc, "REQUEST");
        Assert.Equal("GND", Assert.Single(request.Source).Country);
        Assert.Equal("MOR", Assert.Single(request.Target).Country);
        Assert.StartsWith("RETREAT/", request.Attributes["requested"], StringComparison.Ordinal);
        Assert.DoesNotContain(doc.Events, e => e.Trigger.Text == "withdraw");
    }

    [Fact]
    public void Process_DidNotMeet_Negated()
    {
        var doc = Run("Gondor did not meet Arnor.", [Gondor, Arnor]);
        Assert.Equal("negated", Single(doc, "CONSULT").Status);
    }

    [Fact]
    public void Process_RefusedToSign_Refused()
    {
        var doc = Run("Arnor refused to sign the treaty with Gondor.", [Gondor, Arnor]);
        var reject = Single(doc, "REJECT");
        Assert.Equal("ARN", Assert.Single(reject.Source).Country);
        Assert.Contains(doc.Events, e => e.Status == "refused" && e.Trigger.Text is "sign" or "treaty");
    }

    [Fact]
    public void Process_MaySanction_Possible()
    {
        var doc = Run("Gondor may impose sanctions on Mordor.", [Gondor, Mordor]);
        var e = doc.Events.Single(e => e.Cameo.StartsWith("163", StringComparison.Ordinal));
        Assert.Equal("possible", e.Status);
        Assert.Equal("GND", Assert.Single(e.Source).Country);
        Assert.Equal("MOR", Assert.Single(e.Target).Country);
    }

    [Fact]
    public void Process_PleadedNotGuilty_DefendantRejectsChargesWithCountAndCharge()
    {
        var doc = Run("Grima pleaded not guilty to 12 counts of fraud.", [new Ent("Grima", "PERSON", "ROH")], values: [new Val("12", "CARDINAL", 12, null)]);
        Assert.DoesNotContain(doc.Events, e => e.Type == "COERCE" && e.Target.Any(a => a.Text == "Grima"));
        var e = Single(doc, "REJECT");
        Assert.Equal("occurred", e.Status);
        Assert.Equal("Grima", Assert.Single(e.Source).Text);
        Assert.Equal("12", e.Attributes["count"]);
        Assert.Equal("fraud", e.Attributes["charge"]);
    }

    [Fact]
    public void Process_PleadedGuilty_Concedes()
    {
        var doc = Run("Lotho pleaded guilty to theft.", [new Ent("Lotho", "PERSON", "SHI")]);
        Assert.Equal("Lotho", Assert.Single(Single(doc, "CONCEDE").Source).Text);
    }

    [Fact]
    public void Process_AppearedInCourt_DefendantIsTargetOfLegalAction()
    {
        var doc = Run("Grima appeared in court in Edoras on charges of treason.", [new Ent("Grima", "PERSON", "ROH"), new Ent("Edoras", "GPE", "ROH")]);
        var e = Single(doc, "COERCE");
        Assert.Equal("173", e.Cameo);
        Assert.Empty(e.Source);
        Assert.Equal("Grima", Assert.Single(e.Target).Text);
        Assert.Equal("Edoras", e.Location?.Text);
    }

    [Fact]
    public void Process_ReleasedOnBailAndTrialSet_ReleaseIsNoRetreatAndTrialIsPlannedOnItsDate()
    {
        var doc = Run("Grima was released on bail, and his trial is set for November 21.",
            [new Ent("Grima", "PERSON", "ROH", null, "his")],
            [new Tx("November 21", "DATE", "2025-11-21")]);
        Assert.DoesNotContain(doc.Events, e => e.Type == "RETREAT");
        var release = doc.Events.Single(e => e.Trigger.Text == "released");
        Assert.Equal("COERCE", release.Type);
        Assert.Equal("occurred", release.Status);
        Assert.Null(release.Date);
        var trial = doc.Events.Single(e => e.Trigger.Text == "trial");
        Assert.Equal("planned", trial.Status);
        Assert.Equal("2025-11-21", trial.Date?.Value);
        Assert.True(trial.Target.Length == 1 && trial.Target[0].Text == "Grima", EventFixture.Dump(doc));
    }

    [Fact]
    public void Process_PronounLinkedToEntity_ActorTextIsCanonicalName()
    {
        var doc = Run("Grima Wormtongue reached Isengard. He met the king of Rohan.",
            [new Ent("Grima Wormtongue", "PERSON", "ROH", null, "He"), Rohan]);
        var e = Single(doc, "CONSULT");
        Assert.Equal("Grima Wormtongue", Assert.Single(e.Source).Text);
    }

    [Fact]
    public void Process_SaidMustWithdraw_DemandBySpeakerOnSubject()
    {
        var doc = Run("Gondor said Mordor must withdraw its troops from Ithilien.", [Gondor, Mordor]);
        var demand = Single(doc, "REQUEST");
        Assert.Equal("100", demand.Cameo);
        Assert.Equal("GND", Assert.Single(demand.Source).Country);
        Assert.Equal("MOR", Assert.Single(demand.Target).Country);
        Assert.Equal("requested", doc.Events.Single(e => e.Trigger.Text == "withdraw").Status);
    }

    [Fact]
    public void Process_WillUnless_Threat()
    {
        var doc = Run("Gondor will withdraw its envoy from Mordor unless Mordor frees the prisoners.", [Gondor, Mordor]);
        var e = doc.Events.Single(e => e.Trigger.Text == "withdraw");
        Assert.Equal("THREATEN", e.Type);
        Assert.Equal("GND", e.Source[0].Country);
    }

    [Fact]
    public void Process_WillingToWithdraw_StatedIntention()
    {
        var doc = Run("Arnor is willing to withdraw its troops from Rohan.", [Arnor, Rohan]);
        var e = doc.Events.Single(e => e.Trigger.Text == "withdraw");
        Assert.Equal("AGREE", e.Type);
        Assert.Equal("planned", e.Status);
    }

    [Fact]
    public void Process_ReturnedForTalks_NoRetreatButTalks()
    {
        var doc = Run("Envoys of Gondor returned to Bree for talks with Arnor.", [Gondor, Arnor, new Ent("Bree", "GPE", "ERI")]);
        Assert.DoesNotContain(doc.Events, e => e.Type == "RETREAT");
        var talks = doc.Events.Single(e => e.Trigger.Text == "talks");
        Assert.Equal("CONSULT", talks.Type);
        Assert.Equal("ARN", Assert.Single(talks.Target).Country);
    }

    [Fact]
    public void Process_ExpelledDiplomats_Sanction()
    {
        var doc = Run("Gondor expelled two diplomats of Mordor.", [Gondor, Mordor]);
        var e = Single(doc, "SANCTION");
        Assert.Equal("GND", Assert.Single(e.Source).Country);
    }

    [Fact]
    public void Process_RejectedProposal_RejectEventBesideTheRefusedProposal()
    {
        var doc = Run("Arnor rejected a proposal from Gondor.", [Gondor, Arnor]);
        Assert.Equal("ARN", Assert.Single(Single(doc, "REJECT").Source).Country);
    }

    [Fact]
    public void Process_TimeAheadOfElections_NotTheEventDate()
    {
        var doc = Run("Aragorn urged the Rangers to act ahead of the 2026 elections.",
            [new Ent("Aragorn", "PERSON", "ARN"), new Ent("Rangers", "ORG", "ARN")],
            [new Tx("2026", "DATE", "2026")]);
        Assert.Null(Single(doc, "REQUEST").Date);
    }

    [Fact]
    public void Process_VagueTime_NotTheEventDate()
    {
        var doc = Run("Gondor plans a summit with Arnor in the future.", [Gondor, Arnor], [new Tx("the future", "DATE", "FUTURE_REF")]);
        Assert.Null(doc.Events.Single(e => e.Trigger.Text == "summit").Date);
    }

    [Fact]
    public void Process_CallWithDuration_DurationAndDate()
    {
        var doc = Run("Aragorn held a three-hour call with Denethor on Thursday.",
            [new Ent("Aragorn", "PERSON", "ARN"), new Ent("Denethor", "PERSON", "GND")],
            [new Tx("three-hour", "DURATION", "PT3H"), new Tx("Thursday", "DATE", "2025-10-16")]);
        var e = Single(doc, "CONSULT");
        Assert.Equal("call", e.Trigger.Text);
        Assert.Equal("phone", e.Mode);
        Assert.Equal("PT3H", e.Attributes["duration"]);
        Assert.Equal("2025-10-16", e.Date?.Value);
        Assert.Equal("Aragorn", Assert.Single(e.Source).Text);
        Assert.Equal("Denethor", Assert.Single(e.Target).Text);
    }

    [Fact]
    public void Process_FutureDate_Planned()
    {
        var doc = Run("Gondor meets Arnor on November 21.", [Gondor, Arnor], [new Tx("November 21", "DATE", "2025-11-21")]);
        Assert.Equal("planned", Single(doc, "CONSULT").Status);
    }

    [Fact]
    public void Process_ReportedSpeech_SpeakerAttribute()
    {
        var doc = Run("Arnor attacked a convoy near Bree, the minister said.", [Arnor, new Ent("Bree", "GPE", "ERI")]);
        var e = Single(doc, "ASSAULT");
        Assert.Equal("minister", e.Attributes["speaker"]);
        Assert.Equal("Bree", e.Location?.Text);
    }

    [Fact]
    public void Process_MoneyAndWeapon_Attributes()
    {
        var doc = Run("Gondor delivered Palantir drones worth $2 billion to Rohan.",
            [Gondor, Rohan, new Ent("Palantir", "PRODUCT")],
            values: [new Val("$2 billion", "MONEY", 2_000_000_000m, "USD")]);
        var e = Single(doc, "AID");
        Assert.Equal("ROH", Assert.Single(e.Target).Country);
        Assert.Equal("2000000000 USD", e.Attributes["amount"]);
        Assert.Equal("Palantir", e.Attributes["weapon"]);
    }

    [Fact]
    public void Process_StatedIntentionToCooperate_CodedAsAgree()
    {
        var doc = Run("Gondor will send food aid to Rohan.", [Gondor, Rohan]);
        var e = Single(doc, "AGREE");
        Assert.Equal("planned", e.Status);
        Assert.StartsWith("AID/", e.Attributes["intended"], StringComparison.Ordinal);
    }

    [Fact]
    public void Process_Passive_AgentIsSource()
    {
        var doc = Run("The envoy of Arnor was expelled by Mordor.", [Arnor, Mordor]);
        var e = doc.Events.Single(e => e.Trigger.Text == "expelled");
        Assert.Equal("MOR", Assert.Single(e.Source).Country);
        Assert.Contains(e.Target, a => a.Text.Contains("envoy", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_NonEntityActor_TextWithoutCodes()
    {
        var doc = Run("Officials met protesters.", []);
        var e = Single(doc, "CONSULT");
        Assert.Equal("Officials", Assert.Single(e.Source).Text);
        Assert.Null(e.Source[0].Entity);
        Assert.Null(e.Source[0].Code);
    }

    [Theory]
    [InlineData("The weather was sunny and warm across the north.")]
    [InlineData("Prices of wheat rose sharply in the spring.")]
    public void Process_NoInteraction_NoEvent(string text)
    {
        Assert.Empty(Run(text, [Gondor]).Events);
    }

    [Fact]
    public void Process_EmptyDocument_NoEvents()
    {
        var doc = new EventStage(EventFixture.Lexicon).Process(new Document("", new DocumentMetadata(null, "t", null)));
        Assert.Empty(doc.Events);
    }

    [Fact]
    public void Process_NoSyntaxLayer_NoEvents()
    {
        var doc = new Document("Gondor attacked Mordor.", new DocumentMetadata(null, "t", null));
        doc = new Dossier.Nlp.Tokenization.TokenizationStage().Process(doc);
        Assert.Empty(new EventStage(EventFixture.Lexicon).Process(doc).Events);
    }

    [Fact]
    public void Process_FiveHundredTokenSentence_NoException()
    {
        var text = "Gondor met Arnor " + string.Join(" ", Enumerable.Repeat("and Rohan", 250)) + ".";
        var doc = Run(text, [Gondor, Arnor, Rohan]);
        Assert.True(doc.Tokens.Length >= 500);
        Assert.All(doc.Events, e => Assert.InRange(e.Confidence, 0, 1));
    }

    [Fact]
    public void Process_BrokenHeads_NoException()
    {
        var doc = EventFixture.Parse("Gondor attacked Mordor.");
        doc = doc with { Tokens = [.. doc.Tokens.Select((t, i) => t with { Head = i == 0 ? 99 : t.Head })] };
        var result = new EventStage(EventFixture.Lexicon).Process(doc);
        Assert.False(result.Events.IsDefault);
    }
}
