using Dossier.Core.Pipeline;
using Dossier.Extraction.Actors;
using Dossier.Extraction.Coreference;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Scoring;
using Dossier.Extraction.Places;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Models;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Time;
using Dossier.Nlp.Tokenization;
using Dossier.Nlp.Topics;
using Dossier.Nlp.Values;

namespace Dossier.Engine;

/// <summary>
/// The one place that knows which stages make up Dossier's analysis and in which order.
/// The CLI, the web host and the benchmarks all build their pipeline here. Models are loaded
/// once per process from the <c>models</c> folder and shared (they are immutable).
/// </summary>
public static class DefaultPipeline
{
    private static readonly Lazy<SyntaxModel> Syntax = new(() => SyntaxModel.Load(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<NerModel> Ner = new(() => NerModel.Load(SyntaxModel.DefaultDirectory, ModelCache.DefaultDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TimeLexicon> Times = new(TimeLexicon.LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<TopicModel> TopicModel = new(() => Nlp.Topics.TopicModel.Load(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<EventLexicon> Events = new(() => EventLexicon.Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The default confidence threshold of the event listings (<c>dossier events</c>, the API, the web pages): the one
    /// the event scorer's training chose on the dev split for precision ≥ 0.8 (<see cref="EventScorer.MinConfidence"/>).
    /// </summary>
    /// <exception cref="Core.Errors.ModelFileException">When the scorer's file is missing or malformed.</exception>
    public static double DefaultMinConfidence => EventScorer.Default.MinConfidence;

    /// <summary>The name of the user's actors file looked for beside a database.</summary>
    public const string ActorsFileName = "actors.tsv";

    /// <summary>
    /// The pipeline with the user's actors: <paramref name="actorsFile"/> when given, else <see cref="ActorsFileName"/>
    /// beside <paramref name="databasePath"/> when there is one, else the shipped knowledge base only.
    /// </summary>
    /// <param name="error">The one-line reason (<c>FILE:LINE: reason</c>) when the actors file cannot be used; the result is then null.</param>
    /// <exception cref="Core.Errors.ModelFileException">When a model file is missing or corrupt.</exception>
    public static AnalysisPipeline? TryCreate(string? actorsFile, string? databasePath, out string? error)
    {
        error = null;
        var path = actorsFile;
        if (path is null && databasePath is not null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", ActorsFileName);
            path = File.Exists(beside) ? beside : null;
        }

        if (path is null)
        {
            return Create();
        }

        var result = ActorKnowledgeBase.Default.WithUserActors(path);
        if (result.KnowledgeBase is null)
        {
            error = result.Error;
            return null;
        }

        return Create(result.KnowledgeBase);
    }

    /// <param name="actors">The actor knowledge base, e.g. with the user's actors added; default: the shipped one.</param>
    /// <exception cref="Core.Errors.ModelFileException">When a model file is missing or corrupt; the message names the file and how to rebuild it.</exception>
    /// <param name="scoreEvents">Whether the learned scorer sets the events' confidence (false: the rule coder's estimate; for training the scorer).</param>
    /// <param name="learnedTriggers">Whether the learned trigger model vetoes and proposes events beside the rule coder (false: for training it).</param>
    public static AnalysisPipeline Create(ActorKnowledgeBase? actors = null, bool scoreEvents = true, bool learnedTriggers = true)
    {
        LoadModels(defaultActors: actors is null, scoreEvents, learnedTriggers);
        return new(
        [
            new TokenizationStage(),
            new TopicStage(TopicModel.Value), // before events: the events of sport and entertainment reports take it as their domain
            new SyntaxStage(Syntax.Value),
            new TimeExpressionStage(TimeExpressionOptions.Default, Times.Value),
            new ValueStage(Times.Value), // after times: numbers inside dates and durations are not values
            new EntityRecognitionStage(Ner.Value),
            new CoreferenceStage(actors ?? ActorKnowledgeBase.Default), // one entity per actor, roles, actor codes
            new PlaceStage(), // before events: their locations carry the places
            new EventStage(Events.Value, scoreEvents ? EventScorer.Default : null, learnedTriggers ? TriggerModel.Default : null),
        ]);
    }

    /// <summary>
    /// Loads the models not loaded yet side by side, one per core: the syntax model on this thread, the others on the
    /// thread pool. Each is still loaded once per process (the lazies); the first failure is rethrown as it was thrown.
    /// </summary>
    private static void LoadModels(bool defaultActors, bool scoreEvents, bool learnedTriggers)
    {
        var loads = new List<Task>();
        void Start(Action load) => loads.Add(Task.Run(load));
        Start(() => _ = Ner.Value);
        Start(() => _ = Events.Value);
        Start(() => _ = Times.Value);
        Start(() => _ = CorefLexicon.Default);
        Start(() => _ = TopicModel.Value);
        Start(PlaceStage.LoadDefault);
        if (scoreEvents)
        {
            Start(() => _ = EventScorer.Default);
        }

        if (learnedTriggers)
        {
            Start(() => _ = TriggerModel.Default);
        }

        if (defaultActors)
        {
            Start(() => _ = ActorKnowledgeBase.Default);
        }

        _ = Syntax.Value;
        try
        {
            Task.WaitAll(loads);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
