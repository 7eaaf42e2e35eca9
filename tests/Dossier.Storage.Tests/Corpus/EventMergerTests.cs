using Dossier.Core.Documents;
using Dossier.Storage.Corpus;

namespace Dossier.Storage.Tests.Corpus;

public class EventMergerTests
{
    private static readonly DateOnly Day = new(2025, 10, 16);

    private static CorpusEventCandidate Candidate(long id, string? date, DateOnly? first = null, DateOnly? last = null) => new(id, date, first, last ?? first);

    [Theory]
    [InlineData("2025-10-16", true)]
    [InlineData("2025-10-17", true)]
    [InlineData("2025-10-15T09:00", true)]
    [InlineData("2025-10-18", false)]
    [InlineData("2025-10", false)]
    public void DatesAgree_DatedMentions_WithinOneDay(string candidateDate, bool expected)
    {
        Assert.Equal(expected, EventMerger.DatesAgree("2025-10-16", Day, Candidate(1, candidateDate, Day)));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(-3, true)]
    [InlineData(4, false)]
    public void DatesAgree_BothUndated_WithinThreeDaysOfPublication(int days, bool expected)
    {
        Assert.Equal(expected, EventMerger.DatesAgree(null, Day.AddDays(days), Candidate(1, null, Day)));
    }

    [Fact]
    public void DatesAgree_OneDatedOneUndated_Disagree()
    {
        Assert.False(EventMerger.DatesAgree(null, Day, Candidate(1, "2025-10-16", Day)));
        Assert.False(EventMerger.DatesAgree("2025-10-16", Day, Candidate(1, null, Day)));
    }

    [Fact]
    public void DatesAgree_SameMonthValue_Agree()
    {
        Assert.True(EventMerger.DatesAgree("2025-11", Day, Candidate(1, "2025-11", Day.AddDays(20))));
        Assert.False(EventMerger.DatesAgree("2025-11", Day, Candidate(1, "2025-12", Day)));
    }

    [Fact]
    public void Agree_TwoMentions_IsSymmetric()
    {
        var dated = new EventMention("2025-10-16", Day, "occurred");
        var nextDay = new EventMention("2025-10-17", Day, "planned");
        var undated = new EventMention(null, Day, "occurred");

        Assert.True(EventMerger.Agree(dated, nextDay));
        Assert.True(EventMerger.Agree(nextDay, dated));
        Assert.False(EventMerger.Agree(dated, undated));
        Assert.False(EventMerger.Agree(undated, dated));
    }

    [Fact]
    public void Agree_DatesTwoDaysApart_Disagree()
    {
        Assert.False(EventMerger.Agree(new EventMention("2025-10-16", Day, null), new EventMention("2025-10-18", Day, null)));
    }

    [Fact]
    public void MostAdvanced_Statuses_IsTheSameInAnyOrder()
    {
        Assert.Equal("occurred", EventMerger.MostAdvanced(["planned", "occurred", "possible"]));
        Assert.Equal("occurred", EventMerger.MostAdvanced(["occurred", "possible", "planned"]));
    }

    [Theory]
    [InlineData("planned", "occurred", "occurred")]
    [InlineData("occurred", "planned", "occurred")]
    [InlineData("requested", "possible", "possible")]
    [InlineData("possible", "planned", "planned")]
    [InlineData("alleged", "occurred", "occurred")]
    [InlineData("planned", "alleged", "alleged")]
    public void MoreAdvanced_TwoStatuses_KeepsTheFurthestAlong(string current, string candidate, string expected)
    {
        Assert.Equal(expected, EventMerger.MoreAdvanced(current, candidate));
    }

    [Theory]
    [InlineData("occurred", "affirmative")]
    [InlineData("planned", "affirmative")]
    [InlineData("negated", "negated")]
    [InlineData("refused", "refused")]
    public void StatusClass_NegatedAndRefused_StaySeparate(string status, string expected)
    {
        Assert.Equal(expected, EventMerger.StatusClass(status));
    }

    [Fact]
    public void Agree_UndatedAllegedAndOccurred_OneEventButNotWithAPlan()
    {
        var day = new DateOnly(2025, 3, 3);
        Assert.Equal("affirmative", EventMerger.StatusClass("alleged"));
        Assert.True(EventMerger.Agree(new EventMention(null, day, "alleged"), new EventMention(null, day, "occurred")));
        Assert.False(EventMerger.Agree(new EventMention(null, day, "alleged"), new EventMention(null, day, "planned")));
    }

