using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Testing;

namespace Dossier.Storage.Tests;

/// <summary>Documents built by hand, with every layer filled, and a deep comparison of two documents.</summary>
internal static class SampleDocuments
{
    public const string ReferenceText =
        "Zelensky met Trump in Washington on Thursday. Ukraine asked for $60 billion in aid.";

    /// <summary>A document with sentences, parsed tokens, an entity with a role and mentions, a time, a value and an event.</summary>
    public static Document Full()
    {
        var text = ReferenceText;
        var basic = Tokenise(text, new DocumentMetadata("Zelensky meets Trump", "samples/ref.txt#line=3", new DateOnly(2025, 10, 17), "https://example.org/a"));
        var tokens = basic.Tokens.Select((t, i) => t with
        {
            Upos = i == 0 ? "PROPN" : "X",
            Xpos = i == 0 ? "NNP" : null,
            Lemma = text[t.Start..t.End].ToLowerInvariant() + "·é",
            Head = i == 1 ? -1 : (i < 9 ? 1 : 10),
            Relation = i == 1 ? "root" : "dep",
        }).ToImmutableArray();

        int Find(string s) => text.IndexOf(s, StringComparison.Ordinal);
        var zelensky = new Entity("e1", "Volodymyr Zelensky", "PERSON")
        {
            Aliases = ["Zelensky", "Zelenskyy"],
            Country = "UKR",
            Sector = "GOV",
            Code = "UKRGOV",
            Roles = [new Role("President", null, "UKR", "current"), new Role("Actor", "Kvartal 95", null, "former")],
            Mentions = [new Mention(0, 8, "Zelensky", 0)],
        };
        var trump = new Entity("e2", "Donald Trump", "PERSON")
        {
            Country = "USA",
            Mentions = [new Mention(Find("Trump"), Find("Trump") + 5, "Trump", 0)],
        };
        var ukraine = new Entity("e3", "Ukraine", "GPE") { Country = "UKR", Mentions = [new Mention(Find("Ukraine"), Find("Ukraine") + 7, "Ukraine", 1)] };
        var washington = new Entity("e4", "Washington", "GPE") { Country = "USA", Mentions = [new Mention(Find("Washington"), Find("Washington") + 10, "Washington", 0)] };
        var time = new TimeExpression("Thursday", "DATE", "2025-10-16", Find("Thursday"), Find("Thursday") + 8, 0);
        var value = new ValueMention("$60 billion", "MONEY", 60_000_000_000.125m, "USD", Find("$60 billion"), Find("$60 billion") + 11, 1);
        var meet = new Event("v1", "CONSULT", "040", 1, 1.0, "asserted", new EventSpan("met", 9, 12), 0)
        {
            Mode = "visit",
            Source = [new EventActor("Zelensky", "e1", "UKR", "GOV", "UKRGOV")],
            Target = [new EventActor("Trump", "e2", "USA", "GOV", "USAGOV"), new EventActor("his aides", null, null, null, null)],
            Location = new EventLocation("Washington", "e4", "USA"),
            Date = new EventDate("Thursday", "2025-10-16"),
            Attributes = ImmutableDictionary<string, string>.Empty.Add("tense", "past").Add("polarity", "positive"),
            Evidence = "Zelensky met Trump in Washington on Thursday.",
            Confidence = 0.875,
        };
        var ask = new Event("v2", "AID", "031", 1, 5.2, "asserted", new EventSpan("asked", Find("asked"), Find("asked") + 5), 1)
        {
            Source = [new EventActor("Ukraine", "e3", "UKR", null, "UKR")],
            Evidence = "Ukraine asked for $60 billion in aid.",
            Confidence = 0.5,
        };

        return basic with
        {
            Tokens = tokens,
            Entities = [zelensky, trump, ukraine, washington],
            Times = [time],
            Values = [value],
            Events = [meet, ask],
        };
    }

    /// <summary>See <see cref="HandBuilt.Tokenise"/>.</summary>
    public static Document Tokenise(string text, DocumentMetadata metadata, string? language = "en") => HandBuilt.Tokenise(text, metadata, language);

    public static Document Simple(string text, DateOnly? published = null, string? title = null, string? language = "en") =>
        Tokenise(text, new DocumentMetadata(title, "test:" + text.GetHashCode(StringComparison.Ordinal), published), language);

    /// <summary>Asserts that every layer of <paramref name="actual"/> equals that of <paramref name="expected"/>, element by element.</summary>
    public static void AssertSame(Document expected, Document actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Metadata, actual.Metadata);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.Sentences.ToArray(), actual.Sentences.ToArray());
        Assert.Equal(expected.Tokens.ToArray(), actual.Tokens.ToArray());
        Assert.Equal(expected.Times.ToArray(), actual.Times.ToArray());
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());

        Assert.Equal(expected.Entities.Length, actual.Entities.Length);
        foreach (var (e, a) in expected.Entities.Zip(actual.Entities))
        {
            Assert.Equal((e.Id, e.Name, e.Type, e.Country, e.Sector, e.Code), (a.Id, a.Name, a.Type, a.Country, a.Sector, a.Code));
            Assert.Equal(e.Aliases.ToArray(), a.Aliases.ToArray());
            Assert.Equal(e.Roles.ToArray(), a.Roles.ToArray());
            Assert.Equal(e.Mentions.ToArray(), a.Mentions.ToArray());
        }

        Assert.Equal(expected.Events.Length, actual.Events.Length);
        foreach (var (e, a) in expected.Events.Zip(actual.Events))
        {
            Assert.Equal((e.Id, e.Type, e.Cameo, e.QuadClass, e.Goldstein, e.Status, e.Trigger, e.Sentence),
                (a.Id, a.Type, a.Cameo, a.QuadClass, a.Goldstein, a.Status, a.Trigger, a.Sentence));
            Assert.Equal((e.Mode, e.Location, e.Date, e.Evidence, e.Confidence), (a.Mode, a.Location, a.Date, a.Evidence, a.Confidence));
            Assert.Equal(e.Source.ToArray(), a.Source.ToArray());
            Assert.Equal(e.Target.ToArray(), a.Target.ToArray());
            Assert.Equal(e.Attributes.OrderBy(p => p.Key), a.Attributes.OrderBy(p => p.Key));
        }
    }

}
