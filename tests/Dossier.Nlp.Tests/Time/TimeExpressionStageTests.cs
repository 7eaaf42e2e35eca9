using Dossier.Core.Documents;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;
using static Dossier.Nlp.Tests.Time.TimeTestHelper;

namespace Dossier.Nlp.Tests.Time;

public sealed class TimeExpressionStageTests
{
    [Fact]
    public void Stage_Name_IsTimes()
    {
        Assert.Equal("times", new TimeExpressionStage().Name);
        Assert.Equal("times", new TimeExpressionStage(new TimeExpressionOptions()).Name);
    }

    // ----- absolute dates -----
    [Theory]
    [InlineData("The ceasefire was signed on October 17, 2025 in Doha.", "October 17, 2025")]
    [InlineData("The ceasefire was signed on 17 October 2025 in Doha.", "17 October 2025")]
    [InlineData("The ceasefire took effect on 2025-10-17, officials said.", "2025-10-17")]
    [InlineData("Filed 10/17/2025 in federal court, the suit names three banks.", "10/17/2025")]
    [InlineData("THE CEASEFIRE WAS SIGNED ON OCTOBER 17, 2025 IN DOHA.", "OCTOBER 17, 2025")]
    [InlineData("the ceasefire was signed on october 17, 2025 in doha.", "october 17, 2025")]
    public void AbsoluteDate_AnyAnchorOrNone_IsResolved(string text, string span)
    {
        Expect(text, Tuesday, span, "DATE", "2025-10-17");
        Expect(text, null, span, "DATE", "2025-10-17");
    }

    [Fact]
    public void AbbreviatedMonthDay_PastSentence_TakesAnchorYear()
    {
        Expect("Troops crossed the border on Oct. 17, the ministry said.", Friday, "Oct. 17", "DATE", "2025-10-17");
    }

    [Fact]
    public void MonthDay_FutureSentence_IsTheComingOne()
    {
        Expect("The summit will open on November 21 in Nairobi.", Friday, "November 21", "DATE", "2025-11-21");
        // Seen from March 2026, a future "October 2" is later in 2026.
        Expect("The court is scheduled to rule on October 2, lawyers said.", Tuesday, "October 2", "DATE", "2026-10-02");
    }

    [Fact]
    public void MonthDay_NoFutureCue_IsTheNearestToTheAnchor()
    {
        Expect("Protesters gathered in the capital on November 21.", new DateOnly(2026, 1, 10), "November 21", "DATE", "2025-11-21");
        Expect("Protesters gathered in the capital on December 30.", new DateOnly(2026, 1, 2), "December 30", "DATE", "2025-12-30");
    }

    [Fact]
    public void MonthDay_WithoutAnchor_IsUnderspecified()
    {
        Expect("Protesters gathered in the capital on November 21.", null, "November 21", "DATE", "XXXX-11-21");
    }

    [Fact]
    public void MonthYearAndYear_AreDates()
    {
        Expect("The mine closed in March 2019 after a flood.", Friday, "March 2019", "DATE", "2019-03");
        Expect("The party was founded in 1994 by exiles.", Friday, "1994", "DATE", "1994");
    }

    [Fact]
    public void FourDigitCounts_AreNotYears()
    {
        var times = Times("Police said 2000 people marched, and 1,994 ballots were lost.", Friday);
        Assert.Empty(times);
    }

    [Fact]
    public void DecadesAndCenturies_UseTimeMLPrefixes()
    {
        Expect("The militia was formed in the 1990s.", Friday, "1990s", "DATE", "199");
        Expect("Tariffs like these were last seen in the 20th century.", Friday, "the 20th century", "DATE", "19");
    }

    // ----- weekdays -----
    [Fact]
    public void Weekday_PastSentence_IsTheMostRecentBeforeTheAnchor()
    {
        Expect("Rebels attacked the convoy on Thursday, officials said.", Friday, "Thursday", "DATE", "2025-10-16");
        Expect("Rebels attacked the convoy on Thursday, officials said.", Tuesday, "Thursday", "DATE", "2026-02-26");
    }

    [Fact]
    public void Weekday_FutureSentence_IsTheNextOne()
    {
        Expect("The ministers will meet on Thursday in Geneva.", Friday, "Thursday", "DATE", "2025-10-23");
        Expect("The ministers will meet on Thursday in Geneva.", Tuesday, "Thursday", "DATE", "2026-03-05");
    }

    [Fact]
    public void Weekday_SameDayAsAnchor_InPastSentence_IsTheAnchor()
    {
        Expect("The bank said on Friday that profits fell.", Friday, "Friday", "DATE", "2025-10-17");
    }

