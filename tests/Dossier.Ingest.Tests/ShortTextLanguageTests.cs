using Dossier.Ingest.Languages;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Ingest.Tests;

/// <summary>Short texts: English ones of three or more words stay English; short sentences of other languages do not.</summary>
public sealed class ShortTextLanguageTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Good morning everyone!")]
    [InlineData("Hello, how are you?")]
    [InlineData("Nice to meet you")]
    [InlineData("See you tomorrow at noon")]
    [InlineData("Thanks so much for your help")]
    [InlineData("Happy birthday to my best friend!")]
    [InlineData("I miss my dog so much")]
    [InlineData("Can't wait for the weekend lol")]
    [InlineData("OMG this game is amazing")]
    [InlineData("Best pizza in town!!!")]
    [InlineData("Great food and friendly staff, will come back")]
    [InlineData("@maria_k thanks for the photos #holiday")]
    [InlineData("Where is the nearest train station?")]
    [InlineData("We had dinner at Luigi's last night.")]
    [InlineData("Ferry service to resume on Monday")]
    [InlineData("Mayor opens new library downtown")]
    [InlineData("BREAKING: Storm closes schools across the state")]
    [InlineData("STOCKS FALL AS RATES RISE")]
    [InlineData("WELCOME HOME SOLDIERS")]
    [InlineData("TRUCKERS BLOCKADE HIGHWAY OVERPASS")]
    [InlineData("ZEPHYRCO AND HALVERSEN ANNOUNCE MERGER")]
    [InlineData("The senator visited Berlin on Friday.")]
    [InlineData("The prime minister flew to Madrid with his wife.")]
    [InlineData("Our team won the cup in Milano")]
    [InlineData("Bonjour Cafe has the best croissants in Seattle")]
    [InlineData("Henrietta Vogelsang, Tomasz Wierzbicki, Aurelio Pagnotta")]
    [InlineData("https://www.example.org/blog/2019/summer-recipes.html")]
    [InlineData("Marguerite is pregnant.")]
    public void Detect_ShortEnglishText_IsEnglish(string text)
    {
        Assert.Equal("en", LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("Le maire a inauguré une nouvelle bibliothèque hier soir.")]
    [InlineData("Je voudrais un café et un croissant, s'il vous plaît.")]
    [InlineData("Der Bürgermeister hat gestern eine neue Bibliothek eröffnet.")]
    [InlineData("Ich habe heute keine Zeit für das Treffen.")]
    [InlineData("El alcalde inauguró ayer una nueva biblioteca en el centro.")]
    [InlineData("Mañana vamos a la playa con mis amigos.")]
    [InlineData("O prefeito inaugurou ontem uma nova biblioteca no centro.")]
    [InlineData("Eu não sei onde fica a estação de comboios.")]
    [InlineData("Borgmesteren åbnede i går et nyt bibliotek i byen.")]
    [InlineData("Jeg har ikke tid til at komme i morgen.")]
    [InlineData("De burgemeester heeft gisteren een nieuwe bibliotheek geopend.")]
    [InlineData("Ik heb geen tijd om morgen te komen.")]
    [InlineData("Il sindaco ha inaugurato ieri una nuova biblioteca in centro.")]
    [InlineData("Non ho tempo di venire domani mattina.")]
    public void Detect_ShortSentenceOfAnotherLanguage_IsNotEnglish(string text)
    {
        var language = LanguageDetector.Detect(text);

        Assert.NotNull(language);
        Assert.NotEqual("en", language);
    }

    [Theory]
    [InlineData("Le maire a inauguré une nouvelle bibliothèque hier soir.", "fr")]
    [InlineData("Der Bürgermeister hat gestern eine neue Bibliothek eröffnet.", "de")]
    [InlineData("El alcalde inauguró ayer una nueva biblioteca en el centro.", "es")]
    [InlineData("Il sindaco ha inaugurato ieri una nuova biblioteca in centro.", "it")]
    public void Detect_ShortSentenceOfAnotherLanguage_NamesIt(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("ขอบคุณมากสำหรับความช่วยเหลือของคุณ")]
    [InlineData("Շնորհակալություն օգնության համար")]
    public void Detect_ScriptNoLanguageOfTheSetIsWrittenIn_IsNotEnglish(string text)
    {
        Assert.NotEqual("en", LanguageDetector.Detect(text));
    }

    [Fact]
    public void Count_WordsOfAShortText_EnglishOnesByTheLexicon()
    {
        var lexicon = EnglishLexicon.Default;

        Assert.True(lexicon.Size > 1000);
        Assert.Equal(new WordEvidence(5, 5, 0, 0), lexicon.Count("We can't stay, it's LATE"));
        Assert.Equal(new WordEvidence(3, 2, 1, 0), lexicon.Count("Thanks @anna_k, see Marguerite https://example.org/x #fun"));
        var german = lexicon.Count("Der Bürgermeister hat gestern eine neue Bibliothek eröffnet.");
        Assert.Equal(8, german.Words);
        Assert.True(german.English * 2 < german.Words - german.Names, $"{german} : German words taken for English");
        Assert.True(german.ForeignLetters >= LanguageDetector.MinimumForeignLetters);
        Assert.Equal(new WordEvidence(5, 2, 3, 0), lexicon.Count("ZEPHYRCO AND HALVERSEN ANNOUNCE MERGER"));
    }

    [SkippableFact]
    public void Evaluate_UnerDevSentencesOneAtATime_AlmostAllEnglish()
    {
        var path = SharedData.Require("data/uner/en_ewt-ud-dev.iob2");

        var scores = LanguageEvaluation.Evaluate(path);

        output.WriteLine($"{scores.NotEnglish} of {scores.Sentences} another language, {scores.Undetermined} none: {string.Join(", ", scores.Languages.Select(p => $"{p.Key} {p.Value}"))}");
        foreach (var (language, text) in scores.Examples) output.WriteLine($"  {language} {text}");
        Assert.Equal(2001, scores.Sentences);
        Assert.True(scores.NotEnglishShare < 0.01, $"{scores.NotEnglishShare:P1} of UNER dev sentences taken for another language");
    }
}
