using Dossier.Core.Errors;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Events;

/// <summary>
/// Last-resort country for an event actor the actor stage left uncoded (a name the recogniser missed, a group named by
/// its nationality: "Iraqi Kurds", "Radical French farmers"): the actors knowledge base's entry for the name, else the
/// first nationality or country word in it. Without the knowledge base (no model files) it finds nothing.
/// </summary>
internal static class ActorHints
{
    private static readonly Lazy<ActorKnowledgeBase?> Kb = new(() =>
    {
        try
        {
            return ActorKnowledgeBase.Default;
        }
        catch (ModelFileException)
        {
            return null;
        }
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly char[] Separators = [' ', '-', '\u2013', '/'];

    /// <summary>The country (ISO 3166-1 alpha-3) and CAMEO code of a name, or null.</summary>
    public static (string? Country, string? Code)? Find(string name, DateOnly? date, bool allowActorLookup)
    {
        if (string.IsNullOrWhiteSpace(name) || Kb.Value is not { } kb) return null;
        if (allowActorLookup && kb.FindActor(name) is { } known && (known.CodeAt(date) ?? known.LatestCode()) is { } dated)
        {
            var country = ActorCodes.CountryOf(dated.Code);
            if (country is not null || ActorCodes.SectorOf(dated.Code) is not null) return (country, dated.Code);
        }

        foreach (var raw in name.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.EndsWith("'s", StringComparison.Ordinal) || raw.EndsWith("\u2019s", StringComparison.Ordinal) ? raw[..^2] : raw;
            if (word.Length < 3 || !char.IsUpper(word[0])) continue;

            // Short nationality nouns take the adjective's entry: "Serb" → "Serbian", "Croat" → "Croatian".
            if ((kb.FindDemonym(word) ?? kb.FindCountry(word) ?? kb.FindDemonym(word + "ian")) is { } c) return (c.Iso3, null);
        }

        return null;
    }
}