    [Fact]
    public void Weekday_UsesXposWhenTagged()
    {
        var text = "Delegates meet on Thursday in Geneva.";
        var tokens = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "t", Friday)));
        // A tagger that reads "meet" as a past form (VBD) decides the tense.
        var tagged = tokens with { Tokens = [.. tokens.Tokens.Select(t => text[t.Start..t.End] == "meet" ? t with { Xpos = "VBD" } : t)] };
        var past = new TimeExpressionStage().Process(tagged);
        OffsetAssert.Valid(past);
        Assert.Equal("2025-10-16", past.Times.Single().Value);
        var modal = "Delegates will meet on Thursday.";
        var modalDoc = new TokenizationStage().Process(new Document(modal, new DocumentMetadata(null, "t", Friday)));
        modalDoc = modalDoc with { Tokens = [.. modalDoc.Tokens.Select(t => modal[t.Start..t.End] == "will" ? t with { Xpos = "MD" } : t with { Xpos = "NN" })] };
        Assert.Equal("2025-10-23", new TimeExpressionStage().Process(modalDoc).Times.Single().Value);
    }

    [Fact]
    public void LastAndNextWeekday_AreStrictlyBeforeOrAfter()
    {
        Expect("The envoy arrived last Friday.", Friday, "last Friday", "DATE", "2025-10-10");
        Expect("The envoy arrives next Monday.", Friday, "next Monday", "DATE", "2025-10-20");
    }

    // ----- relative dates -----
    [Theory]
    [InlineData("Voting ended today.", "today", "DATE", "2025-10-17")]
    [InlineData("Voting ended yesterday.", "yesterday", "DATE", "2025-10-16")]
    [InlineData("Voting ends tomorrow.", "tomorrow", "DATE", "2025-10-18")]
    [InlineData("The president speaks tonight.", "tonight", "TIME", "2025-10-17TNI")]
    [InlineData("Shares fell this week.", "this week", "DATE", "2025-W42")]
    [InlineData("Shares fell last week.", "last week", "DATE", "2025-W41")]
    [InlineData("Shares fell earlier this week.", "earlier this week", "DATE", "2025-W42")]
    [InlineData("Shares fell earlier in the week.", "earlier in the week", "DATE", "2025-W42")]
    [InlineData("The vote is next month.", "next month", "DATE", "2025-11")]
    [InlineData("Exports grew this year.", "this year", "DATE", "2025")]
    [InlineData("Exports grew last year.", "last year", "DATE", "2024")]
    [InlineData("The dam burst two years ago.", "two years ago", "DATE", "2023")]
    [InlineData("The dam burst a year ago.", "a year ago", "DATE", "2024")]
    [InlineData("The dam burst three days ago.", "three days ago", "DATE", "2025-10-14")]
    [InlineData("Rebels shelled the town this morning.", "this morning", "TIME", "2025-10-17TMO")]
    [InlineData("Rebels shelled the town yesterday afternoon.", "yesterday afternoon", "TIME", "2025-10-16TAF")]
    [InlineData("Rebels shelled the town last night.", "last night", "TIME", "2025-10-16TNI")]
    public void Relative_AnchoredOnFriday_IsResolved(string text, string span, string type, string value)
    {
        Expect(text, Friday, span, type, value);
    }

    [Fact]
    public void Relative_OtherAnchor_MovesWithIt()
    {
        Expect("Shares fell last week.", Tuesday, "last week", "DATE", "2026-W09");
        Expect("The vote is next month.", new DateOnly(2025, 12, 5), "next month", "DATE", "2026-01");
        Expect("Exports grew last year.", Tuesday, "last year", "DATE", "2025");
    }

    [Fact]
    public void Relative_WithoutAnchor_HasNullValue()
    {
        var times = Times("Shares fell last week and rebels attacked on Thursday; talks resume next month.", null);
        Assert.Equal(3, times.Length);
        Assert.All(times, t => Assert.Null(t.Value));
    }

    [Theory]
    [InlineData("Prices are now rising.", "now", "PRESENT_REF")]
    [InlineData("Prices are currently rising.", "currently", "PRESENT_REF")]
    [InlineData("Prices have recently risen.", "recently", "PAST_REF")]
    [InlineData("Such raids happened in the past.", "the past", "PAST_REF")]
    [InlineData("Such raids may happen in the future.", "the future", "FUTURE_REF")]
    public void Reference_Words_AreRefValues_EvenWithoutAnchor(string text, string span, string value)
    {
        Expect(text, Friday, span, "DATE", value);
        Expect(text, null, span, "DATE", value);
    }

    // ----- times of day -----
    [Fact]
    public void ClockTimes_AreTimesOnTheAnchorDay()
    {
        Expect("The blast hit at 3 p.m. near the market.", Friday, "3 p.m.", "TIME", "2025-10-17T15:00");
        Expect("The curfew starts at 15:00 GMT.", Friday, "15:00 GMT", "TIME", "2025-10-17T15:00");
        Expect("The blast hit at 10:35 a.m. Tuesday.", Friday, "10:35 a.m. Tuesday", "TIME", "2025-10-14T10:35");
    }

    // ----- durations -----
    [Theory]
    [InlineData("After a two-hour meeting, the talks ended.", "two-hour", "PT2H")]
    [InlineData("The meeting lasted two hours.", "two hours", "PT2H")]
    [InlineData("The siege lasted three days.", "three days", "P3D")]
    [InlineData("He spent 18 months in custody.", "18 months", "P18M")]
    [InlineData("The war lasted a decade.", "a decade", "P10Y")]
    [InlineData("Output fell over the past three years.", "the past three years", "P3Y")]
    [InlineData("He was held for 5 1/2 hours.", "5 1/2 hours", "PT5H30M")]
    public void Durations_HaveIsoValues(string text, string span, string value)
    {
        Expect(text, Friday, span, "DURATION", value);
        Expect(text, null, span, "DURATION", value);
    }

    [Fact]
    public void Range_EachEndIsFound()
    {
        var times = Times("The talks ran from Monday to Wednesday.", Friday);
        Assert.Equal(["Monday", "Wednesday"], times.Select(t => t.Text));
        Assert.Equal(["2025-10-13", "2025-10-15"], times.Select(t => t.Value));
    }

    // ----- sets, seasons, quarters, fiscal years -----
    [Theory]
    [InlineData("The council meets every Monday.", "every Monday", "XXXX-WXX-1")]
    [InlineData("The paper is published weekly.", "weekly", "P1W")]
    [InlineData("The report is updated annually.", "annually", "P1Y")]
    [InlineData("Patrols run every two weeks.", "every two weeks", "P2W")]
    public void Sets_AreSets(string text, string span, string value)
    {
        Expect(text, Friday, span, "SET", value);
    }

    [Fact]
    public void SeasonsQuartersAndFiscalYears_AreResolved()
    {
        Expect("The offensive began in summer 2025.", Friday, "summer 2025", "DATE", "2025-SU");
        Expect("Profit rose in the third quarter.", Friday, "the third quarter", "DATE", "2025-Q3");
        Expect("Profit rose in the fourth quarter.", Tuesday, "the fourth quarter", "DATE", "2025-Q4");
        Expect("Sales rose in fiscal 2024.", Friday, "fiscal 2024", "DATE", "2024");
        Expect("Revenue fell in the third quarter of 2023.", Friday, "the third quarter of 2023", "DATE", "2023-Q3");
        Expect("The fighting eased last winter.", Tuesday, "last winter", "DATE", "2025-WI");
    }

    // ----- bad input -----
    [Fact]
    public void ImpossibleDate_HasNullValue_NotAnException()
    {
        Expect("The hearing was set for February 30.", Friday, "February 30", "DATE", null);
        Expect("The hearing was set for February 30, 2025.", Friday, "February 30, 2025", "DATE", null);
        Expect("The deed is dated 2025-02-30.", Friday, "2025-02-30", "DATE", null);
    }

    [Fact]
    public void YearFarOutOfRange_HasNullValue()
    {
        Expect("The prophecy names October 17, 99999 as the end.", Friday, "October 17, 99999", "DATE", null);
    }

    [Fact]
    public void AnchorAtEdgeOfCalendar_DoesNotThrow()
    {
        var text = "Rebels attacked on Thursday and will return next week; they left three days ago and last year.";
        var early = Times(text, new DateOnly(1, 1, 1));
        var late = Times(text, new DateOnly(9999, 12, 31));
        Assert.Equal(4, early.Length);
        Assert.Equal(4, late.Length);
    }

    [Fact]
    public void PathologicalText_IsFastAndValid()
    {
        Assert.Empty(Times(new string(',', 10_000), Friday));
        Assert.Empty(Times(string.Join(" ", Enumerable.Repeat(",", 10_000)), Friday));
        var many = string.Join(" ", Enumerable.Repeat("Monday , 2025 last week 3 p.m. two - hour", 500));
        Assert.NotEmpty(Times(many, Friday));
        Assert.Empty(Times("", Friday));
    }

    [Fact]
    public void MayAndMarch_AsVerbs_AreNotMonths()
    {
        Assert.Empty(Times("Officials may march on the capital.", Friday));
        Expect("The vote was held in May.", Friday, "May", "DATE", "2025-05");
    }

    [Fact]
    public void Process_KeepsEarlierLayers_AndTokenlessDocuments()
    {
        var empty = new TimeExpressionStage().Process(new Document("Nothing tokenized.", new DocumentMetadata(null, "t", Friday)));
        Assert.Empty(empty.Times);
        var doc = Process("The talks ended on Thursday.", Friday);
        Assert.Equal(6, doc.Tokens.Length);
        Assert.Equal(0, doc.Times.Single().Sentence);
    }

    [Fact]
    public void Options_AnchorOverrideAndFallback_AreUsed()
    {
        var text = "Shares fell yesterday.";
        var doc = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "t", null)));
        Assert.Null(new TimeExpressionStage().Process(doc).Times.Single().Value);
        Assert.Equal("2025-10-16", new TimeExpressionStage(new TimeExpressionOptions { FallbackAnchor = Friday }).Process(doc).Times.Single().Value);
        var dated = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "t", Tuesday)));
        Assert.Equal("2025-10-16", new TimeExpressionStage(new TimeExpressionOptions { AnchorOverride = Friday }).Process(dated).Times.Single().Value);
    }
}
