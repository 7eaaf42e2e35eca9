namespace Dossier.Export.Tests;

public sealed class CsvExporterTests : SamplesTest
{
    private async Task<List<List<string>>> ExportAsync()
    {
        var (text, _) = await ExportRunner.ToStringAsync(new CsvExporter(), Samples);
        return CsvReader.Parse(text);
    }

    private static Dictionary<string, string> Row(List<List<string>> records, string type)
    {
        var header = records[0];
        var row = records.Skip(1).Single(r => r[header.IndexOf("type")] == type);
        return header.Zip(row).ToDictionary(p => p.First, p => p.Second);
    }

    [Fact]
    public async Task Export_Header_IsTheColumnListThenOneRowPerCorpusEvent()
    {
        var (text, result) = await ExportRunner.ToStringAsync(new CsvExporter(), Samples);
        var records = CsvReader.Parse(text);

        Assert.Equal(CsvExporter.Columns, records[0]);
        Assert.Equal(ExportSamples.EventCount + 1, records.Count);
        Assert.Equal(ExportSamples.EventCount, result.Records);
        Assert.All(records, r => Assert.Equal(CsvExporter.Columns.Count, r.Count));
    }

    [Fact]
    public async Task Export_EvidenceWithCommaQuotesAndLineBreak_QuotedAndReadBackWhole()
    {
        var (text, _) = await ExportRunner.ToStringAsync(new CsvExporter(), Samples);

        Assert.Contains("\"Zelensky said, \"\"We agreed\"\"\nafter talks in Washington.\"", text, StringComparison.Ordinal);
        Assert.Equal(ExportSamples.ConsultEvidence, Row(CsvReader.Parse(text), "CONSULT")["evidence"]);
    }

    [Fact]
    public async Task Export_MergedEvent_HasCountsActorsAndBothDocuments()
    {
        var consult = Row(await ExportAsync(), "CONSULT");

        Assert.Equal(("2", "2", "2"), (consult["num_mentions"], consult["num_articles"], consult["num_sources"]));
        Assert.Equal(("Volodymyr Zelensky", "UKRGOV", "Donald Trump", "USAGOV"), (consult["source_names"], consult["source_codes"], consult["target_names"], consult["target_codes"]));
        Assert.Equal(("2025-10-16", "false", "2025-10-16"), (consult["date"], consult["approximate"], consult["date_value"]));
        Assert.Equal(("040", "1", "1", "visit", "occurred", "Washington"), (consult["cameo"], consult["quad_class"], consult["goldstein"], consult["mode"], consult["status"], consult["location"]));
        Assert.Equal(new[] { Samples.Reuters.Id, Samples.Ap.Id }.Order(), consult["document_ids"].Split(CsvExporter.ListSeparator).Order());
        Assert.Equal("0.9", consult["confidence"]);
    }

    [Fact]
    public async Task Export_UndatedEventWithCodeOnlyTarget_ApproximateAtPublicationDate()
    {
        var threaten = Row(await ExportAsync(), "THREATEN");

        Assert.Equal(("2025-10-17", "true", ""), (threaten["date"], threaten["approximate"], threaten["date_value"]));
        Assert.Equal(("Russia", "RUS", "IGOUNO", "IGOUNO"), (threaten["source_names"], threaten["source_codes"], threaten["target_names"], threaten["target_codes"]));
        Assert.Equal("-7", threaten["goldstein"]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Field_SpecialCharacters_QuotedPerRfc4180(string value, string expected) =>
        Assert.Equal(expected, Csv.Field(value));

    [Fact]
    public void Record_EmptyFirstField_KeepsEveryComma() =>
        Assert.Equal(",b,\r\n", Csv.Record([null, "b", ""]));
}
