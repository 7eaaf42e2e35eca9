using System.Collections.Immutable;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

internal sealed partial class CoreferenceRun
{
    private static readonly Dictionary<string, char> Pronouns = new(StringComparer.Ordinal)
    {
        ["he"] = 'm', ["him"] = 'm', ["his"] = 'm', ["himself"] = 'm',
        ["she"] = 'f', ["her"] = 'f', ["hers"] = 'f', ["herself"] = 'f',
        ["they"] = 'p', ["them"] = 'p', ["their"] = 'p', ["theirs"] = 'p', ["themselves"] = 'p',
        ["its"] = 'n', ["it"] = 'n', ["itself"] = 'n',
    };

    private static readonly HashSet<string> NameStopWords = ["of", "the", "and", "for", "de", "la", "du", "on", "in", "to"];

    private readonly Dictionary<string, Cluster> _keyed = new(StringComparer.Ordinal);

    public ImmutableArray<Entity> Resolve()
    {
        ReadMentions();
        JoinHyphenated();
        CutTitlesOutOfNames();
        FindRoles();
        _mentions.RemoveAll(m => m.Removed);
        FindGroups();
        FindNominals();
        InheritListCountries();
        foreach (var m in _mentions) MarkSubjects(m);
        foreach (var m in _mentions.ToList())
        {
            if (m.Removed) continue;
            switch (m.Kind)
            {
                case MentionKind.Name when m.Type == "PERSON":
                    AssignPerson(m);
                    break;
                case MentionKind.Name:
                    AssignOther(m);
                    break;
                case MentionKind.Group:
                    Attach(m, Keyed("G:" + m.Country + ":" + m.Sector + ":" + ActorText.Singular(ActorText.Normalize(_view.Text(m.EndToken - 1))), m.Type));
                    break;
                case MentionKind.Nominal:
                    AssignNominal(m);
                    break;
            }
        }

        MergeSurnamesTypedAsOther();
        ResolvePronouns();
        ResolveQuotedFirstPerson();
        return BuildEntities();
    }

    private Cluster Keyed(string key, string type)
    {
        if (!_keyed.TryGetValue(key, out var cluster))
        {
            cluster = new Cluster(type);
            _keyed[key] = cluster;
            _clusters.Add(cluster);
        }

        return cluster;
    }

    private static void Attach(MentionInfo m, Cluster cluster)
    {
        m.Cluster = cluster;
        cluster.Mentions.Add(m);
    }

    private Cluster NewCluster(string type)
    {
        var c = new Cluster(type);
        _clusters.Add(c);
        return c;
    }

    private static string[] Words(string name) =>
        ActorText.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool FirstNamesCompatible(string a, string b)
    {
        if (a == b) return true;
        var ca = a.Replace("-", "", StringComparison.Ordinal);
        var cb = b.Replace("-", "", StringComparison.Ordinal);
        if (ca == cb) return true;

        // An initial ("J" for "John"), or initials for a double name ("jd" and "j d").
        return (ca.Length <= 2 && cb.StartsWith(ca[0])) || (cb.Length <= 2 && ca.StartsWith(cb[0]));
    }

    private IEnumerable<Cluster> PersonClustersByRecency(MentionInfo before) =>
        _clusters.Where(c => c.Type == "PERSON" && c.Mentions.Any(x => x.Start < before.Start))
            .OrderByDescending(c => c.Mentions.Where(x => x.Start < before.Start).Max(x => x.Start));