    [Fact]
    public void KeyOf_ActorsInAnyOrder_GiveOneKey()
    {
        var a = new Event("v1", "CONSULT", "040", 1, 1, "occurred", new EventSpan("met", 0, 3), 0)
        {
            Source = [new EventActor("Zelensky", "e1", null, null, null), new EventActor("Ukrainian officials", null, "UKR", "GOV", "UKRGOV")],
            Target = [new EventActor("Trump", "e2", null, null, null)],
        };
        var b = a with { Source = [a.Source[1], a.Source[0]] };
        var corpus = new Dictionary<string, long> { ["e1"] = 10, ["e2"] = 20 };

        var keyA = EventMerger.KeyOf(a, id => corpus.TryGetValue(id, out var c) ? c : null);
        var keyB = EventMerger.KeyOf(b, id => corpus.TryGetValue(id, out var c) ? c : null);

        Assert.Equal(keyA, keyB);
        Assert.Equal("c:UKRGOV|e:10", keyA.SourceKey);
        Assert.Equal("e:20", keyA.TargetKey);
        Assert.True(keyA.IsMergeable);
    }

    [Fact]
    public void KeyOf_OnlyActorsWithoutEntityOrCode_IsNotMergeable()
    {
        var e = new Event("v1", "CONSULT", "040", 1, 1, "planned", new EventSpan("meet", 0, 4), 0)
        {
            Source = [new EventActor("They", null, null, null, null)],
            Target = [new EventActor("officials", null, null, null, null)],
        };

        Assert.False(EventMerger.KeyOf(e, _ => null).IsMergeable);
        Assert.Null(EventMerger.ActorKey(e.Source[0], null));
    }

    [Fact]
    public void KeyOf_NoActors_IsNotMergeable()
    {
        var e = new Event("v1", "PROTEST", "140", 3, -6.5, "occurred", new EventSpan("protested", 0, 9), 0);

        Assert.False(EventMerger.KeyOf(e, _ => null).IsMergeable);
    }

    [Theory]
    [InlineData("https://www.reuters.com/world/a", null, "reuters.com")]
    [InlineData("feeds/apnews.xml#item=3", "https://apnews.com/article/x", "apnews.com")]
    [InlineData("samples/court-brief.jsonl#line=3", null, "samples/court-brief.jsonl")]
    public void SourceOf_Metadata_IsTheHostElseThePath(string source, string? url, string expected)
    {
        Assert.Equal(expected, EventMerger.SourceOf(new DocumentMetadata(null, source, null, url)));
    }

    [Theory]
    [InlineData("2025-10-16", "2025-10-16")]
    [InlineData("2025-10-16T14:00", "2025-10-16")]
    [InlineData("2025-W42", null)]
    [InlineData("2025-10", null)]
    [InlineData("PRESENT_REF", null)]
    [InlineData(null, null)]
    public void DayOf_TimexValue_IsItsDayWhenItNamesOne(string? value, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), EventMerger.DayOf(value));
    }

    [Theory]
    [InlineData(null, "possible", "occurred", false)]
    [InlineData(null, "planned", "possible", true)]
    [InlineData(null, "occurred", "occurred", true)]
    [InlineData("2025-10-16", "planned", "occurred", true)]
    public void Agree_UndatedMentionsOfDifferentTense_StayApart(string? date, string status, string otherStatus, bool merged)
    {
        Assert.Equal(merged, EventMerger.Agree(new EventMention(date, Day, status), new EventMention(date, Day, otherStatus)));
    }

    [Theory]
    [InlineData("cancelled", -4, true)]
    [InlineData("postponed", 20, true)]
    [InlineData("cancelled", 60, false)]
    public void Agree_ChangeOfPlanAndTheDatedPlan_OneEventWithinTheWindow(string change, int publishedAfterPlanDay, bool merged)
    {
        var plan = new EventMention("2025-10-16", Day.AddDays(-10), "planned");
        var report = new EventMention(null, Day.AddDays(publishedAfterPlanDay), change);
        Assert.Equal(merged, EventMerger.Agree(plan, report));
        Assert.Equal(merged, EventMerger.Agree(report, plan));
    }

    [Fact]
    public void TypeOf_PlannedStatedIntention_IsTheIntendedActsType()
    {
        var will = new Event("v1", "AGREE", "036", 1, 4.0, "planned", new EventSpan("meet", 0, 4), 0)
        {
            Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("intended", "CONSULT/040"),
        };
        Assert.Equal("CONSULT", EventMerger.TypeOf(will));
        Assert.Equal("AGREE", EventMerger.TypeOf(will with { Status = "occurred" }));
        Assert.Equal("AGREE", EventMerger.TypeOf(will with { Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty }));
    }
}
