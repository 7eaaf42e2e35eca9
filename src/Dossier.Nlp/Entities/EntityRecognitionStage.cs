using System.Collections.Immutable;
using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Entities;

/// <summary>
/// Fills <see cref="Document.Names"/> with the names the <see cref="NerModel"/> finds in the
/// document's tokens: one <see cref="Entity"/> per mention for now (ids e1, e2 … in text order;
/// <see cref="Entity.Name"/> the mention text; OntoNotes type; ISO 3166 alpha-3 country for places and
/// nationalities when known). A later stage merges mentions of the same entity.
/// Immutable and thread-safe; needs the tokens stage before it, not the syntax layer.
/// </summary>
public sealed class EntityRecognitionStage : IStage
{
    private readonly NerModel _model;
    private readonly NerLexicon _lexicon;
    private readonly EntityTyper _typer;

    /// <summary>A stage with the shipped word lists of <c>models/ner/</c> (<see cref="NerLexicon.Default"/>, read once per process).</summary>
    /// <exception cref="DataFileException">A word list is missing or malformed.</exception>
    public EntityRecognitionStage(NerModel model)
        : this(model, NerLexicon.Default)
    {
    }

    /// <summary>A stage that types the model's names with the word lists of <paramref name="lexicon"/>.</summary>
    public EntityRecognitionStage(NerModel model, NerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lexicon);
        _model = model;
        _lexicon = lexicon;
        _typer = new EntityTyper(lexicon);
    }

    public string Name => "entities";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens;

    /// <inheritdoc/>
    public Layers Uses => Layers.None;

    /// <inheritdoc/>
    public Layers Adds => Layers.Names;

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document with { Names = [] };
        var text = document.Text;
        var tokens = document.Tokens;
        var sentences = new List<IReadOnlyList<string>>(document.Sentences.Length);

        // Per sentence, the first and last token of each word the model reads.
        var wordTokens = new List<(int First, int Last)[]>(document.Sentences.Length);
        var groups = new List<(int First, int Last)>();
        foreach (var sentence in document.Sentences)
        {
            var first = Math.Clamp(sentence.FirstToken, 0, tokens.Length);
            var count = Math.Clamp(sentence.TokenCount, 0, tokens.Length - first);
            JoinHyphenated(text, tokens, first, count, groups);
            var words = new string[groups.Count];
            for (var i = 0; i < words.Length; i++)
            {
                var (a, b) = groups[i];
                words[i] = text[tokens[a].Start..tokens[b].End];
            }

            sentences.Add(words);
            wordTokens.Add(groups.ToArray());
        }

        var found = _model.Recognize(sentences, _typer);
        var names = DocumentNames(text, tokens, wordTokens, sentences, found);
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var items = new List<(int Start, int End, string Type, string? Country)>();
        for (var s = 0; s < found.Length; s++)
        {
            var map = wordTokens[s];
            items.Clear();
            var covered = new bool[map.Length];
            foreach (var span in found[s])
            {
                for (var w = span.Start; w < span.End; w++) covered[w] = true;
                if (!SplitCompound(text, tokens, map, sentences[s], span.Start, span.End, span.Type, names, _model.Gazetteer, items))
                {
                    items.Add((tokens[map[span.Start].First].Start, tokens[map[span.End - 1].Last].End, span.Type, span.Country));
                }
            }

            // Hyphenated words the tagger left out ("Paris-based", "the Kenya-Uganda border") may still hold names.
            for (var w = 0; w < map.Length; w++)
            {
                if (!covered[w] && map[w].First != map[w].Last) SplitCompound(text, tokens, map, sentences[s], w, w + 1, null, names, _model.Gazetteer, items);
            }

            items.Sort((a, b) => a.Start.CompareTo(b.Start));
            foreach (var (start, spanEnd, type, spanCountry) in items)
            {
                var end = spanEnd;
                var mention = text[start..end];

                // A possessive glued to the last token ("Putin’s" as one token) is not part of the name; a possessive token of its
                // own that the typer kept is (an elliptical possessive: "dinner at Marlowe's.").
                if (mention.Length > 2 && (mention.EndsWith("'s", StringComparison.Ordinal) || mention.EndsWith("\u2019s", StringComparison.Ordinal)) && !PossessiveToken(tokens, end))
                {
                    end -= 2;
                    mention = text[start..end];
                }

                var id = "e" + (entities.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                entities.Add(new Entity(id, mention, type)
                {
                    Aliases = [mention],
                    Country = type is EntityTypes.Gpe or EntityTypes.Group ? spanCountry : null,
                    Mentions = [new Mention(start, end, mention, s)],
                });
            }
        }

        return document with { Names = entities.ToImmutable() };
    }
    /// <summary>
    /// The names the document gives outside hyphenated words, with their type: each PERSON, ORG and GPE
    /// name, and the last word of a personal name of two or more words (its surname, as PERSON).
    /// </summary>
    private static Dictionary<string, (string Type, string? Country)> DocumentNames(
        string text, ImmutableArray<Token> tokens, List<(int First, int Last)[]> wordTokens, List<IReadOnlyList<string>> sentences, List<NerSpan>[] found)
    {
        var names = new Dictionary<string, (string Type, string? Country)>(StringComparer.Ordinal);
        for (var s = 0; s < found.Length; s++)
        {
            var map = wordTokens[s];
            foreach (var span in found[s])
            {
                if (span.Type is not (EntityTypes.Person or EntityTypes.Organization or EntityTypes.Gpe) || span.End <= span.Start) continue;
                if (span.End - span.Start == 1 && map[span.Start].First != map[span.Start].Last) continue; // a compound itself
                var name = StripPossessive(text[tokens[map[span.Start].First].Start..tokens[map[span.End - 1].Last].End]);
                if (span.Type == EntityTypes.Person)
                {
                    names[name] = (EntityTypes.Person, null);
                    if (span.End - span.Start >= 2) names[StripPossessive(sentences[s][span.End - 1])] = (EntityTypes.Person, null);
                }
                else
                {
                    names.TryAdd(name, (span.Type, span.Type == EntityTypes.Gpe ? span.Country : null));
                }
            }
        }

        return names;
    }

    /// <summary>True when a token of its own ("'s") ends at <paramref name="end"/>.</summary>
    private static bool PossessiveToken(ImmutableArray<Token> tokens, int end)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End < end) lo = mid + 1;
            else if (tokens[mid].End > end) hi = mid - 1;
            else return tokens[mid].End - tokens[mid].Start == 2;
        }

        return false;
    }

    private static string StripPossessive(string w) =>
        w.Length > 2 && (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("\u2019s", StringComparison.Ordinal)) ? w[..^2] : w;

    /// <summary>
    /// Names inside a hyphenated word ("Trump-Putin", "NATO-backed", "Kenya-Uganda", "New York-based"), read
    /// whole by the tagger: words [<paramref name="start"/>, <paramref name="end"/>) of a sentence, a
    /// predicted span of <paramref name="type"/> or an untagged word (null). A part of the compound is a name
    /// of its own when the gazetteer knows it (place, group, international organisation), when the document
    /// names it elsewhere (a PERSON, ORG or GPE, or a person's surname), or when it is a country abbreviation
    /// in capitals (GPE); an acronym is an organisation before "-backed", "-led", "-funded" … or, inside a
    /// predicted span, in a compound of names only or one the tagger called ORG (not "AI-generated").
    /// Lower-case parts ("-backed", "-based", "-era", "pro-") are not names. The compound is split only when every capitalised part is such a name and no
    /// part is anything else (digits: "F-16"), and not when the gazetteer knows the whole word
    /// ("Guinea-Bissau"); a span of several words is left whole ("Asia-Pacific Economic Cooperation",
    /// "Jean-Luc Moreau") unless it ends in a suffix ("New York-based" → "New York").
    /// Adds the names to <paramref name="items"/> (character offsets) and returns true when it split.
    /// </summary>
    private bool SplitCompound(
        string text, ImmutableArray<Token> tokens, (int First, int Last)[] map, IReadOnlyList<string> words, int start, int end, string? type,
        Dictionary<string, (string Type, string? Country)> names, Gazetteer gazetteer, List<(int Start, int End, string Type, string? Country)> items)
    {
        var predicted = type is not null;
        var last = map[end - 1];
        if (end - start > 1)
        {
            // "New York-based": only a span whose last word is a name part and suffixes.
            if (last.First == last.Last || !Gazetteer.StartsName(TokenText(text, tokens[last.First]))) return false;
            for (var w = start; w < end - 1; w++)
            {
                if (map[w].First != map[w].Last) return false;
            }

            for (var t = last.First + 2; t <= last.Last; t += 2)
            {
                if (!IsSuffix(TokenText(text, tokens[t]))) return false;
            }

            var nameStart = tokens[map[start].First].Start;
            var nameEnd = tokens[last.First].End;
            var resolved = Resolve(text[nameStart..nameEnd], names, gazetteer, false);
            if (resolved is null) return false;
            items.Add((nameStart, nameEnd, resolved.Value.Type, resolved.Value.Country));
            return true;
        }

        if (last.First == last.Last || gazetteer.Lookup(words[start]) is not null) return false;
        var found = new List<(int Start, int End, string Type, string? Country)>();
        var lowerBefore = false;
        var anySuffix = false;
        for (var t = last.First; t <= last.Last; t += 2) anySuffix |= IsSuffix(TokenText(text, tokens[t]));
        for (var t = last.First; t <= last.Last; t += 2)
        {
            var part = TokenText(text, tokens[t]);
            if (IsSuffix(part))
            {
                lowerBefore = true;
                continue;
            }

            // "al-Qaeda", "bin-Salman": a lower-case particle before a name belongs to it.
            if (predicted && lowerBefore) return false;
            var affiliation = t + 2 <= last.Last && _lexicon.AffiliationSuffixes.Contains(TokenText(text, tokens[t + 2]));
            var r = Resolve(part, names, gazetteer, affiliation || type == EntityTypes.Organization || predicted && !anySuffix);
            if (r is null) return false;
            found.Add((tokens[t].Start, tokens[t].End, r.Value.Type, r.Value.Country));
        }

        if (found.Count == 0) return false;
        items.AddRange(found);
        return true;
    }

    private static string TokenText(string text, Token token) => text[token.Start..token.End];

    /// <summary>A lower-case part of a compound: "backed", "based", "led", "era", "pro", "anti".</summary>
    private static bool IsSuffix(string part) => part.Length > 0 && part.All(c => char.IsLetter(c) && char.IsLower(c));

    /// <summary>The type of a name inside a compound, or null when there is no evidence that it is one.</summary>
    private (string Type, string? Country)? Resolve(string part, Dictionary<string, (string Type, string? Country)> names, Gazetteer gazetteer, bool acronymIsOrg)
    {
        if (part.Length == 0 || !char.IsUpper(part[0])) return null;
        var found = names.TryGetValue(part, out var named);
        if (found && named.Type == EntityTypes.Person) return named;
        var allCaps = Gazetteer.AllCaps(part);
        var entry = gazetteer.Lookup(part);
        if (entry is not null && !(entry.AcronymOnly && !allCaps))
        {
            if ((entry.Kinds & GazKind.Org) != 0 && allCaps) return (EntityTypes.Organization, null);
            if ((entry.Kinds & (GazKind.Country | GazKind.Capital | GazKind.State | GazKind.Place | GazKind.BigCity)) != 0) return (EntityTypes.Gpe, entry.PlaceCountry);
            if ((entry.Kinds & GazKind.AnyGroup) != 0) return (EntityTypes.Group, entry.DemonymCountry ?? entry.PlaceCountry);
            if ((entry.Kinds & GazKind.Org) != 0) return (EntityTypes.Organization, null);
        }

        if (found) return named;
        if (_lexicon.CountryAbbreviations.TryGetValue(part, out var iso)) return (EntityTypes.Gpe, iso);

        // An acronym before a word saying who backs, leads or pays for something ("NATO-backed", "EU-funded",
        // not "AI-generated"), or in a compound of names the tagger found ("NATO-Russia"): an organisation.
        if (acronymIsOrg && part.Length >= 2 && part.All(char.IsLetter) && allCaps) return (EntityTypes.Organization, null);
        return null;
    }

    /// <summary>
    /// Groups the tokens of a sentence into the words the model was trained on. The tokenizer splits
    /// hyphenated words as UD EWT does ("Asia-Pacific" → "Asia" "-" "Pacific"), CoNLL-2003 keeps them
    /// whole: tokens joined by a hyphen with no whitespace around it form one word, so that no name
    /// starts or ends inside such a word.
    /// </summary>
    internal static void JoinHyphenated(string text, ImmutableArray<Token> tokens, int first, int count, List<(int First, int Last)> groups)
    {
        groups.Clear();
        var end = first + count;
        for (var i = first; i < end;)
        {
            var last = i;
            while (last + 2 < end && IsHyphen(text, tokens[last + 1]) && !IsHyphen(text, tokens[last])
                && tokens[last].End == tokens[last + 1].Start && tokens[last + 1].End == tokens[last + 2].Start && !IsHyphen(text, tokens[last + 2]))
            {
                last += 2;
            }

            groups.Add((i, last));
            i = last + 1;
        }
    }

    private static bool IsHyphen(string text, Token token) =>
        token.End - token.Start == 1 && text[token.Start] is '-' or '\u2010' or '\u2011';
}