    private void AssignPerson(MentionInfo m)
    {
        var words = Words(m.Text);
        if (words.Length == 0)
        {
            m.Removed = true;
            return;
        }

        var key = string.Join(' ', words);
        var recent = PersonClustersByRecency(m).ToList();
        Cluster? target = null;
        if (words.Length >= 2)
        {
            var surname = words[^1];
            target = recent.FirstOrDefault(c => c.Names.Any(n => string.Join(' ', Words(n.Text)) == key))
                ?? recent.FirstOrDefault(c => c.FullNames.Any(n => Words(n) is var w && w.Length >= 2 && w[^1] == surname && FirstNamesCompatible(w[0], words[0])));

            // Only the surname seen so far ("Putin … Vladimir Putin"), and no other full name with it.
            target ??= recent.FirstOrDefault(c => !c.FullNames.Any() && c.Names.All(n => Words(n.Text) is [var only] && only == surname));

            // The knowledge base knows both spellings ("Zelenskyy" / "Zelensky").
            if (target is null && Kb.FindActor(m.Text, ActorKind.Person) is { } known)
            {
                target = recent.FirstOrDefault(c => c.Known == known);
            }
        }
        else
        {
            var w = words[0];
            var compatible = recent.Where(c => c.Names.Any(n => Words(n.Text) is var nw && (nw[^1] == w || nw[0] == w))).ToList();
            if (m.Roles.Count > 0)
            {
                // "President Trump": prefer the namesake with that title.
                target = compatible.FirstOrDefault(c => c.Mentions.SelectMany(x => x.Roles).Any(r => SameTitle(r, m.Roles[0])));
            }

            target ??= compatible.FirstOrDefault();
        }

        target ??= NewCluster("PERSON");
        Attach(m, target);
        target.Known ??= Kb.FindActor(m.Text, ActorKind.Person) is { Kind: ActorKind.Person } k && words.Length >= 2 ? k : null;
    }

    private static bool SameTitle(RoleEvidence a, RoleEvidence b) =>
        ActorText.Normalize(a.Title) == ActorText.Normalize(b.Title) ||
        a.Info.Title == b.Info.Title ||
        (a.Info.IsLeader && b.Info.IsLeader && (a.Info.Title == "leader" || b.Info.Title == "leader"));

    private void AssignOther(MentionInfo m)
    {
        var norm = ActorText.Normalize(m.Text);

        // A surname the recognizer typed as something else ("Bolton" as ORG) after the full name.
        if (!m.Text.Contains(' ') && m.Type is "ORG" or "PRODUCT" or "NORP" or "FAC" or "EVENT" or "WORK_OF_ART" && Kb.FindPlace(m.Text) is null && Kb.FindActor(m.Text) is null)
        {
            var person = PersonClustersByRecency(m).FirstOrDefault(c => c.FullNames.Any(n => Words(n)[^1] == norm));
            if (person is not null)
            {
                m.Type = "PERSON";
                Attach(m, person);
                return;
            }
        }

        if (m.Type is "GPE" or "LOC")
        {
            var country = Kb.FindCountry(m.Text);
            if (country is not null)
            {
                var cluster = Keyed("C:" + country.Iso3, m.Type);
                cluster.CountryKey = country.Iso3;
                Attach(m, cluster);
                return;
            }

            Attach(m, Keyed("N:" + m.Type + ":" + norm, m.Type));
            return;
        }

        if (m.Type == "NORP")
        {
            var demonym = Kb.FindDemonym(m.Text);
            Attach(m, Keyed(demonym is not null && !m.Text.Contains(' ') ? "D:" + demonym.Iso3 + ":" + ActorText.Singular(norm) : "N:NORP:" + norm, m.Type));
            return;
        }

        var kind = m.Type switch { "ORG" => ActorKind.Organization, "FAC" => ActorKind.Building, _ => (ActorKind?)null };
        var known = kind is null && m.Type != "PRODUCT" ? null : Kb.FindActor(m.Text, kind);
        if (m.Type == "PRODUCT") known = null;
        if (known is not null && known.Kind != ActorKind.Person)
        {
            var cluster = Keyed("K:" + known.Name + ":" + known.Codes[0].Code, m.Type);
            cluster.Known ??= known;
            Attach(m, cluster);
            return;
        }

        // An acronym and its expansion: "Asia-Pacific Economic Cooperation (APEC)".
        if (IsAcronym(m.Text))
        {
            var letters = new string([.. m.Text.Where(char.IsLetter)]).ToUpperInvariant();
            var expansion = _clusters.FirstOrDefault(c => c.Type is "ORG" or "FAC" or "EVENT" or "LAW" or "GPE" && c.Names.Any(n => Initials(n.Text) == letters));
            if (expansion is not null)
            {
                Attach(m, expansion);
                _keyed.TryAdd("N:" + m.Type + ":" + norm, expansion);
                return;
            }
        }
        else
        {
            var initials = Initials(m.Text);
            if (initials.Length >= 2 && _keyed.TryGetValue("A:" + initials, out var acronym))
            {
                Attach(m, acronym);
                return;
            }
        }

        var own = Keyed("N:" + m.Type + ":" + norm, m.Type);
        Attach(m, own);
        if (IsAcronym(m.Text)) _keyed.TryAdd("A:" + new string([.. m.Text.Where(char.IsLetter)]).ToUpperInvariant(), own);
    }

