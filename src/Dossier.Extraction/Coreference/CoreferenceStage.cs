using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// Turns the recognizer's one-entity-per-mention layer into one entity per actor in the document:
/// merges name variants ("Vladimir Putin", "Putin", "President Putin"), acronyms with their
/// expansions, definite descriptions ("the Ukrainian leader") and pronouns with their antecedents;
/// reads titles and offices ("former National Security Adviser John Bolton", "X, the foreign minister
/// of Y") into <see cref="Role"/>s; builds group actors ("Ukrainian officials"); and codes every actor
/// CAMEO-style (country + sector) from the text first and the <see cref="ActorKnowledgeBase"/> second.
/// Needs the tokens, syntax and entities layers. Immutable and thread-safe.
/// </summary>
public sealed class CoreferenceStage : IStage
{
    private readonly ActorKnowledgeBase _kb;

    public CoreferenceStage(ActorKnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        _kb = kb;
    }

    public string Name => "coref";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens | Layers.Names;

    /// <inheritdoc/>
    public Layers Uses => Layers.Syntax;

    /// <inheritdoc/>
    public Layers Adds => Layers.Entities;

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Names.IsDefaultOrEmpty || document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document;
        var run = new CoreferenceRun(new DocumentView(document with { Entities = document.Names }, _kb));
        return document with { Entities = run.Resolve() };
    }
}
