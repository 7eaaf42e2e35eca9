namespace Dossier.Storage.Corpus;

/// <summary>
/// Queries over the corpus: one entity per real-world actor and one event per real-world event across every stored
/// document, built as documents are added. Lists page with <c>limit</c>/<c>offset</c> and have a stable order.
/// </summary>
public interface ICorpusQueries
{
    /// <summary>Corpus entities, most mentioned first, then by id.</summary>
    /// <param name="type">OntoNotes type (PERSON, ORG …), or null for all.</param>
    /// <param name="query">Matched as a substring of the normalised canonical name or any alias, or null for all.</param>
    Task<IReadOnlyList<CorpusEntitySummary>> ListEntitiesAsync(string? type, string? query, int limit, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>One corpus entity by id, or by exact (normalised) name or alias; the most mentioned when several share it.</summary>
    /// <param name="mentionSamples">How many mentions to return as samples.</param>
    /// <returns>The entity with aliases, roles over time, documents and sample mentions, or null when unknown.</returns>
    Task<CorpusEntityDetails?> GetEntityAsync(string idOrName, int mentionSamples = 10, CancellationToken cancellationToken = default);

    /// <summary>Corpus events, latest first (by <see cref="CorpusEventSummary.Day"/>), then the most recently created first.</summary>
    Task<IReadOnlyList<CorpusEventSummary>> ListEventsAsync(CorpusEventFilter filter, int limit, int offset = 0, CancellationToken cancellationToken = default);

    /// <summary>One corpus event with its actors and every report of it, or null when no event has this id.</summary>
    Task<CorpusEventSummary?> GetEventAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>For each event of a stored document (by its id in the document), the corpus event it reports; empty
    /// when the document is unknown.</summary>
    Task<IReadOnlyDictionary<string, long>> CorpusEventIdsAsync(string documentId, CancellationToken cancellationToken = default);

    /// <summary>The events of an actor (source or target) in date order; undated ones at their first publication date, marked approximate.</summary>
    /// <returns>Null when the entity is unknown.</returns>
    /// <param name="minConfidence">Only events with a report of at least this confidence; 0 for all.</param>
    /// <param name="domain">Which events by domain (<see cref="Core.Labels.DomainFilters"/>): null or <c>general</c> leaves
    /// out sport and entertainment events, <c>all</c> keeps every event, a domain keeps only its events.</param>
    Task<CorpusTimeline?> TimelineAsync(string entity, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default);

    /// <summary>Events dated on or after <paramref name="from"/> (court dates, summits, visits), soonest first.</summary>
    /// <param name="minConfidence">Only events with a report of at least this confidence; 0 for all.</param>
    /// <param name="domain">Which events by domain, as for <see cref="TimelineAsync"/>.</param>
    Task<IReadOnlyList<CorpusEventSummary>> AgendaAsync(DateOnly from, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default);

    /// <summary>Events announced without a date: planned or possible, no report dates them, and the latest report
    /// was published in the <paramref name="days"/> days up to <paramref name="asOf"/> (inclusive); latest report first.</summary>
    /// <param name="minConfidence">Only events with a report of at least this confidence; 0 for all.</param>
    /// <param name="domain">Which events by domain, as for <see cref="TimelineAsync"/>.</param>
    Task<IReadOnlyList<CorpusEventSummary>> UndatedPlansAsync(DateOnly asOf, int days, int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default);

    /// <summary>Pairs of corpus entities (source → target) with how many corpus events join them, their mean Goldstein score
    /// and their quad classes; most events first, then by ids.</summary>
    /// <param name="minConfidence">Only events with a report of at least this confidence count; 0 for all.</param>
    /// <param name="domain">Which events by domain, as for <see cref="TimelineAsync"/>.</param>
    Task<IReadOnlyList<ActorPair>> NetworkAsync(int limit, int offset = 0, double minConfidence = 0, string? domain = null, CancellationToken cancellationToken = default);
}

/// <param name="Actor">Corpus entity id, or a name or alias; null for any.</param>
/// <param name="Type">PLOVER type, or null.</param>
/// <param name="Status">occurred, planned, possible, requested, negated, refused or alleged; or null.</param>
/// <param name="From">Earliest day (event date, else publication date), inclusive.</param>
/// <param name="To">Latest day, inclusive.</param>
/// <param name="Domain">Which events by domain (<see cref="Core.Labels.DomainFilters"/>): null or <c>general</c> leaves out
/// sport and entertainment events, <c>all</c> keeps every event, a domain keeps only its events.</param>
public sealed record CorpusEventFilter(string? Actor = null, string? Type = null, string? Status = null, DateOnly? From = null, DateOnly? To = null, string? Domain = null)
{
    /// <summary>Only events with a report of at least this confidence (<see cref="CorpusEventSummary.Confidence"/>); 0 for all.</summary>
    public double MinConfidence { get; init; }
}

/// <param name="FirstSeen">Earliest publication date of a document that names it.</param>
/// <param name="LastSeen">Latest publication date.</param>
public sealed record CorpusEntitySummary(
    long Id, string Name, string Type, string? Country, string? Sector, string? Code,
    long Mentions, long Documents, DateOnly? FirstSeen, DateOnly? LastSeen);

/// <param name="Events">How many corpus events it takes part in, as a source or a target (listed by the timeline).</param>
/// <param name="Connections">The actors it shares the most events with, most first.</param>
public sealed record CorpusEntityDetails(
    CorpusEntitySummary Entity,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<CorpusRole> Roles,
    IReadOnlyList<CorpusDocumentRef> Documents,
    IReadOnlyList<CorpusMention> Mentions,
    long Events,
    IReadOnlyList<ActorConnection> Connections);

/// <summary>Another actor of the events of an entity, and how many events the two share.</summary>
public sealed record ActorConnection(CorpusActor Actor, long Events);

/// <summary>An office held over time: first and last publication date of the documents that give it, and how many do.</summary>
public sealed record CorpusRole(string Title, string? Organization, string? Country, string Status, DateOnly? FirstSeen, DateOnly? LastSeen, long Documents);

public sealed record CorpusDocumentRef(string Id, string? Title, DateOnly? Published);

/// <param name="Evidence">The sentence that contains the mention.</param>
public sealed record CorpusMention(string DocumentId, string Text, int Sentence, string Evidence)
{
    /// <summary>What the words are: <c>name</c>, <c>description</c> or <c>pronoun</c> (<c>Dossier.Core.Labels.MentionKinds</c>).</summary>
    public string Kind { get; init; } = Dossier.Core.Labels.MentionKinds.Name;
}

/// <param name="EntityId">The corpus entity, or null for an actor known only by code or text.</param>
public sealed record CorpusActor(long? EntityId, string Name, string? Code);

/// <summary>One document's report of a corpus event.</summary>
public sealed record CorpusEvidence(string DocumentId, string? Title, DateOnly? Published, string Source, string EventId, string Trigger, string Status, string Evidence);

/// <param name="Date">The TIMEX3 value of the event's date, or null when no report dates it.</param>
/// <param name="Day">The day of <paramref name="Date"/>, else the first publication date (then <paramref name="Approximate"/>).</param>
/// <param name="NumMentions">Document events linked to it.</param>
/// <param name="NumArticles">Distinct documents.</param>
/// <param name="NumSources">Distinct sources (URL hosts, else source paths).</param>
public sealed record CorpusEventSummary(
    long Id, string Type, string? Mode, string Cameo, int QuadClass, double Goldstein, string Status,
    string? Date, DateOnly? Day, bool Approximate, string? Location,
    IReadOnlyList<CorpusActor> Source, IReadOnlyList<CorpusActor> Target,
    long NumMentions, long NumArticles, long NumSources,
    IReadOnlyList<CorpusEvidence> Evidence)
{
    /// <summary>The highest confidence of its reports (<see cref="Core.Documents.Event.Confidence"/>): how likely it is that
    /// at least its best-supported report has the right type and source.</summary>
    public double Confidence { get; init; }
    /// <summary>Sport or entertainment when every report of it comes from a document of that topic (the default views
    /// leave it out); else null.</summary>
    public string? Domain { get; init; }

    /// <summary>Where it happened (<see cref="Core.Documents.EventLocation.Place"/>): the place of its first report that names
    /// one in its sentence, else of its first report's document; null when none is known.</summary>
    public Core.Documents.Place? Place { get; init; }

    /// <summary>Where <see cref="Place"/> comes from: <c>sentence</c> or <c>document</c> (<see cref="Core.Labels.PlaceClasses"/>); null without a place.</summary>
    public string? PlaceScope { get; init; }
}

public sealed record CorpusTimeline(CorpusEntitySummary Entity, IReadOnlyList<CorpusEventSummary> Events);

/// <param name="Events">Corpus events with <paramref name="Source"/> as a source and <paramref name="Target"/> as a target.</param>
/// <param name="QuadClasses">How many of them fall in each quad class: verbal cooperation, material cooperation, verbal
/// conflict, material conflict (quad classes 1 to 4, in that order).</param>
public sealed record ActorPair(CorpusActor Source, CorpusActor Target, long Events, double MeanGoldstein, IReadOnlyList<long> QuadClasses)
{
    /// <summary>The most frequent quad class (1–4), the lower on a tie; 0 when the pair has no event with one.</summary>
    public int QuadClass => Dossier.Core.Documents.QuadClass.Majority(QuadClasses);
}
