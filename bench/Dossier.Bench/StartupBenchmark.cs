using System.Diagnostics;
using Dossier.Core.Documents;
using Dossier.Engine;
using Dossier.Extraction.Actors;
using Dossier.Extraction.Coreference;
using Dossier.Extraction.Events;
using Dossier.Extraction.Events.Scoring;
using Dossier.Extraction.Places;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Time;
using Dossier.Nlp.Topics;

namespace Dossier.Bench;

/// <summary>
/// Where the start-up of a fresh process goes: each model loaded alone, one after another (each time includes the
/// compilation of its loader), then the pipeline built by <see cref="DefaultPipeline"/> (loading in parallel, now
/// from the caches) and the first and second analysis of a short text, each with the memory it allocated, the
/// collections it caused and the methods compiled at run time (not precompiled). Run it in a fresh process.
/// </summary>
internal static class StartupBenchmark
{
    private const string Text = "The foreign minister met the ambassador of France in Paris on Tuesday.\n"
        + "They agreed to hold more talks in the spring, a spokesman said, and to spend 2 million euros on the harbour.";

    public static int Run()
    {
        Console.WriteLine($"process up {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds:0.00} s before Main's first line");
        Time("syntax (tagger, lemmatizer, parser)", () => SyntaxModel.Load());
        Time("names (NER)", () => NerModel.Load(SyntaxModel.DefaultDirectory));
        Time("time lexicon", TimeLexicon.LoadDefault);
        Time("event lexicon", () => EventLexicon.Load());
        Time("actor knowledge base", () => ActorKnowledgeBase.Default);
        Time("coreference lexicon", () => CorefLexicon.Default);
        Time("coreference ranking model", () => MentionRanker.Default);
        Time("topic model", () => TopicModel.Load());
        Time("place gazetteer", () => { PlaceStage.LoadDefault(); return 0; });
        Time("event scorer", () => EventScorer.Default);
        Time("event trigger model", () => TriggerModel.Default);
        var pipeline = Time("default pipeline (parallel loads)", () => DefaultPipeline.Create());
        var document = new Document(Text, new DocumentMetadata(null, "startup", null));
        Time("first analysis (compiles the stages)", () => pipeline.Process(document));
        Time("second analysis", () => pipeline.Process(document));
        Console.WriteLine(FormattableString.Invariant(
            $"total    {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds:0.00} s since the process started, {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00} s CPU"));
        Console.WriteLine($"         {References.ColdStart}");
        return 0;
    }

    /// <summary>Runs <paramref name="load"/> and prints its wall time and the process's CPU time meanwhile (the CPU time
    /// is the steadier figure on a busy machine).</summary>
    private static T Time<T>(string what, Func<T> load)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var result = load();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(FormattableString.Invariant(
            $"{clock.Elapsed.TotalSeconds,6:0.000} s wall {used.TotalSeconds,6:0.000} s CPU {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,7:0.0} MB allocated {GC.CollectionCount(0) - collections,3} GCs {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted,5} methods jitted  {what}"));
        return result;
    }
}
