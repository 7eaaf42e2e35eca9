using Dossier.Core.Documents;
using Dossier.Extraction.Coreference;
using Dossier.Testing;
using static Dossier.Extraction.Tests.Coreference.CorefFixture;

namespace Dossier.Extraction.Tests.Coreference;

public sealed class CoreferenceStageTests
{
    [Fact]
    public void NameVariants_FullNameSurnameAndPronouns_MergeIntoOnePerson()
    {
        var doc = Resolve(WithMentions(
            "Chancellor Anna Feldmann of Germany arrived in Paris on Tuesday. Feldmann said the talks had been productive, and she thanked her hosts.",
            ("Anna Feldmann", "PERSON"), ("Feldmann", "PERSON"), ("Germany", "GPE"), ("Paris", "GPE")));

        var person = doc.Named("Anna Feldmann");
        Assert.Equal("PERSON", person.Type);
        Assert.Equal(["Anna Feldmann", "Feldmann"], person.Aliases.ToArray());
        Assert.Equal(["Anna Feldmann", "Feldmann", "she", "her"], person.Mentions.Select(m => m.Text).ToArray());
        Assert.True(person.Mentions.Select(m => m.Start).SequenceEqual(person.Mentions.Select(m => m.Start).Order()));
        var role = Assert.Single(person.Roles);
        Assert.Equal(new Role("Chancellor", null, "DEU", "current"), role);
        Assert.Equal("DEU", person.Country);
        Assert.Equal("GOV", person.Sector);
        Assert.Equal("DEUGOV", person.Code);
        Assert.Single(doc.Entities, e => e.Type == "PERSON");
    }

    [Fact]
    public void Ids_AfterMerging_AreRenumberedInOrderOfFirstMention()
    {
        var doc = Resolve(WithMentions(
            "Anna Feldmann met Piotr Nowak in Warsaw. Nowak and Feldmann then flew to Vilnius.",
            ("Anna Feldmann", "PERSON"), ("Piotr Nowak", "PERSON"), ("Nowak", "PERSON"), ("Feldmann", "PERSON"), ("Warsaw", "GPE"), ("Vilnius", "GPE")));

        Assert.Equal(["e1", "e2", "e3", "e4"], doc.Entities.Select(e => e.Id).ToArray());
        Assert.Equal(["Anna Feldmann", "Piotr Nowak", "Warsaw", "Vilnius"], doc.Entities.Select(e => e.Name).ToArray());
        Assert.Equal(2, doc.Named("Piotr Nowak").Mentions.Length);
    }

    [Fact]
    public void SharedSurname_TwoFullNames_StayApartAndBareSurnameGoesToMostRecent()
    {
        var doc = Resolve(WithMentions(
            "Jorge Alvarez and his wife, Maria Alvarez, visited Lima on Sunday. Maria Alvarez opened a school, while Jorge Alvarez met farmers. Alvarez later flew home.",
            ("Jorge Alvarez", "PERSON"), ("Maria Alvarez", "PERSON"), ("Alvarez", "PERSON"), ("Lima", "GPE")));

        var jorge = doc.Named("Jorge Alvarez");
        var maria = doc.Named("Maria Alvarez");
        Assert.NotEqual(jorge.Id, maria.Id);
        Assert.Equal(2, maria.Mentions.Count(m => m.Text == "Maria Alvarez"));
        Assert.DoesNotContain(maria.Mentions, m => m.Text == "Alvarez");
        Assert.Contains(jorge.Mentions, m => m.Text == "Alvarez");
    }

    [Fact]
    public void Pronoun_WithoutAntecedent_IsLeftOut()
    {
        var doc = Resolve(WithMentions(
            "He said the bridge in Lisbon would reopen next week.",
            ("Lisbon", "GPE")));

        var lisbon = Assert.Single(doc.Entities);
        Assert.Equal("Lisbon", lisbon.Name);
        Assert.DoesNotContain(doc.Entities.SelectMany(e => e.Mentions), m => m.Text == "He");
    }

    [Fact]
    public void Title_WithNoNameButANationality_BecomesACodedPerson()
    {
        var doc = Resolve(WithMentions(
            "The Brazilian president said on Friday that the talks in Geneva had failed.",
            ("Brazilian", "NORP"), ("Geneva", "GPE")));

        var person = Assert.Single(doc.Entities, e => e.Type == "PERSON");
        Assert.Equal("Brazilian president", person.Name);
        Assert.Equal("The Brazilian president", Assert.Single(person.Mentions).Text);
        Assert.Equal(new Role("President", null, "BRA", "current"), Assert.Single(person.Roles));
        Assert.Equal("BRAGOV", person.Code);
    }