    private static bool IsAcronym(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count is >= 2 and <= 8 && letters.All(char.IsUpper) && text.All(c => char.IsLetter(c) || c is '.' or '&' or '-');
    }

    /// <summary>"Asia-Pacific Economic Cooperation" → "APEC"; "North Atlantic Treaty Organization" → "NATO".</summary>
    private static string Initials(string name)
    {
        var parts = name.Split([' ', '-', '\u2010'], StringSplitOptions.RemoveEmptyEntries);
        var letters = parts.Where(p => !NameStopWords.Contains(p.ToLowerInvariant()) && char.IsLetter(p[0])).Select(p => char.ToUpperInvariant(p[0]));
        return new string([.. letters]);
    }

    private void AssignNominal(MentionInfo m)
    {
        var role = m.Roles[0];
        foreach (var c in PersonClustersByRecency(m))
        {
            var roles = c.Mentions.SelectMany(x => x.Roles).ToList();
            var compatible = roles.Any(r => SameTitle(r, role) || (role.Info.Title == "leader" && r.Info.IsLeader));
            if (!compatible) continue;
            if (role.Country is { } wanted)
            {
                var has = roles.Select(r => r.Country).Concat(c.Mentions.Select(x => x.Nationality ?? x.InheritedCountry)).Where(x => x is not null).ToList();
                var known = c.Known?.CodeAt(_view.Document.Metadata.Published)?.Code is { } code ? ActorCodes.CountryOf(code) : null;
                if (known is not null) has.Add(known);
                if (has.Count > 0 && !has.Contains(wanted)) continue;
            }

            if (role.Status == "current" && roles.All(r => r.Status == "former")) continue;
            Attach(m, c);
            return;
        }

        // No one named holds it: keep it as an actor of its own when its country is known ("the Russian president").
        if (role.Country is not null)
        {
            Attach(m, Keyed("R:" + role.Info.Title + ":" + role.Country + ":" + role.Status, "PERSON"));
            return;
        }

        m.Removed = true;
    }

    /// <summary>A surname typed as another kind that came before the full name: merge into the person.</summary>
    private void MergeSurnamesTypedAsOther()
    {
        foreach (var c in _clusters.Where(c => c.Type is not ("PERSON" or "GPE" or "LOC") && c.Known is null && c.Mentions.All(m => m.Kind == MentionKind.Name && !m.Text.Contains(' '))).ToList())
        {
            var word = ActorText.Normalize(c.Mentions[0].Text);
            if (Kb.FindPlace(word) is not null || Kb.FindDemonym(word) is not null) continue;
            var people = _clusters.Where(p => p.Type == "PERSON" && p.FullNames.Any(n => Words(n)[^1] == word)).ToList();
            if (people.Count != 1) continue;
            foreach (var m in c.Mentions)
            {
                m.Type = "PERSON";
                Attach(m, people[0]);
            }

            c.Mentions.Clear();
        }

        _clusters.RemoveAll(c => c.Mentions.Count == 0);
    }

