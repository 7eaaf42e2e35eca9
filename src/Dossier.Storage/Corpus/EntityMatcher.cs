using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Storage.Corpus;

/// <summary>The names under which a document entity joins the corpus.</summary>
/// <param name="Keys">Normalised (<see cref="NameKey"/>) names: the document entity is the same actor as every corpus
/// entity of its type that carries one of them.</param>
/// <param name="Bare">A person known in its document only by one word ("Blair") whose document names no single person
/// with that surname: it joins only the corpus person known by that one word, never a full-name person.</param>
public sealed record EntityLinkKeys(IReadOnlyList<string> Keys, bool Bare);

/// <summary>
/// Decides under which names a document entity joins a corpus entity (one per real-world actor across all documents).
/// Pure and thread-safe; <c>CorpusWriter</c> applies the decision.
/// </summary>
/// <remarks>
/// The rules look only at the document entity and its own document, never at what the store holds, so the corpus is
/// the same whatever order the documents arrive in:
/// <list type="number">
/// <item>An entity's keys are its normalised name and aliases (case, diacritics and punctuation ignored; "U.S." = "US");
/// a person's one-word aliases (surnames) are not keys. Entities of one type that share a key are one corpus entity,
/// and so, transitively, are all entities joined by a chain of shared keys: when a later document shows that two
/// corpus entities are one ("United States" with the alias "US"), they are merged.</item>
/// <item>A person named by one word only ("Blair") takes the key of the one full-name person of its document with that
/// surname ("Tony Blair"); when its document has none or several, it is a bare person, one corpus entity per word,
/// kept apart from full names, so that a surname never joins a person by luck of arrival.</item>
/// </list>
/// Country does not take part in matching: an entity's country is the first in ordinal order of its members' countries.
/// </remarks>
public static class EntityMatcher
{
    /// <summary>The OntoNotes types that get corpus entities.</summary>
    public static readonly IReadOnlySet<string> LinkableTypes =
        new HashSet<string>(EntityTypes.All, StringComparer.Ordinal);

    public static bool IsLinkable(Entity entity) =>
        LinkableTypes.Contains(entity.Type) && NameKey.Normalise(entity.Name).Length > 0;

    /// <summary>The normalised names and aliases of an entity, its name first, without repeats.</summary>
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

    /// <summary>The normalised multi-word names and aliases of a document's people, for rule 2.</summary>
    public static IReadOnlySet<string> PersonNamesIn(Document document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in document.Entities.IsDefault ? [] : document.Entities)
        {
            if (entity.Type == EntityTypes.Person)
            {
                names.UnionWith(LookupKeys(entity).Where(k => NameKey.WordCount(k) > 1));
            }
        }

        return names;
    }

    /// <summary>The keys of <paramref name="entity"/> (rules 1 and 2).</summary>
    /// <param name="documentPersonNames">From <see cref="PersonNamesIn"/> for the entity's document.</param>
    public static EntityLinkKeys LinkKeys(Entity entity, IReadOnlySet<string> documentPersonNames)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(documentPersonNames);
        var keys = LookupKeys(entity);
        if (entity.Type != EntityTypes.Person)
        {
            return new EntityLinkKeys(keys, false);
        }

        var full = keys.Where(k => NameKey.WordCount(k) > 1).ToList();
        if (full.Count > 0 || keys.Count == 0)
        {
            return new EntityLinkKeys(full, false);
        }

        var word = keys[0];
        var named = documentPersonNames.Where(n => NameKey.LastWord(n) == word).ToList();
        return named.Count == 1 ? new EntityLinkKeys(named, false) : new EntityLinkKeys([word], true);
    }

    /// <summary>The name an entity offers as its corpus entity's name: the fullest of its name and aliases.</summary>
    public static string DisplayName(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var best = entity.Name;
        foreach (var alias in entity.Aliases.IsDefault ? [] : entity.Aliases)
        {
            if (NameKey.WordCount(NameKey.Normalise(alias)) > NameKey.WordCount(NameKey.Normalise(best)))
            {
                best = alias;
            }
        }

        return best;
    }

    /// <summary>The fuller of two names for the canonical name: the one with more words, then the first in ordinal
    /// order, so that the choice is the same whichever came first.</summary>
    public static string FullerName(string current, string candidate)
    {
        var a = NameKey.WordCount(NameKey.Normalise(current));
        var b = NameKey.WordCount(NameKey.Normalise(candidate));
        return b > a || (b == a && string.CompareOrdinal(candidate, current) < 0) ? candidate : current;
    }

    /// <summary>Whether a corpus entity is a bare person: a person whose canonical name is one word.</summary>
    public static bool IsBarePerson(string type, string name) =>
        type == EntityTypes.Person && NameKey.WordCount(NameKey.Normalise(name)) == 1;
}
