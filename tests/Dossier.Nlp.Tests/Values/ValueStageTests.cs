using Dossier.Core.Documents;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;
using Dossier.Nlp.Values;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Values;

public sealed class ValueStageTests
{
    private static readonly DateOnly Anchor = new(2025, 10, 17);

    /// <summary>Tokens, then times, then values: the order of the pipeline.</summary>
    private static Document Process(string text, bool withTimes = true)
    {
        var doc = new TokenizationStage().Process(new Document(text, new DocumentMetadata(null, "test", Anchor)));
        if (withTimes) doc = new TimeExpressionStage().Process(doc);
        doc = new ValueStage().Process(doc);
        OffsetAssert.Valid(doc);
        return doc;
    }

    private static ValueMention Find(string text, string span)
    {
        var doc = Process(text);
        var match = doc.Values.Where(v => v.Text == span).ToArray();
        Assert.True(match.Length == 1, $"expected one \"{span}\" in [{string.Join(" | ", doc.Values.Select(v => $"{v.Text}:{v.Type}:{v.Amount}:{v.Unit}"))}]");
        return match[0];
    }

    private static void Expect(string text, string span, string type, decimal? amount, string? unit)
    {
        var v = Find(text, span);
        Assert.Equal(type, v.Type);
        Assert.Equal(amount, v.Amount);
        Assert.Equal(unit, v.Unit);
    }

    [Fact]
    public void Stage_Name_IsValues()
    {
        Assert.Equal("values", new ValueStage().Name);
    }

    [Theory]
    [InlineData("The ministry pledged $2.5 million in aid.", "$2.5 million", 2_500_000, "USD")]
    [InlineData("The club paid £600m for the stadium.", "£600m", 600_000_000, "GBP")]
    [InlineData("Brussels froze €1.2bn in funds.", "€1.2bn", 1_200_000_000, "EUR")]
    [InlineData("The fund lost 2 billion dollars last year.", "2 billion dollars", 2_000_000_000, "USD")]
    [InlineData("Ottawa approved C$200 million for the port.", "C$200 million", 200_000_000, "CAD")]
    [InlineData("The firm raised US$40 million from investors.", "US$40 million", 40_000_000, "USD")]
    [InlineData("Tokyo set aside ¥300 billion for relief.", "¥300 billion", 300_000_000_000, "JPY")]
    [InlineData("The court fined him Rs 5,000 on Monday.", "Rs 5,000", 5_000, "INR")]
    [InlineData("The club was fined 5 million euros.", "5 million euros", 5_000_000, "EUR")]
    [InlineData("The striker cost $4.5m in fees.", "$4.5m", 4_500_000, "USD")]
    [InlineData("Seoul pledged 500 billion won to the fund.", "500 billion won", 500_000_000_000, "KRW")]
    [InlineData("Each ticket cost 75 cents.", "75 cents", 0.75, "USD")]
    [InlineData("Canberra offered 30 million Australian dollars.", "30 million Australian dollars", 30_000_000, "AUD")]
    [InlineData("THE BANK LOST $3 BILLION.", "$3 BILLION", 3_000_000_000, "USD")]
    public void Money_HasAmountAndIsoCurrency(string text, string span, double amount, string currency)
    {
        Expect(text, span, "MONEY", (decimal)amount, currency);
    }

    [Theory]
    [InlineData("Inflation rose 4.5 percent in September.", "4.5 percent")]
    [InlineData("Inflation rose 4.5% in September.", "4.5%")]
    [InlineData("Inflation rose 4.5 per cent in September.", "4.5 per cent")]
    public void Percent_HasAmountAndPercentUnit(string text, string span)
    {
        Expect(text, span, "PERCENT", 4.5m, "%");
    }

    [Fact]
    public void Percent_WholeNumbers_AndWords()
    {
        Expect("Turnout was 12% lower.", "12%", "PERCENT", 12m, "%");
        Expect("Turnout fell ten percent.", "ten percent", "PERCENT", 10m, "%");
    }

