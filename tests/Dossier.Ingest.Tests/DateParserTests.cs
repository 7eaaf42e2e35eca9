using Dossier.Ingest.Readers;

namespace Dossier.Ingest.Tests;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("2025-10-17", 2025, 10, 17)]
    [InlineData("2025-10-17T23:59:00-05:00", 2025, 10, 17)]
    [InlineData("2025-10-17T01:00:00+09:00", 2025, 10, 17)]
    [InlineData("Fri, 17 Oct 2025 23:30:00 -0500", 2025, 10, 17)]
    [InlineData("Fri, 17 Oct 2025 23:30:00 EST", 2025, 10, 17)]
    [InlineData("17 October 2025", 2025, 10, 17)]
    [InlineData("Thu, 16 Oct 25 08:00:00 GMT", 2025, 10, 16)]
    [InlineData("October 17, 2025", 2025, 10, 17)]
    public void Parse_CommonForms_PublisherCalendarDate(string value, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateParser.Parse(value));
    }

    [Theory]
    [InlineData("someday")]
    [InlineData("2025-02-30")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_NotADate_Null(string? value)
    {
        Assert.Null(DateParser.Parse(value));
    }
}
