using System.Collections.Immutable;
using Dossier.Core.Documents;

namespace Dossier.Core.Pipeline;

/// <summary>
/// Runs stages in order. Documents that are not English pass through unanalysed
/// (they are stored and flagged, not analysed). Thread-safe when its stages are.
/// </summary>
public sealed class AnalysisPipeline
{
    public AnalysisPipeline(IEnumerable<IStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        Stages = [.. stages];
    }

    public ImmutableArray<IStage> Stages { get; }

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.IsEnglish)
        {
            return document;
        }

        foreach (var stage in Stages)
        {
            document = stage.Process(document);
        }

        return document;
    }
}
