using Dossier.Core.Documents;

namespace Dossier.Core.Tests;

public class DocumentIdTests
{
    [Fact]
    public void Compute_SameTextDifferentLineEndingsAndWrapping_GivesSameId()
    {
        var unix = "Ministers met in Berlin.\nThey agreed a plan.\n";
        var windows = "Ministers met in Berlin.\r\nThey agreed   a plan.\r\n\r\n";
        Assert.Equal(DocumentId.Compute(null, unix), DocumentId.Compute(null, windows));
    }

    [Fact]
    public void Compute_DifferentWords_GivesDifferentIds()
    {
        Assert.NotEqual(DocumentId.Compute(null, "Ministers met in Berlin."), DocumentId.Compute(null, "Ministers met in Paris."));
    }

    [Fact]
    public void Compute_AnyText_Gives32LowerCaseHexDigits()
    {
        var id = DocumentId.Compute(null, "Zürich — “quoted” text");
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public void Normalise_CompatibilityCharactersAndCase_FoldsThem()
    {
        Assert.Equal("final report", DocumentId.Normalise("  ＦＩＮＡＬ\tReport \n"));
    }

    [Fact]
    public void Compute_UnpairedSurrogate_GivesAnIdWithoutThrowing()
    {
        var id = DocumentId.Compute(null, "broken \uD800 text and a pair \uD83D\uDE00");
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.NotEqual(id, DocumentId.Compute(null, "broken text"));
    }

    [Fact]
    public void Compute_SameBodyDifferentTitles_GivesDifferentIds()
    {
        Assert.NotEqual(DocumentId.Compute("Broadband takes on TV", "Same body."), DocumentId.Compute("Broadband challenges TV", "Same body."));
    }

    [Fact]
    public void Document_Id_DependsOnTitleAndText()
    {
        var document = new Document("Same body.", new DocumentMetadata("A title", "a.txt", null));
        Assert.Equal(DocumentId.Compute("A title", "Same body."), document.Id);
    }
}
