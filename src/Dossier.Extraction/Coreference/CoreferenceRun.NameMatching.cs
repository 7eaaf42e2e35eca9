using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>Name matching sieves: which names are one actor (full names, surnames, known spellings, acronyms, places and nationalities).</summary>
internal sealed partial class CoreferenceRun
{
    /// <summary>The normalised words of a name.</summary>
    private static string[] Words(string name) =>
        ActorText.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether two first names can be one person's: equal, equal without hyphens, or an initial of the other.</summary>
    private static bool FirstNamesCompatible(string a, string b)
    {
        if (a == b) return true;
        var ca = a.Replace("-", "", StringComparison.Ordinal);
        var cb = b.Replace("-", "", StringComparison.Ordinal);
        if (ca == cb) return true;

        // An initial ("J" for "John"), or initials for a double name ("jd" and "j d").
        return (ca.Length <= 2 && cb.StartsWith(ca[0])) || (cb.Length <= 2 && ca.StartsWith(cb[0]));
    }

    /// <summary>The people mentioned before <paramref name="before"/>, the most recently mentioned first.</summary>
    private IEnumerable<Cluster> PersonClustersByRecency(MentionInfo before) =>
        _clusters.Where(c => c.Type == EntityTypes.Person && c.Mentions.Any(x => x.Start < before.Start))
            .OrderByDescending(c => c.Mentions.Where(x => x.Start < before.Start).Max(x => x.Start));

    /// <summary>A person's name joins the most recent person with the same name, a compatible full name, only the surname so far, a spelling the knowledge base knows, or (one word) the namesake with the same title; else a new person.</summary>
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

        target ??= NewCluster(EntityTypes.Person);
        Attach(m, target);
        target.Known ??= Kb.FindActor(m.Text, ActorKind.Person) is { Kind: ActorKind.Person } k && words.Length >= 2 ? k : null;
    }

    /// <summary>Whether two stated titles are the same office ("the leader" matches any leader's title).</summary>
    private static bool SameTitle(RoleEvidence a, RoleEvidence b) =>
        ActorText.Normalize(a.Title) == ActorText.Normalize(b.Title) ||
        a.Info.Title == b.Info.Title ||
        (a.Info.IsLeader && b.Info.IsLeader && (a.Info.Title == "leader" || b.Info.Title == "leader"));

    /// <summary>A name that is not a person's: a surname typed otherwise, a country, a nationality, a known organisation, an acronym and its expansion, or a name of its own.</summary>
    private void AssignOther(MentionInfo m)
    {
        var norm = ActorText.Normalize(m.Text);

        // A surname the recognizer typed as something else ("Bolton" as ORG) after the full name.
        if (!m.Text.Contains(' ') && m.Type is EntityTypes.Organization or EntityTypes.Product or EntityTypes.Group or EntityTypes.Facility or EntityTypes.Event && Kb.FindPlace(m.Text) is null && Kb.FindActor(m.Text) is null)
        {
            var person = PersonClustersByRecency(m).FirstOrDefault(c => c.FullNames.Any(n => Words(n)[^1] == norm));
            if (person is not null)
            {
                m.Type = EntityTypes.Person;
                Attach(m, person);
                return;
            }
        }

        if (m.Type is EntityTypes.Gpe or EntityTypes.Location)
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

        if (m.Type == EntityTypes.Group)
        {
            var demonym = Kb.FindDemonym(m.Text);
            Attach(m, Keyed(demonym is not null && !m.Text.Contains(' ') ? "D:" + demonym.Iso3 + ":" + ActorText.Singular(norm) : "N:NORP:" + norm, m.Type));
            return;
        }

        var kind = m.Type switch { EntityTypes.Organization => ActorKind.Organization, EntityTypes.Facility => ActorKind.Building, _ => (ActorKind?)null };
        var known = kind is null && m.Type != EntityTypes.Product ? null : Kb.FindActor(m.Text, kind);
        if (m.Type == EntityTypes.Product) known = null;
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
            var expansion = _clusters.FirstOrDefault(c => c.Type is EntityTypes.Organization or EntityTypes.Facility or EntityTypes.Event or EntityTypes.Law or EntityTypes.Gpe && c.Names.Any(n => Initials(n.Text) == letters));
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

    /// <summary>Two to eight capital letters, perhaps with dots, "&" or hyphens: "NATO", "U.N.".</summary>
    private static bool IsAcronym(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count is >= 2 and <= 8 && letters.All(char.IsUpper) && text.All(c => char.IsLetter(c) || c is '.' or '&' or '-');
    }

    /// <summary>"Asia-Pacific Economic Cooperation" → "APEC"; "North Atlantic Treaty Organization" → "NATO".</summary>
    private string Initials(string name)
    {
        var parts = name.Split([' ', '-', '\u2010'], StringSplitOptions.RemoveEmptyEntries);
        var letters = parts.Where(p => !_lexicon.InitialsSkipWords.Contains(p.ToLowerInvariant()) && char.IsLetter(p[0])).Select(p => char.ToUpperInvariant(p[0]));
        return new string([.. letters]);
    }

    /// <summary>A surname typed as another kind that came before the full name: merge into the person.</summary>
    private void MergeSurnamesTypedAsOther()
    {
        foreach (var c in _clusters.Where(c => c.Type is not (EntityTypes.Person or EntityTypes.Gpe or EntityTypes.Location) && c.Known is null && c.Mentions.All(m => m.Kind == MentionKind.Name && !m.Text.Contains(' '))).ToList())
        {
            var word = ActorText.Normalize(c.Mentions[0].Text);
            if (Kb.FindPlace(word) is not null || Kb.FindDemonym(word) is not null) continue;
            var people = _clusters.Where(p => p.Type == EntityTypes.Person && p.FullNames.Any(n => Words(n)[^1] == word)).ToList();
            if (people.Count != 1) continue;
            foreach (var m in c.Mentions)
            {
                m.Type = EntityTypes.Person;
                Attach(m, people[0]);
            }

            c.Mentions.Clear();
        }

        _clusters.RemoveAll(c => c.Mentions.Count == 0);
    }
}
