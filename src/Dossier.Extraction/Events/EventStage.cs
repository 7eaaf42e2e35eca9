using System.Collections.Immutable;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Core.Pipeline;

namespace Dossier.Extraction.Events;

/// <summary>
/// Fills <see cref="Document.Events"/>: who did what to whom, when and where, one event per predicate found on the
/// dependency tree of each sentence — verbs with a lexicon entry, and event nouns that are the object or subject of a
/// light verb ("held talks"), the object of a status verb ("plans a summit", "called for talks") or that name their
/// actors ("talks with X", "a meeting between X and Y", "X's visit"). Arguments: source = subject (the "by" agent of
/// a passive), target = indirect object, object or a with/to/against/on phrase; each conjunct of a coordinated
/// argument is one actor. Symmetric events ("X and Y met") are one event with both actors as sources and no target.
/// Needs the tokens and syntax layers (without a parse it finds no events: see <see cref="Process"/>); uses
/// entities, times, values and the topic (an event of a sport or entertainment report gets it as its domain) when present. The decisions live in one class each (<see cref="SentenceAnalyser"/>
/// lists them). Immutable and thread-safe.
/// </summary>
public sealed class EventStage : IStage
{
    private readonly EventLexicon _lexicon;
    private readonly Scoring.EventScorer? _scorer;
    private readonly Scoring.TriggerModel? _triggers;

    /// <param name="lexicon">The event lexicon.</param>
    /// <param name="scorer">The learned scorer that sets each event's <see cref="Event.Confidence"/> (a calibrated
    /// probability); null keeps the rule coder's own estimate.</param>
    /// <param name="triggers">The learned trigger model that vetoes rule events and proposes the triggers the rules
    /// miss (<see cref="TriggerDecisions"/>); null: the rule coder's events only.</param>
    public EventStage(EventLexicon lexicon, Scoring.EventScorer? scorer = null, Scoring.TriggerModel? triggers = null)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
        _scorer = scorer;
        _triggers = triggers;
    }

    public string Name => "events";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens | Layers.Syntax;

    /// <inheritdoc/>
    public Layers Uses => Layers.Entities | Layers.Times | Layers.Values | Layers.Topic | Layers.Places;

    /// <inheritdoc/>
    public Layers Adds => Layers.Events;

    /// <summary>
    /// The document with its events. Events are read off the dependency tree: a document without tokens, sentences
    /// or a parse (the syntax stage did not run, or found nothing) gets an empty event list, not an error.
    /// </summary>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document with { Events = [] };

        var tree = new DependencyTree(document);
        if (!tree.IsParsed)
        {
            // No syntax layer: nothing to walk. Deliberately no events (and no error), as documented above.
            return document with { Events = [] };
        }

        var context = new DocumentContext(document, tree);
        var domain = DocumentTopics.DomainOf(document.Topic); // sport and entertainment reports: kept, flagged, left out of the default views
        var events = ImmutableArray.CreateBuilder<Event>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount <= 0 || sentence.FirstToken < 0 || sentence.EndToken > document.Tokens.Length) continue;
            var analyser = new SentenceAnalyser(_lexicon, context, s, sentence);
            var found = analyser.Run().ToList();
            if (_triggers is not null)
            {
                found = TriggerDecisions.Select(TriggerDecisions.Calls(_triggers, context, _lexicon, analyser, sentence, found), _triggers.Veto, _triggers.VetoEvent, _triggers.Propose);
            }

            foreach (var e in found)
            {
                events.Add(e with { Id = "v" + (events.Count + 1).ToString(CultureInfo.InvariantCulture), Domain = domain });
            }
        }

        var scored = _scorer is null ? events.ToImmutable() : [.. _scorer.Rescore(tree, events)];

        // An event whose sentence names no place happened, as far as the report says, in its main place's country
        // (after scoring: the scorer reads whether the sentence names a place).
        if (scored.Any(e => e.Location is null) && Places.DocumentPlace.Fallback(document) is { } fallback)
        {
            scored = [.. scored.Select(e => e.Location is null ? e with { Location = fallback } : e)];
        }

        return document with { Events = scored };
    }

    /// <summary>
    /// For training the trigger model's thresholds: per sentence of <paramref name="document"/> (analysed by every stage
    /// before this one), the rule events and the proposals of <paramref name="model"/> with their probabilities.
    /// </summary>
    internal List<List<TriggerCall>> TriggerCalls(Document document, Scoring.TriggerModel model)
    {
        var result = new List<List<TriggerCall>>();
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return result;
        var tree = new DependencyTree(document);
        if (!tree.IsParsed) return result;
        var context = new DocumentContext(document, tree);
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount <= 0 || sentence.FirstToken < 0 || sentence.EndToken > document.Tokens.Length) continue;
            var analyser = new SentenceAnalyser(_lexicon, context, s, sentence);
            result.Add(TriggerDecisions.Calls(model, context, _lexicon, analyser, sentence, [.. analyser.Run()]));
        }

        return result;
    }

    /// <summary>For training the trigger model: the features and rule events of every candidate token of <paramref name="document"/>.</summary>
    internal List<(int Token, List<string> Features)> TriggerExamples(Document document)
    {
        var result = new List<(int, List<string>)>();
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return result;
        var tree = new DependencyTree(document);
        if (!tree.IsParsed) return result;
        var context = new DocumentContext(document, tree);
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount <= 0 || sentence.FirstToken < 0 || sentence.EndToken > document.Tokens.Length) continue;
            var analyser = new SentenceAnalyser(_lexicon, context, s, sentence);
            var ruleTypes = new Dictionary<int, List<string>>();
            foreach (var e in analyser.Run())
            {
                for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
                {
                    if (document.Tokens[i].Start != e.Trigger.Start) continue;
                    if (!ruleTypes.TryGetValue(i, out var list)) ruleTypes[i] = list = [];
                    if (!list.Contains(e.Type)) list.Add(e.Type);
                    break;
                }
            }

            for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                if (Scoring.TriggerFeatures.IsCandidate(tree, i)) result.Add((i, Scoring.TriggerFeatures.Of(context, _lexicon, i, ruleTypes, analyser.Dropped)));
            }
        }

        return result;
    }
}
