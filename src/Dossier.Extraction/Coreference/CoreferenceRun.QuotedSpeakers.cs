using Dossier.Core.Labels;

namespace Dossier.Extraction.Coreference;

/// <summary>First-person pronouns inside quotations, resolved to the quotation's speaker.</summary>
internal sealed partial class CoreferenceRun
{
    private static readonly HashSet<string> FirstPersonSingular = ["i", "me", "my", "myself", "mine"];

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
                .Where(m => !m.Removed && m.Cluster is { Type: EntityTypes.Person } && m.Sentence >= fromSentence && m.Sentence <= toSentence && (m.EndToken < first || m.FirstToken > end) && IsSpeaker(m))
                .OrderBy(m => m.EndToken < first ? first - m.EndToken : m.FirstToken - end)
                .FirstOrDefault();
            if (speaker?.Cluster is null) continue;
            foreach (var t in pronouns)
            {
                var token = tokens[t];
                var p = new MentionInfo(MentionKind.Pronoun, token.Start, token.End, _view.Text(t), token.Sentence, t, t + 1, EntityTypes.Person);
                Attach(p, speaker.Cluster);
                AppendMention(p);
            }
        }
    }

    /// <summary>Whether a mention is the subject of a verb of saying (<see cref="CorefLexicon.SpeakerVerbs"/>).</summary>
    private bool IsSpeaker(MentionInfo m)
    {
        var h = HeadOf(m);
        var verb = Tree.Head(h);
        if (Tree.Relation(h) is not ("nsubj" or "nsubj:pass") || verb < 0) return false;
        return _lexicon.SpeakerVerbs.Contains(Tree.Lemma(verb));
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
}
