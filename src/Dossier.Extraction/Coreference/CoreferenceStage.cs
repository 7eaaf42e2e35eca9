using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Extraction.Actors;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// Turns the recognizer's one-entity-per-mention layer into one entity per actor in the document:
/// merges name variants ("Vladimir Putin", "Putin", "President Putin"), acronyms with their
/// expansions, definite descriptions ("the Ukrainian leader") and pronouns with their antecedents;
/// reads titles and offices ("former National Security Adviser John Bolton", "X, the foreign minister
/// of Y") into <see cref="Role"/>s; builds group actors ("Ukrainian officials"); and has every actor coded
/// CAMEO-style (country + sector) by <see cref="ActorCoder"/>, from the text first and the <see cref="ActorKnowledgeBase"/> second.
/// Needs the tokens, syntax and entities layers. Immutable and thread-safe.
/// </summary>
public sealed class CoreferenceStage : IStage
{
    private readonly ActorKnowledgeBase _kb;
    private readonly CorefLexicon _lexicon;
    private readonly ActorCoder _coder;
    private readonly MentionRanker? _ranker;

    /// <summary>
    /// A stage that reads with <paramref name="lexicon"/> (default <see cref="CorefLexicon.Default"/>), links the phrases the
    /// sieves leave with <paramref name="ranker"/> (default <see cref="MentionRanker.Default"/>) and codes actors with <paramref name="kb"/>.
    /// </summary>
    /// <param name="sievesOnly">Without the ranking model: names, titles, groups, he/she/it/they and quoted speakers only.</param>
    /// <exception cref="Dossier.Core.Data.DataFileException">The default lexicon's files are missing or malformed.</exception>
    /// <exception cref="CorefModelLoadException">The default ranking model is missing or corrupt.</exception>
    public CoreferenceStage(ActorKnowledgeBase kb, CorefLexicon? lexicon = null, MentionRanker? ranker = null, bool sievesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(kb);
        _kb = kb;
        _lexicon = lexicon ?? CorefLexicon.Default;
        _coder = new ActorCoder(kb);
        _ranker = sievesOnly ? null : ranker ?? MentionRanker.Default;
    }

    /// <summary>
    /// Also put actors that no name or title names ("the cat … it") into the entities layer. Off in the product (the
    /// JSON reports named actors); on for <see cref="CorefEvaluator"/>, which scores every chain.
    /// </summary>
    public bool KeepUnnamedChains { get; init; }

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
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document;

        // A document that names no one has no actor to report; with unnamed chains kept (the evaluator) its descriptions and
        // pronouns still form chains ("the study … it").
        if (document.Names.IsDefaultOrEmpty && !KeepUnnamedChains) return document;
        if (document.Names.IsDefault) document = document with { Names = [] };
        var run = new CoreferenceRun(new DocumentView(document, _kb), _lexicon, _coder, _ranker, KeepUnnamedChains);
        return document with { Entities = run.Resolve() };
    }
}
