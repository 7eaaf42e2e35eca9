using Dossier.Core.Labels;

namespace Dossier.Extraction.Coreference;

/// <summary>Pronoun resolution: he, she, it, they and their antecedents within two sentences.</summary>
internal sealed partial class CoreferenceRun
{
    private static readonly Dictionary<string, char> Pronouns = new(StringComparer.Ordinal)
    {
        ["he"] = 'm', ["him"] = 'm', ["his"] = 'm', ["himself"] = 'm',
        ["she"] = 'f', ["her"] = 'f', ["hers"] = 'f', ["herself"] = 'f',
        ["they"] = 'p', ["them"] = 'p', ["their"] = 'p', ["theirs"] = 'p', ["themselves"] = 'p',
        ["its"] = 'n', ["it"] = 'n', ["itself"] = 'n',
    };

    /// <summary>Each personal or possessive pronoun outside a mention joins its antecedent's actor; a pleonastic "it" and one without antecedent are left out.</summary>
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
            AppendMention(p);
        }
    }

    /// <summary>"It is likely that …", "it seems", "it rained": an "it" that refers to nothing.</summary>
    private bool IsPleonastic(int token)
    {
        if (_view.Lower(token) != "it") return false;
        if (Tree.Relation(token) == "expl") return true;
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

    /// <summary>Whether an actor can be what a pronoun of <paramref name="gender"/> refers to.</summary>
    private bool Compatible(Cluster c, char gender) => gender switch
    {
        'm' or 'f' => c.Type == EntityTypes.Person && (c.Gender == '\0' || c.Gender == gender),
        'p' => c.Type is EntityTypes.Organization or EntityTypes.Group && (c.Mentions.Any(m => m.Kind == MentionKind.Group) || c.Type == EntityTypes.Organization),
        'n' => c.Type is EntityTypes.Gpe or EntityTypes.Organization or EntityTypes.Facility,
        _ => false,
    };

    /// <summary>The antecedent among compatible earlier mentions (a plain pronoun skips its own verb's other arguments): in its sentence the last subject, else the first mention; else, in the nearer of the two sentences before, the first subject, else the first mention.</summary>
    private MentionInfo? FindAntecedent(MentionInfo p, int token)
    {
        var possessive = (_view.Xpos(token) ?? "") == "PRP$" || _view.Lower(token) is "his" or "its" or "their" or "hers" or "theirs";
        var reflexive = _view.Lower(token).EndsWith("self", StringComparison.Ordinal) || _view.Lower(token).EndsWith("selves", StringComparison.Ordinal);
        var pronounHead = Tree.Head(token);
        var candidates = _mentions
            .Where(m => !m.Removed && m.Cluster is not null && m.Start < p.Start && m.Sentence >= p.Sentence - 2 && m.Sentence <= p.Sentence && Compatible(m.Cluster, p.Gender))
            .ToList();
        if (!possessive && !reflexive)
        {
            // "Trump praised him": not a co-argument of the same verb.
            candidates.RemoveAll(m => m.Sentence == p.Sentence && HeadOf(m) is var h && h >= 0 && Tree.Head(h) == pronounHead && pronounHead >= 0);
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
}