    private void ResolvePronouns()
    {
        var tokens = _view.Tokens;
        var occupied = new bool[tokens.Length];
        foreach (var m in _mentions.Where(m => !m.Removed))
        {
            for (var t = m.FirstToken; t < m.EndToken && t < occupied.Length; t++) occupied[t] = true;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            if (occupied[i] || !Pronouns.TryGetValue(_view.Lower(i), out var gender)) continue;
            var token = tokens[i];
            var p = new MentionInfo(MentionKind.Pronoun, token.Start, token.End, _view.Text(i), token.Sentence, i, i + 1, "")
            {
                Gender = gender,
            };
            MarkSubjects(p);
            if (gender == 'n' && IsPleonastic(i)) continue;
            var antecedent = FindAntecedent(p, i);
            if (antecedent?.Cluster is null) continue;
            p.Type = antecedent.Cluster.Type;
            Attach(p, antecedent.Cluster);
            if (gender is 'm' or 'f') antecedent.Cluster.Gender = gender;
            _mentions.Add(p);
        }
    }

    /// <summary>
    /// "I", "me", "my" inside a quotation are its speaker's: the person (named, described or a resolved
    /// pronoun) who is the subject of a verb of saying in the sentences of the quotation, outside it
    /// ("'I will not resign,' Smith said"; "He told reporters: 'My answer is no.'"). The nearest such
    /// speaker wins; a quotation without one is left alone.
    /// </summary>
    private void ResolveQuotedFirstPerson()
    {
        var tokens = _view.Tokens;
        var occupied = new bool[tokens.Length];
        foreach (var m in _mentions.Where(m => !m.Removed))
        {
            for (var t = m.FirstToken; t < m.EndToken && t < occupied.Length; t++) occupied[t] = true;
        }

        foreach (var (first, end) in Quotations())
        {
            var pronouns = Between(first, end).Where(t => !occupied[t] && FirstPersonSingular.Contains(_view.Lower(t))).ToList();
            if (pronouns.Count == 0) continue;
            var fromSentence = tokens[first].Sentence;
            var toSentence = tokens[end - 1].Sentence;
            var speaker = _mentions
                .Where(m => !m.Removed && m.Cluster is { Type: "PERSON" } && m.Sentence >= fromSentence && m.Sentence <= toSentence && (m.EndToken < first || m.FirstToken > end) && IsSpeaker(m))
                .OrderBy(m => m.EndToken < first ? first - m.EndToken : m.FirstToken - end)
                .FirstOrDefault();
            if (speaker?.Cluster is null) continue;
            foreach (var t in pronouns)
            {
                var token = tokens[t];
                var p = new MentionInfo(MentionKind.Pronoun, token.Start, token.End, _view.Text(t), token.Sentence, t, t + 1, "PERSON");
                Attach(p, speaker.Cluster);
                _mentions.Add(p);
            }
        }
    }

    private static readonly HashSet<string> FirstPersonSingular = ["i", "me", "my", "myself", "mine"];

    private static readonly HashSet<string> SpeechVerbs = ["say", "tell", "add", "explain", "state", "note", "ask", "write", "insist", "claim", "warn", "announce", "declare", "recall", "argue", "reply", "answer", "comment", "continue", "conclude", "admit", "acknowledge", "stress", "emphasize", "emphasise", "remark", "predict", "suggest", "testify"];

    private bool IsSpeaker(MentionInfo m)
    {
        var h = HeadOf(m);
        var token = _view.Tokens[h];
        if (token.Relation is not ("nsubj" or "nsubj:pass") || token.Head < 0) return false;
        var verb = _view.Tokens[token.Head];
        return SpeechVerbs.Contains((verb.Lemma ?? _view.Lower(token.Head)).ToLowerInvariant());
    }

