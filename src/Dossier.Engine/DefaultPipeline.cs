using Dossier.Core.Pipeline;
using Dossier.Nlp.Syntax;
using Dossier.Nlp.Tokenization;

namespace Dossier.Engine;

/// <summary>
/// The one place that knows which stages make up Dossier's analysis and in which order.
/// The CLI, the web host and the benchmarks all build their pipeline here. Models are loaded
/// once per process from the <c>models</c> folder and shared (they are immutable).
/// </summary>
public static class DefaultPipeline
{
    private static readonly Lazy<SyntaxModel> Syntax = new(() => SyntaxModel.Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <exception cref="ModelLoadException">When a model file is missing or corrupt; the message names the file and how to rebuild it.</exception>
    public static AnalysisPipeline Create() => new(
    [
        new TokenizationStage(),
        new SyntaxStage(Syntax.Value),
    ]);
}
