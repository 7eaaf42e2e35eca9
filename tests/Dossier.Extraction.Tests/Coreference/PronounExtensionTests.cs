using static Dossier.Extraction.Tests.Coreference.CorefFixture;

namespace Dossier.Extraction.Tests.Coreference;

/// <summary>"it" for organisations and places, pleonastic "it" left out, and "I" inside a quotation given to its speaker.</summary>
public sealed class PronounExtensionTests
{
    [Fact]
    public void It_AfterAnOrganisation_JoinsIt()
    {
        var doc = Resolve(WithMentions(
            "Halvorsen Shipping said on Monday that it would close two yards.",
            ("Halvorsen Shipping", "ORG")));

        Assert.Equal(["Halvorsen Shipping", "it"], doc.Named("Halvorsen Shipping").Mentions.Select(m => m.Text).ToArray());
    }

    [Fact]
    public void It_Pleonastic_IsLeftOut()
    {
        var doc = Resolve(WithMentions(
            "Halvorsen Shipping closed two yards. It is likely that prices will rise.",
            ("Halvorsen Shipping", "ORG")));

        Assert.DoesNotContain(doc.Entities.SelectMany(e => e.Mentions), m => m.Text == "It");
    }

    [Fact]
    public void FirstPerson_InsideAQuotation_IsTheSpeakers()
    {
        var doc = Resolve(WithMentions(
            "\u201CI will not resign, and my party knows it,\u201D Anna Feldmann said on Tuesday.",
            ("Anna Feldmann", "PERSON")));

        Assert.Equal(["I", "my", "Anna Feldmann"], doc.Named("Anna Feldmann").Mentions.Select(m => m.Text).ToArray());
    }

    [Fact]
    public void FirstPerson_OutsideAnyQuotation_IsLeftOut()
    {
        var doc = Resolve(WithMentions(
            "I met Anna Feldmann in Berlin, where she said little.",
            ("Anna Feldmann", "PERSON"), ("Berlin", "GPE")));

        Assert.DoesNotContain(doc.Entities.SelectMany(e => e.Mentions), m => m.Text == "I");
    }
}
