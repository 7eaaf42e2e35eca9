using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Testing;

namespace Dossier.Storage.Tests.Corpus;

/// <summary>Hand-built documents for the corpus tests: entities get a mention for every occurrence of their name or
/// aliases in the text; events name their actors by document entity id.</summary>
internal static class CorpusSamples
{
    public static Document Build(string title, string text, DateOnly? published, string url, Entity[] entities, Event[]? events = null)
    {
        var document = SampleDocuments.Tokenise(text, new DocumentMetadata(title, url, published, url));
        var withMentions = entities.Select(e => e.Mentions.IsDefaultOrEmpty ? e with { Mentions = HandBuilt.MentionsOf(document, e) } : e).ToImmutableArray();
        return document with { Entities = withMentions, Events = [.. events ?? []] };
    }

    public static Entity Person(string id, string name, string? country = null, params string[] aliases) =>
        new(id, name, "PERSON") { Country = country, Aliases = [.. aliases] };

    public static Entity Org(string id, string name, string type = "ORG", string? country = null) =>
        new(id, name, type) { Country = country };

    /// <summary>An event whose source and target are each a document entity id ("e1") or, otherwise, an actor code.</summary>
    public static Event Event(string id, string type, string source, string target, string? date, string status = "occurred", double goldstein = 1.0, string evidence = "") =>
        new(id, type, "040", 1, goldstein, status, new EventSpan("met", 0, 3), 0)
        {
            Source = [new EventActor(source, source.StartsWith('e') ? source : null, null, null, source.StartsWith('e') ? null : source)],
            Target = [new EventActor(target, target.StartsWith('e') ? target : null, null, null, target.StartsWith('e') ? null : target)],
            Date = date is null ? null : new EventDate(date, date),
            Evidence = evidence,
            Confidence = 0.9,
        };
}
