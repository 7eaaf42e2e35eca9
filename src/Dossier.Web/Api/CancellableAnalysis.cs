using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Web.Api;

/// <summary>
/// The pipeline for one request, stopped when its client goes away. The stages are synchronous and take no token, so
/// the token is observed where control passes between them: before each stage and after the last, and then by the
/// store before it writes. A stage already running finishes its work on the document (it cannot be interrupted
/// without changing it), but no later stage runs and nothing is stored: the core is freed after at most one stage.
/// </summary>
internal static class CancellableAnalysis
{
    /// <summary><paramref name="pipeline"/>'s stages, each checking <paramref name="cancellationToken"/> before and
    /// after it runs (throwing <see cref="OperationCanceledException"/>).</summary>
    public static AnalysisPipeline For(AnalysisPipeline pipeline, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? new AnalysisPipeline(pipeline.Stages.Select(stage => (IStage)new CancellableStage(stage, cancellationToken)), pipeline.Given)
            : pipeline;

    private sealed class CancellableStage(IStage stage, CancellationToken cancellationToken) : IStage
    {
        public string Name => stage.Name;

        public Layers Needs => stage.Needs;

        public Layers Uses => stage.Uses;

        public Layers Adds => stage.Adds;

        public Document Process(Document document)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var processed = stage.Process(document);
            cancellationToken.ThrowIfCancellationRequested();
            return processed;
        }
    }
}
