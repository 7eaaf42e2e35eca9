using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>One pass of the stage over one document: which mentions are one actor. Not thread-safe; one per call.</summary>
internal sealed partial class CoreferenceRun
{
    private readonly DocumentView _view;
    private readonly CorefLexicon _lexicon;
    private readonly ActorCoder _coder;
    private readonly MentionRanker? _ranker;
    private readonly bool _keepUnnamed;
    private readonly IReadOnlyDictionary<string, string>? _classes;
    private readonly List<MentionInfo> _mentions = [];
    private readonly List<Cluster> _clusters = [];
    private readonly Dictionary<string, Cluster> _keyed = new(StringComparer.Ordinal);

    /// <summary>For the evaluation only: the noun-phrase span (tokens) of a sieve mention whose phrase is wider than its name.</summary>
    private readonly Dictionary<MentionInfo, (int First, int End)> _evaluationSpans = [];

    /// <param name="ranker">The mention-ranking model for the phrases the sieves leave; null: sieves only.</param>
    /// <param name="keepUnnamed">Also return actors no name mention names ("the cat … it"), for the evaluation.</param>
    /// <param name="classes">Semantic classes of heads and name types; default: the ranker's.</param>
    public CoreferenceRun(DocumentView view, CorefLexicon lexicon, ActorCoder coder, MentionRanker? ranker = null, bool keepUnnamed = false, IReadOnlyDictionary<string, string>? classes = null)
    {
        _classes = classes ?? ranker?.Classes;
        _view = view;
        _lexicon = lexicon;
        _coder = coder;
        _ranker = ranker;
        _keepUnnamed = keepUnnamed;
    }

    private ActorKnowledgeBase Kb => _view.Kb;

    private DependencyTree Tree => _view.Tree;

    /// <summary>Finds the mentions, decides which are one actor, and returns one coded entity per actor.</summary>
    public ImmutableArray<Entity> Resolve()
    {
        RunSieves();
        RankNounPhrases();
        return BuildEntities();
    }

    /// <summary>The noun phrases as the ranking sees them after the sieves, for training the ranking model.</summary>
    internal List<NounPhrase> PhrasesAfterSieves()
    {
        RunSieves();
        return FindNounPhrases();
    }

    /// <summary>The deterministic steps: names, titles, groups, descriptions of office holders, pronouns, quoted speakers.</summary>
    private void RunSieves()
    {
        ReadMentions();
        JoinHyphenated();
        CutTitlesOutOfNames();
        FindRoles();
        _mentions.RemoveAll(m => m.Removed);
        MentionsChanged();
        FindGroups();
        FindNominals();
        InheritListCountries();
        foreach (var m in _mentions) MarkSubjects(m);
        foreach (var m in _mentions.ToList())
        {
            if (m.Removed) continue;
            switch (m.Kind)
            {
                case MentionKind.Name when m.Type == EntityTypes.Person:
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
    }

    /// <summary>The actor for a key ("C:UKR" for a country), made on first use.</summary>
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

    /// <summary>A new actor without a key.</summary>
    private Cluster NewCluster(string type)
    {
        var c = new Cluster(type);
        _clusters.Add(c);
        return c;
    }

    /// <summary>Moves a mention to tokens [first, end).</summary>
    private void SetSpan(MentionInfo m, int first, int end)
    {
        m.FirstToken = first;
        m.EndToken = end;
        m.Start = _view.Tokens[first].Start;
        m.End = _view.Tokens[end - 1].End;
        m.Text = _view.Document.Text[m.Start..m.End];
        MentionsChanged();
    }

    private static IEnumerable<int> Between(int first, int end)
    {
        for (var i = first; i < end; i++) yield return i;
    }
}