    [Fact]
    public void Title_WithNoNameAndNoCountry_CreatesNoEntity()
    {
        var doc = Resolve(WithMentions(
            "The president said on Friday that the talks in Geneva had failed.",
            ("Geneva", "GPE")));

        Assert.DoesNotContain(doc.Entities, e => e.Type == "PERSON");
    }

    [Fact]
    public void DefiniteDescription_AfterANamedOfficeHolder_JoinsThatPerson()
    {
        var doc = Resolve(WithMentions(
            "Finnish President Aino Virtanen met Estonian Prime Minister Kaarel Tamm in Tallinn. The Finnish leader later said the meeting had gone well.",
            ("Finnish", "NORP"), ("Aino Virtanen", "PERSON"), ("Estonian", "NORP"), ("Kaarel Tamm", "PERSON"), ("Tallinn", "GPE")));

        var virtanen = doc.Named("Aino Virtanen");
        Assert.Contains(virtanen.Mentions, m => m.Text == "The Finnish leader");
        Assert.Equal("FINGOV", virtanen.Code);
        var tamm = doc.Named("Kaarel Tamm");
        Assert.Equal(new Role("Prime Minister", null, "EST", "current"), Assert.Single(tamm.Roles));
        Assert.Equal("ESTGOV", tamm.Code);
    }

    [Fact]
    public void Acronym_AfterItsExpansion_IsTheSameOrganisation()
    {
        var doc = Resolve(WithMentions(
            "Ministers of the Gulf Maritime Safety Authority (GMSA) met in Doha on Sunday. The GMSA said new rules would follow.",
            ("Gulf Maritime Safety Authority", "ORG"), ("GMSA", "ORG"), ("Doha", "GPE")));

        var org = Assert.Single(doc.Entities, e => e.Type == "ORG");
        Assert.Equal("Gulf Maritime Safety Authority", org.Name);
        Assert.Equal(["Gulf Maritime Safety Authority", "GMSA"], org.Aliases.ToArray());
        Assert.Equal(3, org.Mentions.Length);
    }

    [Fact]
    public void KnownInternationalOrganisation_GetsItsIgoCode()
    {
        var doc = Resolve(WithMentions(
            "NATO said on Monday that the North Atlantic Treaty Organization would expand its patrols.",
            ("NATO", "ORG"), ("North Atlantic Treaty Organization", "ORG")));

        var nato = Assert.Single(doc.Entities);
        Assert.Equal("North Atlantic Treaty Organization", nato.Name);
        Assert.Equal("IGOWSTNAT", nato.Code);
        Assert.Null(nato.Country);
    }

    [Fact]
    public void FormerTitle_BeforeName_GivesFormerRoleAndEliteCode()
    {
        var doc = Resolve(WithMentions(
            "Former Interior Minister Tomas Brandt of Austria was charged in Vienna on Monday.",
            ("Tomas Brandt", "PERSON"), ("Austria", "GPE"), ("Vienna", "GPE")));

        var brandt = doc.Named("Tomas Brandt");
        Assert.Equal(new Role("Interior Minister", null, "AUT", "former"), Assert.Single(brandt.Roles));
        Assert.Equal("AUT", brandt.Country);
        Assert.Equal("AUTELI", brandt.Code);
    }

    [Fact]
    public void ExPrefixAndElectSuffix_GiveFormerAndDesignate()
    {
        var doc = Resolve(WithMentions(
            "Ex-Senator Paul Rigby criticised President-elect Dana Whitfield on Monday.",
            ("Paul Rigby", "PERSON"), ("Dana Whitfield", "PERSON")));

        Assert.Equal("former", Assert.Single(doc.Named("Paul Rigby").Roles).Status);
        var elect = Assert.Single(doc.Named("Dana Whitfield").Roles);
        Assert.Equal(("President", "designate"), (elect.Title, elect.Status));
    }

    [Fact]
    public void Appositive_TheForeignMinisterOfCountry_GivesRoleWithCountry()
    {
        var doc = Resolve(WithMentions(
            "Lina Haddad, the foreign minister of Jordan, arrived in Cairo on Wednesday. Haddad met the Egyptian president.",
            ("Lina Haddad", "PERSON"), ("Haddad", "PERSON"), ("Jordan", "GPE"), ("Cairo", "GPE"), ("Egyptian", "NORP")));

        var haddad = doc.Named("Lina Haddad");
        Assert.Equal(new Role("Foreign Minister", null, "JOR", "current"), Assert.Single(haddad.Roles));
        Assert.Equal("JORGOV", haddad.Code);
        Assert.Equal(["Lina Haddad", "Haddad"], haddad.Mentions.Select(m => m.Text).ToArray());
    }