    /// <summary>Token ranges strictly inside quotation marks (curly or straight); an unclosed one ends where the next opens, and none runs past 150 tokens.</summary>
    private List<(int First, int End)> Quotations()
    {
        var spans = new List<(int, int)>();
        var open = -1;
        for (var i = 0; i < _view.Tokens.Length; i++)
        {
            var text = _view.Text(i);
            if (open >= 0 && i - open > 150) open = -1;
            if (text is "\u201C" || (text == "\"" && open < 0))
            {
                if (open >= 0 && i > open + 1) spans.Add((open + 1, i));
                open = i;
            }
            else if (text is "\u201D" or "\"" && open >= 0)
            {
                if (i > open + 1) spans.Add((open + 1, i));
                open = -1;
            }
        }

        return spans;
    }

    /// <summary>"It is likely that …", "it seems", "it rained": an "it" that refers to nothing.</summary>
    private bool IsPleonastic(int token)
    {
        if (_view.Lower(token) != "it") return false;
        if (_view.Tokens[token].Relation == "expl") return true;
        var sentence = _view.SentenceOf(token);
        var end = sentence.FirstToken + sentence.TokenCount;
        var next = token + 1 < end ? _view.Lower(token + 1) : "";
        if (next is "seems" or "seemed" or "appears" or "appeared" or "rains" or "rained" or "takes" or "took" or "means" or "meant") return true;
        if (next is "is" or "was" or "'s" or "has" or "had" or "would" or "will" or "may" or "might" or "could" or "can")
        {
            // "it is important to / that …", "it has been reported that …".
            for (var t = token + 2; t < end && t <= token + 5; t++)
            {
                if (_view.Lower(t) is "to" or "that" or "whether" or "if" or "how" or "why" or "when" or "what") return true;
                if (_view.Text(t) is "," or "." or ";") break;
            }
        }

        return false;
    }

    private bool Compatible(Cluster c, char gender) => gender switch
    {
        'm' or 'f' => c.Type == "PERSON" && (c.Gender == '\0' || c.Gender == gender),
        'p' => c.Type is "ORG" or "NORP" && (c.Mentions.Any(m => m.Kind == MentionKind.Group) || c.Type == "ORG"),
        'n' => c.Type is "GPE" or "ORG" or "FAC",
        _ => false,
    };

    private MentionInfo? FindAntecedent(MentionInfo p, int token)
    {
        var possessive = (_view.Xpos(token) ?? "") == "PRP$" || _view.Lower(token) is "his" or "its" or "their" or "hers" or "theirs";
        var reflexive = _view.Lower(token).EndsWith("self", StringComparison.Ordinal) || _view.Lower(token).EndsWith("selves", StringComparison.Ordinal);
        var pronounHead = _view.Tokens[token].Head;
        var candidates = _mentions
            .Where(m => !m.Removed && m.Cluster is not null && m.Start < p.Start && m.Sentence >= p.Sentence - 2 && m.Sentence <= p.Sentence && Compatible(m.Cluster, p.Gender))
            .ToList();
        if (!possessive && !reflexive)
        {
            // "Trump praised him": not a co-argument of the same verb.
            candidates.RemoveAll(m => m.Sentence == p.Sentence && HeadOf(m) is var h && h >= 0 && _view.Tokens[h].Head == pronounHead && pronounHead >= 0);
        }

        if (candidates.Count == 0) return null;
        var same = candidates.Where(m => m.Sentence == p.Sentence).ToList();
        if (same.Count > 0) return same.LastOrDefault(m => m.IsSubject) ?? same[0];
        for (var s = p.Sentence - 1; s >= p.Sentence - 2; s--)
        {
            var inSentence = candidates.Where(m => m.Sentence == s).ToList();
            if (inSentence.Count == 0) continue;
            return inSentence.FirstOrDefault(m => m.IsSubject) ?? inSentence[0];
        }

        return null;
    }

