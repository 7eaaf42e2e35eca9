using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Events;

/// <summary>
/// Where an event's attributes are found: the speaker that reports it, and in its clause the amount of money, the
/// count and charge ("two counts of fraud", charge-nouns.tsv) and the weapon (a PRODUCT entity). The date and
/// duration come from <see cref="EventDateFinder"/>, the intended act from <see cref="EventCodeChooser"/>.
/// </summary>
internal sealed partial class EventAttributes
{
    private readonly AnalysedSentence _s;
    private readonly DependencyTree _tree;
    private readonly EventClause _clause;

    public EventAttributes(AnalysedSentence sentence, EventClause clause)
    {
        _s = sentence;
        _tree = sentence.Tree;
        _clause = clause;
    }

    /// <summary>The subject of the communication verb that reports this clause ("X said ...", "..., X said"), or -1.</summary>
    public int Speaker(int p)
    {
        var lexicon = _s.Lexicon;
        var i = p;
        for (var depth = 0; depth < 5; depth++)
        {
            foreach (var c in _tree.ChildrenWith(i, "parataxis"))
            {
                if (lexicon.IsSpeechVerb(_tree.Lemma(c)) && _tree.Child(c, "nsubj") is var s && s >= 0) return s;
            }

            var h = _tree.Head(i);
            if (h < 0) return -1;
            if (_tree.Relation(i) is "ccomp" && lexicon.IsSpeechVerb(_tree.Lemma(h))) return _tree.Child(h, "nsubj");
            if (_tree.Relation(i) is not ("xcomp" or "conj" or "obj" or "obl" or "acl" or "ccomp")) return -1;
            i = h;
        }

        return -1;
    }

    /// <summary>The source a clause is attributed to by "according to X", or -1.</summary>
    public int Attribution(int p)
    {
        var k = p;
        for (var depth = 0; depth < 6 && k >= 0; depth++)
        {
            foreach (var c in _tree.ChildrenWith(k, "obl", "advcl", "nmod"))
            {
                // The fixed preposition "according to" (grammar, not a word list); the lemmatizer may give "accord".
                if (_tree.CaseMarker(c) is "according" or "accord" && _tree.Children(c).Any(f => _tree.Relation(f) == "case" && _tree.Child(f, "fixed") >= 0)) return c;
            }

            k = _tree.Head(k);
        }

        return -1;
    }

    /// <summary>Adds the amount, count, charge and weapon found in the event's <paramref name="scope"/> (the first of each).</summary>
    public void Add(HashSet<int> scope, ImmutableDictionary<string, string>.Builder attributes)
    {
        var context = _s.Context;
        foreach (var v in context.ValuesOf(_s.Index))
        {
            if (v.Sentence != _s.Index || v.Type != ValueTypes.Money) continue;
            if (!context.TokensOverlapping(v.Start, v.End).Any(scope.Contains)) continue;
            attributes.TryAdd("amount", v.Amount is { } a && v.Unit is not null
                ? a.ToString(CultureInfo.InvariantCulture) + " " + v.Unit
                : v.Text);
        }

        foreach (var i in scope.Order())
        {
            var m = CountWord().Match(_tree.Text(i));
            if (m.Success) attributes.TryAdd("count", m.Groups[1].Value);
            if (_s.Lexicon.Words.ChargeNouns.Contains(_tree.Lemma(i)))
            {
                var num = _tree.Child(i, "nummod");
                if (num >= 0) attributes.TryAdd("count", NumberText(num));
                foreach (var of in _tree.ChildrenWith(i, "nmod", "acl"))
                {
                    if (_tree.CaseMarker(of) == "of" || _tree.Relation(of) == "acl") attributes.TryAdd("charge", SubtreeText(of));
                }
            }

            if (context.EntityAt[i] is { Type: EntityTypes.Product } weapon) attributes.TryAdd("weapon", weapon.Name);
        }
    }

    [GeneratedRegex(@"^(\d+)-counts?$", RegexOptions.CultureInvariant)]
    private static partial Regex CountWord();

    private string NumberText(int i)
    {
        var token = _s.Tokens[i];
        return _s.Context.ValuesOf(_s.Index).FirstOrDefault(v => v.Start <= token.Start && token.End <= v.End) is { Amount: { } a }
            ? a.ToString(CultureInfo.InvariantCulture)
            : _tree.Text(i);
    }

    private string SubtreeText(int root)
    {
        var set = new HashSet<int>();
        _clause.Subtree(root, set, -1);
        var tokens = set.Where(t => _tree.Relation(t) is not ("case" or "punct") || t != root && t > set.Min()).Order().ToList();
        if (tokens.Count > 0 && _tree.Relation(tokens[0]) == "case") tokens.RemoveAt(0);
        if (tokens.Count == 0) return _tree.Text(root);
        return _s.Document.Slice(_s.Tokens[tokens[0]].Start, _s.Tokens[tokens[^1]].End);
    }
}
