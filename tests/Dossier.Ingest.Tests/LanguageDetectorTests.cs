namespace Dossier.Ingest.Tests;

public sealed class LanguageDetectorTests : IDisposable
{
    private const string French = """
        Le gouvernement a présenté mardi un projet de loi visant à réformer le système des retraites.
        Les syndicats ont immédiatement appelé à une journée de grève nationale la semaine prochaine,
        estimant que le texte remet en cause des acquis sociaux obtenus après des décennies de luttes.
        """;

    private const string English = """
        The government on Tuesday presented a bill to reform the pension system. Unions immediately
        called for a national day of strikes next week, saying the text calls into question social
        gains won after decades of struggle.
        """;

    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Read_FrenchParagraph_LanguageIsFr()
    {
        var path = _files.Write("fr.txt", French);

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("fr", document.Language);
        Assert.False(document.IsEnglish);
    }

    [Fact]
    public async Task Read_EnglishParagraph_LanguageIsEn()
    {
        var path = _files.Write("en.txt", English);

        var document = await Reading.ReadOneAsync(path);

        Assert.Equal("en", document.Language);
        Assert.True(document.IsEnglish);
    }

    [Theory]
    [InlineData("Die Regierung hat am Dienstag einen Gesetzentwurf zur Reform der Rentenversicherung vorgelegt, und die Gewerkschaften riefen sofort zu einem Streik auf.", "de")]
    [InlineData("El gobierno presentó el martes un proyecto de ley para reformar el sistema de pensiones y los sindicatos convocaron de inmediato una huelga nacional.", "es")]
    [InlineData("Правительство во вторник представило законопроект о реформе пенсионной системы, а профсоюзы сразу же призвали к общенациональной забастовке.", "ru")]
    [InlineData("政府周二提出了一项改革养老金制度的法案，工会随即呼吁下周举行全国罢工。", "zh")]
    public void Detect_NewsSentence_Iso6391Code(string text, string expected)
    {
        Assert.Equal(expected, Languages.LanguageDetector.Detect(text));
    }

    [Fact]
    public void Detect_LongEnglishTextWithFrenchTail_FirstPartDecides()
    {
        var text = string.Concat(Enumerable.Repeat(English, 8)) + string.Concat(Enumerable.Repeat(French, 20));

        Assert.Equal("en", Languages.LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("12345 67890 -- ++ ** 2025-10-17")]
    [InlineData("   ")]
    public void Detect_NoLetters_Null(string text)
    {
        Assert.Null(Languages.LanguageDetector.Detect(text));
    }
}
