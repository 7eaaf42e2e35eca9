using System.Collections.Immutable;
using Dossier.Core.Documents;

namespace Dossier.Core.Pipeline;

/// <summary>
/// Runs stages in order. Documents that are not English pass through unanalysed
/// (they are stored and flagged, not analysed). Thread-safe when its stages are.
/// </summary>
public sealed class AnalysisPipeline
{
    /// <summary>A pipeline of <paramref name="stages"/>, after checking that each stage's contract holds in that order.</summary>
    /// <param name="stages">The stages, in the order they run.</param>
    /// <param name="given">Layers the documents already carry (gold tokens of a treebank, say).</param>
    /// <exception cref="ArgumentException">When a stage needs a layer that neither <paramref name="given"/> nor an
    /// earlier stage adds, or uses a layer that a later stage adds.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stages"/> is null.</exception>
    public AnalysisPipeline(IEnumerable<IStage> stages, Layers given = Layers.None)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Stages = [.. stages];
        Given = given;
        Check(Stages, given);
    }

    /// <summary>The stages, in the order they run.</summary>
    public ImmutableArray<IStage> Stages { get; }

    /// <summary>Layers the documents carry before the first stage.</summary>
    public Layers Given { get; }

    /// <summary>The document with every stage's layers added; a non-English document as it is.</summary>
    /// <param name="document">The document to analyse; one that is not <see cref="Document.IsEnglish"/> is returned unchanged.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <summary>
    /// The document with every stage's layers added; a non-English document as it is. Stages take no token: it is
    /// checked before each stage, so a cancelled analysis stops when the running stage ends.
    /// </summary>
    /// <param name="document">The document to analyse; one that is not <see cref="Document.IsEnglish"/> is returned unchanged.</param>
    /// <param name="cancellationToken">Stops the analysis between stages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.IsEnglish)
        {
            return document;
        }

        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            document = stage.Process(document);
        }

        return document;
    }

    private static void Check(ImmutableArray<IStage> stages, Layers given)
    {
        var present = given;
        for (var i = 0; i < stages.Length; i++)
        {
            var stage = stages[i];
            var missing = stage.Needs & ~present;
            if (missing != Layers.None)
            {
                throw new ArgumentException($"Stage '{stage.Name}' needs {missing}, which no earlier stage adds.", nameof(stages));
            }

            for (var later = i + 1; later < stages.Length; later++)
            {
                var early = stage.Uses & stages[later].Adds & ~present;
                if (early != Layers.None)
                {
                    throw new ArgumentException($"Stage '{stage.Name}' uses {early}, which stage '{stages[later].Name}' adds after it.", nameof(stages));
                }
            }

            present |= stage.Adds;
        }
    }
}
