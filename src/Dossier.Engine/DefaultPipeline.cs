using Dossier.Core.Pipeline;
using Dossier.Nlp.Tokenization;

namespace Dossier.Engine;

/// <summary>
/// The one place that knows which stages make up Dossier's analysis and in which order.
/// The CLI, the web host and the benchmarks all build their pipeline here.
/// </summary>
public static class DefaultPipeline
{
    public static AnalysisPipeline Create() => new([new TokenizationStage()]);
}
