using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Storage.Corpus;

/// <summary>A corpus entity that a document entity might be linked to, as the matcher sees it.</summary>
/// <param name="Id">The corpus entity id.</param>
/// <param name="Name">Its canonical (fullest) name.</param>
/// <param name="Names">Normalised (<see cref="NameKey"/>) canonical names and aliases it has been seen under, the canonical name included.</param>
/// <param name="MentionCount">Mentions across the corpus, for choosing among equals.</param>
public sealed record CorpusEntityCandidate(long Id, string Name, string Type, string? Country, long MentionCount, IReadOnlySet<string> Names)
{
    public string NormalisedName { get; } = NameKey.Normalise(Name);

    /// <summary>Last words of the canonical name and of the multi-word aliases (for people).</summary>
    public IEnumerable<string> Surnames =>
        Names.Append(NormalisedName).Where(n => NameKey.WordCount(n) > 1).Select(NameKey.LastWord).Distinct(StringComparer.Ordinal);

    /// <summary>A corpus person known only by one word ("Trump"), kept apart because the word was ambiguous or had no candidate.</summary>
    public bool IsBarePerson => Type == EntityTypes.Person && NameKey.WordCount(NormalisedName) == 1;
}

/// <summary>How a document entity was linked.</summary>
public enum EntityMatchKind
{
    /// <summary>The type is not one the corpus keeps, or the name is empty: no link.</summary>
    NotLinkable,

    /// <summary>No corpus entity agrees: a new one is created from the document entity.</summary>
    New,

    /// <summary>Same normalised name.</summary>
    Name,

    /// <summary>The full name of one equals an alias of the other.</summary>
    Alias,

    /// <summary>A bare surname that matches exactly one corpus person.</summary>
    Surname,

    /// <summary>A bare surname shared by several corpus people, resolved by the full name that the document also contains.</summary>
    FullNameInDocument,
}

/// <summary>The matcher's decision: the kind and, unless <see cref="EntityMatchKind.New"/> or <see cref="EntityMatchKind.NotLinkable"/>, the corpus entity.</summary>
public sealed record EntityMatch(EntityMatchKind Kind, long? CorpusId)
{
    public bool IsLinked => CorpusId is not null;
}

/// <summary>
/// Decides which corpus entity (one per real-world actor across all documents) a document entity is.
/// Pure and thread-safe: the store supplies the candidates (corpus entities that share any normalised name,
/// alias or surname with the document entity) and applies the decision.
/// </summary>
/// <remarks>
/// Rules, with type equality and country compatibility (equal, or one unknown) required throughout:
/// <list type="number">
/// <item>Same normalised canonical name (case, diacritics and punctuation ignored; "U.S." = "US").</item>
/// <item>The full name of one is among the aliases of the other (a one-word person in the corpus is never matched
/// through the document's aliases, so that "Trump", kept apart as ambiguous, does not absorb "Melania Trump").</item>
/// <item>A one-word person name ("Trump") links to the one corpus person with that surname or alias. With several
/// (Donald and Melania Trump), it links to the most mentioned of those whose full name the document also contains,
/// else to (or creates) a corpus person keyed by the bare name.</item>
/// </list>
/// Among equal candidates the most mentioned wins, then the oldest (lowest id).
/// </remarks>
public static class EntityMatcher
{
    /// <summary>The OntoNotes types that get corpus entities.</summary>
    public static readonly IReadOnlySet<string> LinkableTypes =
        new HashSet<string>(EntityTypes.All, StringComparer.Ordinal);

    public static bool IsLinkable(Entity entity) =>
        LinkableTypes.Contains(entity.Type) && NameKey.Normalise(entity.Name).Length > 0;

