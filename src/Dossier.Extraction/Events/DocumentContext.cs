using System.Collections.Immutable;
using Dossier.Core.Documents;

namespace Dossier.Extraction.Events;

/// <summary>Per-document lookups of the event analysis: the dependency tree, the entity over each token, times and values.</summary>
internal sealed class DocumentContext
{
    public DocumentContext(Document document, DependencyTree tree)
    {
        Document = document;
        Tree = tree;
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
        _timesBySentence = Times.ToLookup(t => t.Sentence);
        _valuesBySentence = Values.ToLookup(v => v.Sentence);
        Published = document.Metadata.Published;
    }

    public Document Document { get; }

    /// <summary>The document's dependency trees, built once.</summary>
    public DependencyTree Tree { get; }

    public Entity?[] EntityAt { get; }

    public Mention?[] MentionAt { get; }

    public ImmutableArray<TimeExpression> Times { get; }

    public ImmutableArray<ValueMention> Values { get; }

    private readonly ILookup<int, TimeExpression> _timesBySentence;
    private readonly ILookup<int, ValueMention> _valuesBySentence;

    /// <summary>The time expressions of one sentence, in document order (a per-sentence scan of every time would
    /// make the stage quadratic in the length of the document).</summary>
    public IEnumerable<TimeExpression> TimesOf(int sentence) => _timesBySentence[sentence];

    /// <summary>The values of one sentence, in document order.</summary>
    public IEnumerable<ValueMention> ValuesOf(int sentence) => _valuesBySentence[sentence];

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
