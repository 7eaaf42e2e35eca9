using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Topics;

/// <summary>
/// Sets <see cref="Document.Topic"/> from the words of the title and the tokens (<see cref="TopicModel"/>): a few
/// dictionary look-ups per word, so it costs microseconds per document. Runs after the tokens stage and before the
/// events stage, which gives the events of sport and entertainment reports their domain. Immutable and thread-safe.
/// </summary>
public sealed class TopicStage : IStage
{
    private readonly TopicModel _model;

    public TopicStage(TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public string Name => "topic";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens;

    /// <inheritdoc/>
    public Layers Uses => Layers.None;

    /// <inheritdoc/>
    public Layers Adds => Layers.Topic;

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Topic = _model.Classify(document) };
    }
}
