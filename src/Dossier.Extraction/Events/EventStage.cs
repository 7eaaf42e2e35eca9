using System.Collections.Immutable;
using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Extraction.Events;

/// <summary>
/// Fills <see cref="Document.Events"/>: who did what to whom, when and where, one event per predicate found on the
/// dependency tree of each sentence — verbs with a lexicon entry, and event nouns that are the object or subject of a
/// light verb ("held talks"), the object of a status verb ("plans a summit", "called for talks") or that name their
/// actors ("talks with X", "a meeting between X and Y", "X's visit"). Arguments: source = subject (the "by" agent of
/// a passive), target = indirect object, object or a with/to/against/on phrase; each conjunct of a coordinated
/// argument is one actor. Symmetric events ("X and Y met") are one event with both actors as sources and no target.
/// Needs the tokens and syntax layers; uses entities, times and values when present. Immutable and thread-safe.
/// </summary>
public sealed class EventStage : IStage
{
    private readonly EventLexicon _lexicon;

    public EventStage(EventLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    public string Name => "events";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens | Layers.Syntax;

    /// <inheritdoc/>
    public Layers Uses => Layers.Entities | Layers.Times | Layers.Values;

    /// <inheritdoc/>
    public Layers Adds => Layers.Events;

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document with { Events = [] };
        if (!document.Tokens.Any(t => t.Relation is not null)) return document with { Events = [] };

        var context = new DocumentContext(document);
        var events = ImmutableArray.CreateBuilder<Event>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            if (sentence.TokenCount <= 0 || sentence.FirstToken < 0 || sentence.EndToken > document.Tokens.Length) continue;
            var analyser = new SentenceAnalyser(_lexicon, context, s, sentence);
            foreach (var e in analyser.Run())
            {
                events.Add(e with { Id = "v" + (events.Count + 1).ToString(CultureInfo.InvariantCulture) });
            }
        }

        return document with { Events = events.ToImmutable() };
    }
}

/// <summary>Per-document lookups: the entity over each token, times and values by token.</summary>
internal sealed class DocumentContext
{
    public DocumentContext(Document document)
    {
        Document = document;
        var n = document.Tokens.Length;
        EntityAt = new Entity?[n];
        MentionAt = new Mention?[n];
        var entities = document.Entities.IsDefault ? [] : document.Entities;
        foreach (var entity in entities)
        {
            if (entity.Mentions.IsDefault) continue;
            foreach (var m in entity.Mentions)
            {
                foreach (var t in TokensOverlapping(m.Start, m.End))
                {
                    if (EntityAt[t] is null || (MentionAt[t] is { } old && old.End - old.Start < m.End - m.Start))
                    {
                        EntityAt[t] = entity;
                        MentionAt[t] = m;
                    }
                }
            }
        }

        Times = document.Times.IsDefault ? [] : document.Times;
        Values = document.Values.IsDefault ? [] : document.Values;
        Published = document.Metadata.Published;
    }

    public Document Document { get; }

    public Entity?[] EntityAt { get; }

    public Mention?[] MentionAt { get; }

    public ImmutableArray<TimeExpression> Times { get; }

    public ImmutableArray<ValueMention> Values { get; }

    public DateOnly? Published { get; }

    /// <summary>Token indexes overlapping [start, end).</summary>
    public IEnumerable<int> TokensOverlapping(int start, int end)
    {
        var tokens = Document.Tokens;
        var lo = 0;
        var hi = tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End <= start) lo = mid + 1;
            else hi = mid - 1;
        }

        for (var i = lo; i < tokens.Length && tokens[i].Start < end; i++)
        {
            if (tokens[i].End > start) yield return i;
        }
    }
}
