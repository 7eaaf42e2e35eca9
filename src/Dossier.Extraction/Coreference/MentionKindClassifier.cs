using Dossier.Core.Labels;

namespace Dossier.Extraction.Coreference;

/// <summary>
/// The kind a mention is written out with (<see cref="MentionKinds"/>): a pronoun by its part of speech (a one-token
/// mention tagged PRON, or a pronoun mention when there is no syntax layer); a name when it came from the name
/// finder's <c>Names</c> layer (possibly trimmed, as when a title is cut off) or spans exactly one of its mentions
/// ("Indiana Republicans"); everything else ("the president", "French troops") a description. One per document.
/// </summary>
internal sealed class MentionKindClassifier
{
    private readonly DocumentView _view;
    private readonly HashSet<(int Start, int End)> _names;

    public MentionKindClassifier(DocumentView view)
    {
        _view = view;
        _names = [.. view.Document.Names.SelectMany(e => e.Mentions).Select(m => (m.Start, m.End))];
    }

    /// <summary>The kind of one working mention, read from its own tokens.</summary>
    public string Of(MentionInfo mention)
    {
        if (mention.Kind == MentionKind.Pronoun || IsPronounToken(mention)) return MentionKinds.Pronoun;
        return mention.Kind == MentionKind.Name || _names.Contains((mention.Start, mention.End)) ? MentionKinds.Name : MentionKinds.Description;
    }

    /// <summary>
    /// A mention of one token that the tagger calls a pronoun ("He" taken for a name at a sentence start); a token
    /// in capitals ("US", "IT") is read as an abbreviation, not a pronoun.
    /// </summary>
    private bool IsPronounToken(MentionInfo mention) =>
        mention.EndToken - mention.FirstToken == 1
        && mention.FirstToken >= 0 && mention.FirstToken < _view.Tokens.Length
        && _view.Tokens[mention.FirstToken].Upos == "PRON"
        && !mention.Text.All(c => !char.IsLetter(c) || char.IsUpper(c));
}
