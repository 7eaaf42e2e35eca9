using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Events;

/// <summary>
/// Turns argument tokens into event actors: each conjunct, the actors a quantity counts ("hundreds of protesters"),
/// the entity's canonical name, and a country from the apposition, the "based in" place or the actors knowledge base;
/// a pronoun of a reported clause stands for the speaker.
/// </summary>
internal sealed class EventActorResolver
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;
    private readonly DocumentContext _context;
    private readonly ActorTokens _actors;
    private readonly PlaceFinder _places;

    public EventActorResolver(AnalysedSentence sentence, ActorTokens actors, PlaceFinder places)
    {
        _s = sentence;
        _tree = sentence.Tree;
        _context = sentence.Context;
        _actors = actors;
        _places = places;
    }

    /// <summary>The actors of an argument and its conjuncts. Lenient (subjects): a non-actor head ("doctors from two
    /// American aid groups") still counts when its phrase names an actor anywhere, not only in its name words.</summary>
    public List<ActorAt> Actors(List<int> heads, int speaker, bool lenient)
    {
        var result = new List<ActorAt>();
        var all = new List<int>();
        foreach (var h in heads)
        {
            all.Add(h);
            Conjuncts(h, all, 0);
        }

        foreach (var h0 in all.Distinct())
        {
            var h = Quantified(h0);

            // Subjects: "British aircraft", "Swiss doctors" — a thing or group named by its nationality acts for it.
            var standsForSpeaker = speaker >= 0 && _actors.IsUnresolvedIt(h) && !IsPerson(speaker);
            if (!_actors.IsActor(h) && _actors.NestedActor(h, strict: !lenient) < 0 && !standsForSpeaker
                && !(lenient && _tree.IsNoun(h) && ActorHints.Find(PhraseText(h), _context.Published, false) is not null)) continue;
            var actor = ActorOf(h);

            // "X said it would ...": an unresolved (or uncoded) pronoun of a reported clause stands for the speaker, when
            // they agree ("it" is no person, "he" and "she" are no country).
            if (_s.Tokens[h].Xpos == "PRP" && speaker >= 0 && (actor.Entity is null || actor.Code is null && actor.Country is null) && Agrees(h, speaker)
                && (_actors.IsActor(speaker) || _actors.NestedActor(speaker) >= 0) && ActorOf(speaker) is var spoken && (actor.Entity is null || spoken.Country is not null || spoken.Code is not null))
            {
                actor = spoken;
            }

            if (result.Any(r => r.Actor.Entity is not null && r.Actor.Entity == actor.Entity)) continue;
            result.Add(new ActorAt(h, actor));
        }

        return result;
    }

    /// <summary>The name of a speaker: the entity's canonical name ("Maria Lopez" for "she"), else the words of the phrase.</summary>
    public string SpeakerName(int h) =>
        _context.EntityAt[h] is { } entity && _context.MentionAt[h] is { } mention ? DisplayName(entity, mention) : PhraseText(h);

    private bool IsPerson(int h) => _context.EntityAt[h] is { Type: EntityTypes.Person };

    /// <summary>Whether a pronoun can stand for the speaker: "it" not for a person, "he"/"she" not for an organisation or place.</summary>
    private bool Agrees(int pronoun, int speaker)
    {
        var lemma = _tree.Lemma(pronoun);
        var entity = _context.EntityAt[speaker];
        if (lemma == "it") return entity is null || entity.Type != EntityTypes.Person;
        if (lemma is "he" or "she") return entity is null || entity.Type == EntityTypes.Person;
        return true;
    }

    /// <summary>The words of a noun phrase: the head and its left modifiers (no determiners, cases or clauses).</summary>
    public string PhraseText(int h)
    {
        var start = h;
        foreach (var c in _tree.Children(h))
        {
            if (c < start && _tree.Relation(c) is "compound" or "amod" or "flat" or "flat:name" or "nummod" or "nmod:poss") start = Math.Min(start, Leftmost(c, 0));
        }

        var end = h;
        foreach (var c in _tree.Children(h))
        {
            if (c > end && _tree.Relation(c) is "flat" or "flat:name" or "compound") end = Math.Max(end, c);
        }

        return _s.Document.Slice(_s.Tokens[start].Start, _s.Tokens[end].End);
    }

    /// <summary>"Hundreds of thousands of people" → "people": the actors a quantity word counts.</summary>
    private int Quantified(int h)
    {
        var quantity = _s.Lexicon.Words.QuantityWords;
        var i = h;
        for (var depth = 0; depth < 3; depth++)
        {
            if (_actors.IsActor(i) && _s.Tokens[i].Upos != "NUM" && !quantity.Contains(_tree.Lemma(i))) return i;
            if (_s.Tokens[i].Upos != "NUM" && !quantity.Contains(_tree.Lemma(i)) && !quantity.Contains(_tree.Text(i).ToLowerInvariant())) return h;
            var of = _tree.ChildrenWith(i, "nmod").FirstOrDefault(c => _tree.CaseMarker(c) == "of", -1);
            if (of < 0) return h;
            i = of;
        }

        return _actors.IsActor(i) ? i : h;
    }

    private void Conjuncts(int h, List<int> into, int depth)
    {
        if (depth > 6) return;
        foreach (var c in _tree.ChildrenWith(h, "conj"))
        {
            if (!_tree.IsNoun(c) && _s.Tokens[c].Upos is not ("PROPN" or "PRON")) continue;
            into.Add(c);
            Conjuncts(c, into, depth + 1);
        }
    }

    private EventActor ActorOf(int h) => WithCountry(BareActorOf(h), h);

    /// <summary>
    /// An actor without a country or non-state code takes one from its apposition ("a member of the Syrian parliament,
    /// Mohammed Mamoun"), else from the actors knowledge base (its name, or a nationality word in it).
    /// </summary>
    private EventActor WithCountry(EventActor actor, int h)
    {
        if (actor.Country is not null || actor.Code is { Length: >= 3 } code && ActorCodes.SectorOf(code) == code[..3]) return actor;
        var related = new List<int>();
        if (_tree.Relation(h) == "appos" && _tree.Head(h) >= 0) related.Add(_tree.Head(h));
        related.AddRange(_tree.ChildrenWith(h, "appos"));

        // A subject the parser split in two ("Taiwan's Vice | Foreign Minister"): the other part's words.
        if (_tree.BaseRelation(h) == "nsubj" && _tree.Head(h) is var verb && verb >= 0)
        {
            related.AddRange(_tree.Children(verb).Where(o => o != h && _tree.BaseRelation(o) == "nsubj" && Math.Abs(o - h) <= 3));
        }

        foreach (var r in related)
        {
            var country = _context.EntityAt[r]?.Country ?? (_actors.NestedActor(r) is var n && n >= 0 ? _context.EntityAt[n]!.Country : null);
            if (country is not null) return actor with { Country = country };
        }

        // "a newspaper based in Beirut": the place it is based in.
        foreach (var based in _tree.ChildrenWith(h, "acl"))
        {
            if (_tree.Lemma(based) != "base") continue;
            foreach (var o in _tree.ChildrenWith(based, "obl"))
            {
                if (_places.PlaceIn(o, 0) is var place && place >= 0 && _context.EntityAt[place]!.Country is { } home) return actor with { Country = home };
            }
        }

        if (_s.Tokens[h].Xpos is "PRP" or "PRP$") return actor;
        var name = actor.Entity is not null ? actor.Text : PhraseText(h);
        var named = actor.Entity is not null || _s.Tokens[h].Upos == "PROPN";
        if ((ActorHints.Find(name, _context.Published, named) ?? (actor.Entity is not null ? ActorHints.Find(PhraseText(h), _context.Published, false) : null)) is { } hint)
        {
            return actor with { Country = hint.Country, Code = actor.Code ?? hint.Code };
        }

        return actor;
    }

    private EventActor BareActorOf(int h)
    {
        // "Russian President | Vladimir Putin" split by the parser: a title followed by a person's name is that person.
        if (_context.EntityAt[h] is null && _s.Lexicon.IsActorNoun(_tree.Lemma(h)) && h + 1 < _s.End
            && _context.EntityAt[h + 1] is { Type: EntityTypes.Person } person && _context.MentionAt[h + 1] is { } named0)
        {
            return new EventActor(DisplayName(person, named0), person.Id, person.Country, person.Sector, person.Code);
        }

        if (_context.EntityAt[h] is { } entity && _context.MentionAt[h] is { } mention)
        {
            var country = entity.Country;
            if (country is null && _actors.NestedActor(h) is var n && n >= 0) country = _context.EntityAt[n]!.Country;
            return new EventActor(DisplayName(entity, mention), entity.Id, country, entity.Sector, entity.Code);
        }

        var nested = _actors.NestedActor(h);
        var nestedEntity = nested >= 0 ? _context.EntityAt[nested] : null;
        var named = _actors.NestedActor(h, strict: true);
        if (named >= 0 && !_s.Lexicon.IsActorNoun(_tree.Lemma(h)) && _s.Tokens[h].Upos != "PROPN")
        {
            nested = named;
            nestedEntity = _context.EntityAt[named]!;

            // The head is a thing ("resolution") named after an actor ("Security Council"): the actor is that entity.
            return new EventActor(DisplayName(nestedEntity, _context.MentionAt[nested]!), nestedEntity.Id, nestedEntity.Country, nestedEntity.Sector, nestedEntity.Code);
        }

        return new EventActor(PhraseText(h), null, nestedEntity?.Country, null, null);
    }

    /// <summary>The entity's canonical name ("John Bolton" for "He", "Bolton" or "the former adviser"), else the mention.</summary>
    private static string DisplayName(Entity entity, Mention mention) =>
        string.IsNullOrWhiteSpace(entity.Name) ? mention.Text : entity.Name;

    private int Leftmost(int i, int depth)
    {
        var left = i;
        if (depth > 4) return left;
        foreach (var c in _tree.Children(i))
        {
            if (c < left && _tree.Relation(c) is not ("case" or "det" or "punct" or "cc")) left = Math.Min(left, Leftmost(c, depth + 1));
        }

        return left;
    }
}
