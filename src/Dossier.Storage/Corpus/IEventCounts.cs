namespace Dossier.Storage.Corpus;

/// <summary>
/// Event counts grouped by day, month, type, quad class or country, as an analytics cluster answers them
/// (<c>dossier serve --analytics</c>); corpus queries that can count implement it beside <see cref="ICorpusQueries"/>.
/// </summary>
public interface IEventCounts
{
    /// <summary>The dimensions <see cref="CountEventsAsync"/> can group by (e.g. day, month, type, quad, country).</summary>
    IReadOnlyList<string> CountDimensions { get; }

    /// <summary>Distinct corpus events and event mentions per group of <paramref name="by"/>, in key order.</summary>
    /// <param name="by">One or more of <see cref="CountDimensions"/>.</param>
    /// <param name="filter">Which event mentions count.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    Task<IReadOnlyList<EventCount>> CountEventsAsync(IReadOnlyList<string> by, EventCountFilter filter, CancellationToken cancellationToken = default);
}

/// <summary>One group of <see cref="IEventCounts.CountEventsAsync"/>: the value of each grouping dimension (in the order
/// asked), distinct corpus events and event mentions.</summary>
public sealed record EventCount(IReadOnlyList<string> Keys, long Events, long Mentions);

/// <summary>Which event mentions <see cref="IEventCounts.CountEventsAsync"/> counts.</summary>
/// <param name="From">Earliest day, inclusive.</param>
/// <param name="To">Latest day, inclusive.</param>
/// <param name="Country">ISO country of the event's location.</param>
/// <param name="Type">PLOVER event type.</param>
/// <param name="MinConfidence">Mentions of at least this confidence; 0 for all.</param>
/// <param name="Domain">General (no sport or entertainment), all, or one domain (<see cref="Core.Labels.DomainFilters"/>).</param>
public sealed record EventCountFilter(DateOnly? From = null, DateOnly? To = null, string? Country = null, string? Type = null, double MinConfidence = 0, string? Domain = null);