    private int HeadOf(MentionInfo m)
    {
        for (var t = m.FirstToken; t < m.EndToken; t++)
        {
            var h = _view.Tokens[t].Head;
            if (h < m.FirstToken || h >= m.EndToken) return t;
        }

        return m.FirstToken;
    }

    private ImmutableArray<Entity> BuildEntities()
    {
        var date = _view.Document.Metadata.Published;
        var built = new List<(int First, Entity Entity)>();
        foreach (var c in _clusters)
        {
            var mentions = c.Mentions.Where(m => !m.Removed).OrderBy(m => m.Start).ThenBy(m => m.End).ToList();
            if (mentions.Count == 0) continue;

            // Unique spans only.
            mentions = mentions.GroupBy(m => (m.Start, m.End)).Select(g => g.First()).ToList();
            var names = mentions.Where(m => m.Kind is MentionKind.Name or MentionKind.Group).Select(m => m.Text).ToList();
            var name = names.Count > 0
                ? names.OrderByDescending(n => n.Split(' ').Length).ThenByDescending(n => n.Length).First()
                : StripDeterminer(mentions.First(m => m.Kind == MentionKind.Nominal).Text);
            var entity = new Entity("", name, c.Type)
            {
                Aliases = [.. names.Distinct(StringComparer.Ordinal)],
                Mentions = [.. mentions.Select(m => m.ToMention())],
            };
            entity = c.Type switch
            {
                "PERSON" => CodePerson(entity, c, mentions, date),
                "GPE" or "LOC" => CodePlace(entity, c, mentions),
                "NORP" or "ORG" when mentions.Any(m => m.Kind == MentionKind.Group) => CodeGroup(entity, mentions),
                "NORP" => CodeNationality(entity, mentions),
                _ => CodeOrganization(entity, c, date),
            };
            built.Add((mentions[0].Start, entity));
        }

        var ordered = built.OrderBy(b => b.First).ToList();
        var result = ImmutableArray.CreateBuilder<Entity>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            result.Add(ordered[i].Entity with { Id = "e" + (i + 1).ToString(CultureInfo.InvariantCulture) });
        }

