using Dossier.Ingest.Languages;

namespace Dossier.Ingest.Tests;

public class EnglishFunctionWordsTests
{
    private const string English =
        "The minister said on Monday that the government would ask the European Commission for more money to rebuild the port, " +
        "and that the first contracts could be signed by the end of the year after talks with the unions in the city.";

    [Fact]
    public void IsClearlyEnglish_EnglishNewsProse_IsTrue()
    {
        Assert.True(EnglishFunctionWords.IsClearlyEnglish(English));
    }

    [Theory]
    [InlineData("Les ministres des Affaires étrangères se sont réunis mardi à Paris pour discuter de la sécurité en Europe. Ils ont convenu de se retrouver le mois prochain à Bruxelles afin de préparer un nouvel accord commercial avec leurs partenaires.")]
    [InlineData("Die Minister trafen sich am Dienstag in Berlin, um über die Sicherheit in Europa zu sprechen. Sie vereinbarten, sich im nächsten Monat in Brüssel wieder zu treffen und ein neues Handelsabkommen vorzubereiten.")]
    [InlineData("De ministers kwamen dinsdag in Den Haag bijeen om te praten over de veiligheid in Europa. Zij spraken af om volgende maand opnieuw in Brussel bijeen te komen en een nieuw handelsakkoord voor te bereiden met hun partners.")]
    [InlineData("Los ministros se reunieron el martes en Madrid para hablar de la seguridad en Europa. Acordaron volver a reunirse el próximo mes en Bruselas para preparar un nuevo acuerdo comercial con sus socios europeos.")]
    public void IsClearlyEnglish_OtherLanguages_IsFalse(string text)
    {
        Assert.False(EnglishFunctionWords.IsClearlyEnglish(text));
    }

    [Fact]
    public void IsClearlyEnglish_ShortText_LeavesItToLingua()
    {
        Assert.False(EnglishFunctionWords.IsClearlyEnglish("The minister met the press."));
    }
}
