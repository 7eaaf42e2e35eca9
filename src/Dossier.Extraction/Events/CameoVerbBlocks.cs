using System.Collections.Frozen;

namespace Dossier.Extraction.Events;

/// <summary>
/// The verb blocks of CAMEO's verb dictionary (<c>cameo-verb-blocks.tsv</c>, built by <see cref="EventLexiconBuilder"/>):
/// each verb's block (a synonym set, mostly from WordNet, named by its head word) and the direct objects its patterns
/// name with a code ("rush aid" 070). The trigger model reads them as back-off cues: a verb shares its block's
/// evidence with its synonyms, a verb with no code of its own takes the type most of its block's verbs have, and a
/// verb with an object its patterns name takes that pattern's type.
/// </summary>
internal sealed class CameoVerbBlocks
{
    public static readonly CameoVerbBlocks Empty = new(new Dictionary<string, (string, string)>());

    private readonly FrozenDictionary<string, string> _block;
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _objects;

    public CameoVerbBlocks(IReadOnlyDictionary<string, (string Block, string Objects)> rows)
    {
        _block = rows.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Block, StringComparer.Ordinal);
        var objects = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (lemma, (_, list)) in rows)
        {
            if (list == EventLexicon.None || list.Length == 0) continue;
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = pair.LastIndexOf(':');
                if (colon > 0 && colon < pair.Length - 1) map.TryAdd(pair[..colon], pair[(colon + 1)..]);
            }

            if (map.Count > 0) objects[lemma] = map.ToFrozenDictionary(StringComparer.Ordinal);
        }

        _objects = objects.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The head word of the verb's block; null when the verb is in none.</summary>
    public string? Block(string lemma) => _block.GetValueOrDefault(lemma);

    /// <summary>The code of the verb's pattern with this direct object (its word or lemma, lower case); null when none.</summary>
    public string? ObjectCode(string lemma, string word, string objectLemma) =>
        _objects.TryGetValue(lemma, out var map) ? map.GetValueOrDefault(word) ?? map.GetValueOrDefault(objectLemma) : null;

    /// <summary>
    /// The PLOVER type most verbs of the block have in <paramref name="lexicon"/> (ties: the first in ordinal order);
    /// null when the verb is in no block or no verb of its block has a type.
    /// </summary>
    public string? BlockType(string lemma, EventLexicon lexicon)
    {
        if (Block(lemma) is not { } block) return null;
        if (_blockTypes is null)
        {
            var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (var (verb, b) in _block)
            {
                if (lexicon.Verb(verb) is not { } code || lexicon.Code(code.TrimStart(':'))?.Plover is not { } type) continue;
                if (!counts.TryGetValue(b, out var c)) counts[b] = c = new Dictionary<string, int>(StringComparer.Ordinal);
                c[type] = c.GetValueOrDefault(type) + 1;
            }

            _blockTypes = counts.ToFrozenDictionary(
                kv => kv.Key,
                kv => kv.Value.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key,
                StringComparer.Ordinal);
        }

        return _blockTypes.GetValueOrDefault(block);
    }

    // Built on first use from the lexicon that owns these blocks; two threads may both build it, with the same result
    // (the reference is swapped whole), so no lock.
    private FrozenDictionary<string, string>? _blockTypes;
}