        return result.MoveToImmutable();
    }

    private static string StripDeterminer(string text) =>
        text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;

    private string? Cameo(string? iso) => iso is null ? null : Kb.FindCountryByCode(iso)?.CameoCode ?? iso;

    private string? IsoOfCode(string? code)
    {
        var prefix = code is null ? null : ActorCodes.CountryOf(code);
        return prefix is null ? null : Kb.FindCountryByCode(prefix)?.Iso3 ?? prefix;
    }

    private Entity CodePerson(Entity entity, Cluster c, List<MentionInfo> mentions, DateOnly? date)
    {
        var evidence = mentions.SelectMany(m => m.Roles).ToList();
        var known = c.Known ?? mentions.Where(m => m.Kind == MentionKind.Name && m.Text.Contains(' ')).Select(m => Kb.FindActor(m.Text, ActorKind.Person)).FirstOrDefault(k => k is not null);
        var knownCode = known?.CodeAt(date);
        var knownCountry = IsoOfCode(knownCode?.Code) ?? IsoOfCode(known?.LatestCode()?.Code);
        var textCountry = mentions.Select(m => m.Nationality ?? m.InheritedCountry).FirstOrDefault(x => x is not null)
            ?? evidence.Select(r => r.Country).FirstOrDefault(x => x is not null);

        // Roles: one per title and status; the country as stated, else what the text says elsewhere, else the knowledge base.
        var roles = new List<(Role Role, TitleInfo Info)>();
        foreach (var r in evidence)
        {
            var i = roles.FindIndex(x => ActorText.Normalize(x.Role.Title) == ActorText.Normalize(r.Title) && x.Role.Status == r.Status);
            if (i >= 0)
            {
                var old = roles[i].Role;
                roles[i] = (old with { Country = old.Country ?? r.Country, Organization = old.Organization ?? r.Organization }, roles[i].Info);
                continue;
            }

            // "the president" after "President X" adds nothing.
            if (r.Info.Title != ActorText.Normalize(r.Title) || !roles.Any(x => x.Info.Title.EndsWith(r.Info.Title, StringComparison.Ordinal) && x.Role.Status == r.Status))
            {
                roles.Add((new Role(r.Title, r.Organization, r.Country, r.Status), r.Info));
            }
        }

        for (var i = 0; i < roles.Count; i++)
        {
            var (role, info) = roles[i];
            if (role.Country is null && info.Sector != "IGO")
            {
                var kbForTitle = known?.Codes.FirstOrDefault(k => k.Title is not null && ActorText.Normalize(k.Title) == ActorText.Normalize(role.Title));
                var fill = textCountry ?? IsoOfCode(kbForTitle?.Code) ?? knownCountry;
                if (fill is not null) roles[i] = (role with { Country = fill }, info);
            }
        }

        var current = roles.FirstOrDefault(r => r.Role.Status == "current");
        string? country, sector;
        if (current.Role is not null)
        {
            country = current.Role.Country ?? textCountry ?? knownCountry;
            sector = current.Info.Sector;
        }
        else if (roles.Count > 0)
        {
            var first = roles[0];
            country = first.Role.Country ?? textCountry ?? knownCountry;
            sector = first.Role.Status == "former" ? "ELI" : first.Info.Sector;
        }
        else
        {
            country = textCountry ?? knownCountry;
            sector = knownCode is null ? null : ActorCodes.SectorOf(knownCode.Code);
        }

        string? code;
        if (sector == "IGO")
        {
            code = knownCode?.Code is { } k && k.StartsWith("IGO", StringComparison.Ordinal) ? k : "IGO";
            country = null;
        }
        else if (current.Role is null && roles.Count == 0 && knownCode is not null && (textCountry is null || textCountry == knownCountry))
        {
            code = knownCode.Code;
        }
        else
        {
            code = country is null && sector is null ? null : ActorCodes.Combine(Cameo(country), sector);
        }

        return entity with { Roles = [.. roles.Select(r => r.Role)], Country = country, Sector = sector, Code = code };
    }

    private Entity CodePlace(Entity entity, Cluster c, List<MentionInfo> mentions)
    {
        var iso = c.CountryKey ?? Kb.FindPlace(entity.Name)?.Iso3 ?? mentions.Select(m => m.Country).FirstOrDefault(x => x is not null);
        var actsAsState = c.CountryKey is not null || Kb.FindCapital(entity.Name) is not null;
        var agent = actsAsState && mentions.Any(m => (m.IsAgent || m.IsParty) && m.Kind == MentionKind.Name);
        var sector = agent ? "GOV" : null;
        return entity with { Country = iso, Sector = sector, Code = iso is null ? null : ActorCodes.Combine(Cameo(iso), sector) };
    }

    private Entity CodeGroup(Entity entity, List<MentionInfo> mentions)
    {
        var g = mentions.First(m => m.Kind == MentionKind.Group);
        return entity with { Country = g.Country, Sector = g.Sector, Code = ActorCodes.Combine(Cameo(g.Country), g.Sector) };
    }

    private Entity CodeNationality(Entity entity, List<MentionInfo> mentions)
    {
        var iso = Kb.FindDemonym(entity.Name)?.Iso3 ?? mentions.Select(m => m.Country).FirstOrDefault(x => x is not null);
        return entity with { Country = iso, Code = Cameo(iso) };
    }

    private Entity CodeOrganization(Entity entity, Cluster c, DateOnly? date)
    {
        var known = c.Known;
        if (known is null) return entity;
        var code = known.CodeAt(date)?.Code;
        if (code is null) return entity;
        return entity with { Country = IsoOfCode(code), Sector = ActorCodes.SectorOf(code), Code = code };
    }
}