    /// <summary>The normalised keys under which candidates for <paramref name="entity"/> are looked up: its name and aliases.</summary>
    public static IReadOnlyList<string> LookupKeys(Entity entity)
    {
        var keys = new List<string>();
        foreach (var name in Enumerable.Prepend(entity.Aliases.IsDefault ? [] : entity.Aliases, entity.Name))
        {
            var key = NameKey.Normalise(name);
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>The normalised multi-word names and aliases of a document's entities (and its mentions), for rule 3.</summary>
    public static IReadOnlySet<string> FullNamesIn(Document document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in document.Entities.IsDefault ? [] : document.Entities)
        {
            var all = (entity.Aliases.IsDefault ? [] : entity.Aliases)
                .Append(entity.Name)
                .Concat((entity.Mentions.IsDefault ? [] : entity.Mentions).Select(m => m.Text));
            foreach (var name in all)
            {
                var key = NameKey.Normalise(name);
                if (NameKey.WordCount(key) > 1)
                {
                    names.Add(key);
                }
            }
        }

        return names;
    }

    /// <summary>Whether two countries do not conflict: equal, or either unknown.</summary>
    public static bool CountriesCompatible(string? a, string? b) =>
        string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b) || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <param name="entity">The document entity.</param>
    /// <param name="documentFullNames">From <see cref="FullNamesIn"/>.</param>
    /// <param name="candidates">Corpus entities found under <see cref="LookupKeys"/> (and the surname); others are ignored.</param>
    public static EntityMatch Match(Entity entity, IReadOnlySet<string> documentFullNames, IEnumerable<CorpusEntityCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(documentFullNames);
        ArgumentNullException.ThrowIfNull(candidates);
        if (!IsLinkable(entity))
        {
            return new EntityMatch(EntityMatchKind.NotLinkable, null);
        }

        var name = NameKey.Normalise(entity.Name);
        var pool = candidates
            .Where(c => c.Type == entity.Type && CountriesCompatible(c.Country, entity.Country))
            .DistinctBy(c => c.Id)
            .ToList();

        if (entity.Type == EntityTypes.Person && NameKey.WordCount(name) == 1)
        {
            return MatchBarePerson(name, documentFullNames, pool);
        }

        var exact = pool.Where(c => c.NormalisedName == name).ToList();
        if (exact.Count > 0)
        {
            return new EntityMatch(EntityMatchKind.Name, Best(exact).Id);
        }

        var aliases = LookupKeys(entity).Skip(1).ToHashSet(StringComparer.Ordinal);
        var byAlias = pool
            .Where(c => c.Names.Contains(name) || (!c.IsBarePerson && aliases.Contains(c.NormalisedName)))
            .ToList();
        if (byAlias.Count > 0)
        {
            return new EntityMatch(EntityMatchKind.Alias, Best(byAlias).Id);
        }

        return new EntityMatch(EntityMatchKind.New, null);
    }

    /// <summary>The fuller of two names for the canonical name: the one with more words; the current one on a tie,
    /// so that a canonical name does not flip between spellings ("Zelensky", "Zelenskyy").</summary>
    public static string FullerName(string current, string candidate) =>
        NameKey.WordCount(NameKey.Normalise(candidate)) > NameKey.WordCount(NameKey.Normalise(current)) ? candidate : current;

    private static EntityMatch MatchBarePerson(string name, IReadOnlySet<string> documentFullNames, List<CorpusEntityCandidate> pool)
    {
        var people = pool
            .Where(c => !c.IsBarePerson && (c.Surnames.Contains(name, StringComparer.Ordinal) || c.Names.Contains(name)))
            .ToList();
        if (people.Count > 1)
        {
            var inDocument = people
                .Where(c => documentFullNames.Contains(c.NormalisedName) || c.Names.Any(n => NameKey.WordCount(n) > 1 && documentFullNames.Contains(n)))
                .ToList();
            if (inDocument.Count > 0)
            {
                return new EntityMatch(EntityMatchKind.FullNameInDocument, Best(inDocument).Id);
            }
        }

        var exact = pool.Where(c => c.NormalisedName == name).ToList();
        if (exact.Count > 0)
        {
            return new EntityMatch(EntityMatchKind.Name, Best(exact).Id);
        }

        return people.Count == 1
            ? new EntityMatch(EntityMatchKind.Surname, people[0].Id)
            : new EntityMatch(EntityMatchKind.New, null);
    }

    private static CorpusEntityCandidate Best(IEnumerable<CorpusEntityCandidate> candidates) =>
        candidates.OrderByDescending(c => c.MentionCount).ThenBy(c => c.Id).First();
}
