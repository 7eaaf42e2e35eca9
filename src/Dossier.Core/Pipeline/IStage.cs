using Dossier.Core.Documents;

namespace Dossier.Core.Pipeline;

/// <summary>
/// One step of the analysis: takes a document and returns it with the stage's layer added.
/// A stage never changes the text or the layers that earlier stages produced.
/// Implementations are immutable after construction and safe to call from several threads.
/// </summary>
/// <remarks>
/// Each stage states its contract: the layers it <see cref="Needs"/> (an earlier stage must add them), the layers
/// it <see cref="Uses"/> when they are there (a stage that adds one must come earlier), and the layers it
/// <see cref="Adds"/>. <see cref="AnalysisPipeline"/> checks the order when it is built.
/// </remarks>
public interface IStage
{
    /// <summary>Short name used in logs and benchmarks, e.g. <c>tokens</c>.</summary>
    string Name { get; }

    /// <summary>The layers this stage cannot work without.</summary>
    Layers Needs { get; }

    /// <summary>The layers this stage reads when present; it still runs without them.</summary>
    Layers Uses { get; }

    /// <summary>The layers this stage adds.</summary>
    Layers Adds { get; }

    /// <summary>The document with this stage's layers added.</summary>
    /// <param name="document">A document that carries the layers in <see cref="Needs"/>.</param>
    /// <returns>A copy of <paramref name="document"/> (made with <c>with</c>) whose <see cref="Adds"/> layers are
    /// replaced; the input is not changed.</returns>
    Document Process(Document document);
}
