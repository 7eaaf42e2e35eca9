using Dossier.Core.Documents;

namespace Dossier.Core.Pipeline;

/// <summary>
/// One step of the analysis: takes a document and returns it with the stage's layer added.
/// A stage never changes the text or the layers that earlier stages produced.
/// Implementations are immutable after construction and safe to call from several threads.
/// </summary>
public interface IStage
{
    /// <summary>Short name used in logs and benchmarks, e.g. <c>tokens</c>.</summary>
    string Name { get; }

    Document Process(Document document);
}
