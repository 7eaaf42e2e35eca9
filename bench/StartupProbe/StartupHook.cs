using System.Diagnostics;
using System.Globalization;
using System.Reflection;

/// <summary>
/// Issue 15, cold start, measured in the command a user runs (the published or installed <c>dossier</c>, ReadyToRun):
/// loaded with <c>DOTNET_STARTUP_HOOKS=…/StartupProbe.dll</c>, it prints to standard error, when the process exits, its
/// CPU time, the collections and their pause, the bytes allocated, and the methods compiled at run time (those
/// ReadyToRun did not precompile). With <c>PROBE_LOADS=1</c> it first loads the largest models one after another, each
/// timed alone (CPU, wall, bytes allocated, methods compiled), through the public loaders: the pipeline then finds the
/// actors, places and trigger model loaded but loads the syntax, names and time models again (it holds its own), so the
/// totals of such a run are not those of a cold start. The syntax and names models are loaded as the pipeline loads them:
/// through the cache folder in a build that has one (the first run of such a build writes the cache).
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var clock = Stopwatch.StartNew();
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PROBE_LOADS")))
        {
            TimeLoads();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"probe: cpu {process.TotalProcessorTime.TotalSeconds:0.000} s, wall {clock.Elapsed.TotalSeconds:0.000} s from the hook | collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:0.000} s | allocated {GC.GetTotalAllocatedBytes() / 1e6:0.0} MB | compiled at run time {System.Runtime.JitInfo.GetCompiledMethodCount()} methods | peak working set {process.PeakWorkingSet64 / 1e6:0} MB"));
        };
    }

    private static void TimeLoads()
    {
        var directory = AppContext.BaseDirectory;
        var nlp = Assembly.LoadFrom(Path.Combine(directory, "Dossier.Nlp.dll"));
        var extraction = Assembly.LoadFrom(Path.Combine(directory, "Dossier.Extraction.dll"));
        var models = Path.Combine(directory, "models");
        // A build with the syntax layout cache loads as the pipeline does (SyntaxModel.Load(directory, cache folder)), else from the model files.
        if (nlp.GetType("Dossier.Nlp.Syntax.SyntaxModelCache") is { } cache)
        {
            var folder = cache.GetProperty("DefaultDirectory", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(null);
            Time("syntax (cache)", () => Call(nlp, "Dossier.Nlp.Syntax.SyntaxModel", "Load", models, folder));
        }
        else
        {
            Time("syntax", () => Call(nlp, "Dossier.Nlp.Syntax.SyntaxModel", "Load", models));
        }

        // A build whose names model has a gazetteer cache loads as the pipeline does (NerModel.Load(directory, cache folder)).
        if (nlp.GetType("Dossier.Nlp.Entities.NerModel")!.GetMethods().Any(m => m.Name == "Load" && m.GetParameters().Length == 2)
            && nlp.GetType("Dossier.Nlp.Models.ModelCache") is { } modelCache)
        {
            var folder = modelCache.GetProperty("DefaultDirectory")!.GetValue(null);
            Time("names (cache)", () => Call(nlp, "Dossier.Nlp.Entities.NerModel", "Load", models, folder));
        }
        else
        {
            Time("names (NER)", () => Call(nlp, "Dossier.Nlp.Entities.NerModel", "Load", models));
        }
        Time("time lexicon", () => Call(nlp, "Dossier.Nlp.Time.TimeLexicon", "LoadDefault"));
        Time("actors", () => Property(extraction, "Dossier.Extraction.Actors.ActorKnowledgeBase", "Default"));
        Time("places", () => Call(extraction, "Dossier.Extraction.Places.PlaceStage", "LoadDefault"));
        Time("event triggers", () => Property(extraction, "Dossier.Extraction.Events.Scoring.TriggerModel", "Default"));
    }

    private static void Time(string what, Action load)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        load();
        process.Refresh();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"probe load {what,-15} cpu {(process.TotalProcessorTime - cpu).TotalSeconds:0.000} s, wall {clock.Elapsed.TotalSeconds:0.000} s, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:0.0} MB, compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - compiled} methods"));
    }

    private static void Call(Assembly assembly, string type, string method, params object?[] arguments) =>
        assembly.GetType(type, throwOnError: true)!.GetMethods()
            .First(m => m.Name == method && m.IsStatic && m.GetParameters().Length == arguments.Length)
            .Invoke(null, arguments);

    private static void Property(Assembly assembly, string type, string property) =>
        _ = assembly.GetType(type, throwOnError: true)!.GetProperty(property)!.GetValue(null);
}