    [Theory]
    [InlineData("The convoy stopped 35 km from the border.", "35 km", 35, "km")]
    [InlineData("Crews cleared 5,000 tonnes of debris.", "5,000 tonnes", 5000, "t")]
    [InlineData("The fire spread 10 miles overnight.", "10 miles", 10, "mi")]
    [InlineData("Police seized 3 kilograms of heroin.", "3 kilograms", 3, "kg")]
    [InlineData("The wall runs for 40 metres.", "40 metres", 40, "m")]
    public void Quantity_HasAmountAndUnit(string text, string span, double amount, string unit)
    {
        Expect(text, span, "QUANTITY", (decimal)amount, unit);
    }

    [Theory]
    [InlineData("The union has 1,200 members.", "1,200", 1200)]
    [InlineData("Prosecutors called six witnesses.", "six", 6)]
    [InlineData("He faces an 18-count indictment.", "18", 18)]
    [InlineData("Two dozen officers were hurt.", "Two dozen", 24)]
    [InlineData("The ruling freed two hundred and five prisoners.", "two hundred and five", 205)]
    [InlineData("Some 1.5 million people fled.", "1.5 million", 1_500_000)]
    [InlineData("Police said 2000 people marched.", "2000", 2000)]
    public void Cardinal_HasAmount(string text, string span, double amount)
    {
        Expect(text, span, "CARDINAL", (decimal)amount, null);
    }

    [Fact]
    public void Cardinal_VagueCount_KeepsTextWithNullAmount()
    {
        Expect("Hundreds of protesters gathered outside.", "Hundreds", "CARDINAL", null, null);
    }

    [Theory]
    [InlineData("He was the third suspect arrested.", "third", 3)]
    [InlineData("The sixth round of talks failed.", "sixth", 6)]
    [InlineData("It was the 21st attack this year.", "21st", 21)]
    [InlineData("Their twenty-first meeting ended early.", "twenty-first", 21)]
    public void Ordinal_HasAmount(string text, string span, int amount)
    {
        Expect(text, span, "ORDINAL", amount, null);
    }

    [Fact]
    public void NumbersInsideTimes_AndYears_AreSkipped()
    {
        var doc = Process("On October 17, 2025, after a two-hour meeting in 1994 style, 40 delegates left at 3 p.m. in the third quarter.");
        Assert.NotEmpty(doc.Times);
        foreach (var v in doc.Values)
        {
            Assert.DoesNotContain(doc.Times, t => t.Start < v.End && v.Start < t.End);
        }

        Assert.Equal(["40"], doc.Values.Select(v => v.Text));
    }

    [Fact]
    public void Years_WithoutTimeStage_AreStillSkipped()
    {
        var doc = Process("The treaty was signed in 1994 by 12 states.", withTimes: false);
        Assert.Equal(["12"], doc.Values.Select(v => v.Text));
    }

    [Fact]
    public void OverflowingAmount_KeepsTextWithNullAmount()
    {
        var v = Find("Rebels demanded $99999999999999999999 trillion in damages.", "$99999999999999999999 trillion");
        Assert.Equal("MONEY", v.Type);
        Assert.Null(v.Amount);
        Assert.Equal("USD", v.Unit);
        var huge = Process("They counted " + new string('9', 200) + " grains.");
        Assert.Null(Assert.Single(huge.Values).Amount);
    }

    [Fact]
    public void PathologicalAndCaselessText_IsValid()
    {
        Assert.Empty(Process(new string(',', 10_000)).Values);
        Assert.Empty(Process(string.Join(" ", Enumerable.Repeat(",", 10_000))).Values);
        Expect("the bank lost $3 billion and six branches.", "six", "CARDINAL", 6m, null);
        Expect("THE BANK CLOSED SIX BRANCHES.", "SIX", "CARDINAL", 6m, null);
        var many = Process(string.Join(" ", Enumerable.Repeat("$5 million , 12% , 3 km , six ,", 400)));
        Assert.Equal(1600, many.Values.Length);
    }

    [Fact]
    public void PronounOne_IsNotACardinal()
    {
        var doc = Process("No one was hurt, but one soldier died.");
        Assert.Equal(["one"], doc.Values.Select(v => v.Text));
        Assert.Equal(doc.Text.IndexOf("one soldier", StringComparison.Ordinal), doc.Values[0].Start);
    }

    [Fact]
    public void Process_TokenlessDocument_HasNoValues()
    {
        var doc = new ValueStage().Process(new Document("$5 million", new DocumentMetadata(null, "t", null)));
        Assert.Empty(doc.Values);
    }
}
