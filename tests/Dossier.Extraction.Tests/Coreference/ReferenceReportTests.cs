using Dossier.Core.Documents;
using Dossier.Extraction.Coreference;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Tokenization;
using Dossier.Testing;
using Xunit.Abstractions;

namespace Dossier.Extraction.Tests.Coreference;

/// <summary>The whole chain — tokens, syntax, entities, coreference — on the reference report in ../shared.</summary>
public sealed class ReferenceReportTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void ReferenceReport_FullChain_EveryOfficeHolderOnceWithRoleAndCode()
    {
        var path = SharedData.Require("samples/000_28743573a08fb585.txt");
        var doc = new Document(File.ReadAllText(path), new DocumentMetadata(null, path, new DateOnly(2025, 10, 17)));
        doc = new TokenizationStage().Process(doc);
        doc = new SyntaxStage(SyntaxModel.Load()).Process(doc);
        doc = new EntityRecognitionStage(NerModel.Load(SyntaxModel.DefaultDirectory)).Process(doc);
        doc = new CoreferenceStage(CorefFixture.Kb).Process(doc);
        OffsetAssert.Valid(doc);
        foreach (var e in doc.Entities)
        {
            var roles = string.Join("; ", e.Roles.Select(r => $"{r.Title}/{r.Organization}/{r.Country}/{r.Status}"));
            output.WriteLine($"{e.Id} {e.Type} {e.Name} country={e.Country} code={e.Code} roles=[{roles}] mentions={string.Join(" | ", e.Mentions.Select(m => m.Text))}");
        }

        Assert.Equal(doc.Entities.Length, doc.Entities.Select(e => e.Id).Distinct().Count());
        Holder(doc, "Zelensky", "President", "UKR", "current", "UKRGOV");
        Holder(doc, "Trump", "President", "USA", "current", "USAGOV");
        Holder(doc, "Putin", "President", "RUS", "current", "RUSGOV");
        Holder(doc, "Vance", "Vice President", "USA", "current", "USAGOV");
        Holder(doc, "Rubio", "Secretary of State", "USA", "current", "USAGOV");
        Holder(doc, "Hegseth", "Secretary of Defense", "USA", "current", "USAGOV");
        Holder(doc, "Bessent", "Treasury Secretary", "USA", "current", "USAGOV");
        Holder(doc, "Xi Jinping", "President", "CHN", "current", "CHNGOV");
        Holder(doc, "Bolton", "National Security Adviser", "USA", "former", "USAELI");

        // Groups and places acting.
        Assert.Equal("UKRGOV", Assert.Single(doc.Entities, e => e.Name == "Ukrainian officials").Code);
        Assert.Equal(2, doc.Entities.Single(e => e.Name == "Ukrainian officials").Mentions.Length);
        Assert.Equal("USA", Assert.Single(doc.Entities, e => e.Name == "Indiana Republicans").Country);
        Assert.Equal("USAGOV", Assert.Single(doc.Entities, e => e.Name == "White House").Code);
        Assert.Equal("UKRGOV", Assert.Single(doc.Entities, e => e.Name == "Ukraine").Code);
        Assert.Single(doc.Entities, e => e.Aliases.Contains("U.S.") && e.Aliases.Contains("United States"));

        // Pronouns: "he shared", "He was released", "his next court date" are Bolton's.
        var bolton = doc.Entities.Single(e => e.Name.Contains("Bolton", StringComparison.Ordinal));
        Assert.Equal(3, bolton.Mentions.Count(m => m.Text is "he" or "He" or "his"));
    }

    private static void Holder(Document doc, string name, string title, string country, string status, string code)
    {
        var person = Assert.Single(doc.Entities, e => e.Type == "PERSON" && e.Name.Contains(name, StringComparison.Ordinal));
        Assert.Contains(person.Roles, r => r.Title == title && r.Country == country && r.Status == status);
        Assert.Single(person.Roles);
        Assert.Equal(country, person.Country);
        Assert.Equal(code, person.Code);
    }
}