    [Fact]
    public void CapitalAsSubject_ActsAsItsGovernment()
    {
        var doc = Resolve(WithMentions(
            "Beijing rejected the proposal on Thursday, and Tokyo welcomed it.",
            ("Beijing", "GPE"), ("Tokyo", "GPE")));

        Assert.Equal("CHNGOV", doc.Named("Beijing").Code);
        Assert.Equal("CHN", doc.Named("Beijing").Country);
        Assert.Equal("JPNGOV", doc.Named("Tokyo").Code);
    }

    [Theory]
    [InlineData("Ankara has deepened its ties with Tehran this year.", "Tehran", "IRNGOV")]
    [InlineData("The minister pledged more support for Nairobi after the floods.", "Nairobi", "KENGOV")]
    [InlineData("Lima filed a complaint against Santiago at the court.", "Santiago", "CHLGOV")]
    public void CapitalAsPartyToAnAct_ActsAsItsGovernment(string sentence, string capital, string code)
    {
        var first = sentence.Split(' ')[0];
        var mentions = first == "The" ? new[] { (capital, "GPE") } : new[] { (first, "GPE"), (capital, "GPE") };
        var doc = Resolve(WithMentions(sentence, mentions));
        Assert.Equal(code, doc.Named(capital).Code);
    }

    [Fact]
    public void CapitalAsPlace_KeepsOnlyTheCountryCode()
    {
        var doc = Resolve(WithMentions(
            "The envoy flew to Beijing on Thursday.",
            ("Beijing", "GPE")));

        var beijing = doc.Named("Beijing");
        Assert.Equal("CHN", beijing.Code);
        Assert.Null(beijing.Sector);
    }

    [Fact]
    public void SeatOfGovernment_IsCodedAsThatGovernment()
    {
        var doc = Resolve(WithMentions(
            "The Kremlin said on Tuesday that talks would continue.",
            ("Kremlin", "FAC")));

        Assert.Equal("RUSGOV", doc.Named("Kremlin").Code);
    }

    [Fact]
    public void NationalityBeforeOfficials_BecomesAGovernmentGroup()
    {
        var doc = Resolve(WithMentions(
            "Polish officials said the border would stay open. Later, Polish officials met farmers in Lublin.",
            ("Polish", "NORP"), ("Lublin", "GPE")));

        var group = doc.Named("Polish officials");
        Assert.Equal("POL", group.Country);
        Assert.Equal("GOV", group.Sector);
        Assert.Equal("POLGOV", group.Code);
        Assert.Equal(2, group.Mentions.Length);
        Assert.DoesNotContain(doc.Entities, e => e.Name == "Polish");
    }

    [Fact]
    public void StateBeforeParty_BecomesAPartyGroupOfTheCountry()
    {
        var doc = Resolve(WithMentions(
            "The governor urged Texas Republicans to pass the budget.",
            ("Texas", "GPE"), ("Republicans", "NORP")));

        var group = doc.Named("Texas Republicans");
        Assert.Equal("USA", group.Country);
        Assert.Equal("USAPTY", group.Code);
    }

    [Fact]
    public void ListAfterCountryOfficials_GivesEachPersonTheCountry()
    {
        var doc = Resolve(WithMentions(
            "The meeting included key Canadian officials such as Defence Minister Luc Tremblay and Finance Minister Sarah Lee.",
            ("Canadian", "NORP"), ("Luc Tremblay", "PERSON"), ("Sarah Lee", "PERSON")));

        Assert.Equal(new Role("Defence Minister", null, "CAN", "current"), Assert.Single(doc.Named("Luc Tremblay").Roles));
        Assert.Equal("CANGOV", doc.Named("Sarah Lee").Code);
    }

    [Fact]
    public void Pronoun_PrefersTheSubject()
    {
        var doc = Resolve(WithMentions(
            "Judge Helen Ward questioned Omar Said on Monday. She said the case would resume in May.",
            ("Helen Ward", "PERSON"), ("Omar Said", "PERSON")));

        Assert.Contains(doc.Named("Helen Ward").Mentions, m => m.Text == "She");
        Assert.Equal("JUD", doc.Named("Helen Ward").Sector);
    }

    [Fact]
    public void NoEntities_DocumentIsReturnedUnchanged()
    {
        var doc = Parse("Nothing of note happened.");
        var result = new CoreferenceStage(Kb).Process(doc);
        Assert.Same(doc, result);
    }
}
