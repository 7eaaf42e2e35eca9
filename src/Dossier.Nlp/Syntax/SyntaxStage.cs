using System.Collections.Immutable;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Syntax;

/// <summary>
/// Fills the syntax layer of every token: UPOS, XPOS, lemma, head (a document-level token index,
/// -1 for the root of its sentence) and UD relation. Every sentence becomes one well-formed tree.
/// </summary>
public sealed class SyntaxStage : IStage
{
    private readonly SyntaxModel _model;

    public SyntaxStage(SyntaxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public string Name => "syntax";

    /// <inheritdoc/>
    public Layers Needs => Layers.Tokens;

    /// <inheritdoc/>
    public Layers Uses => Layers.None;

    /// <inheritdoc/>
    public Layers Adds => Layers.Syntax;

    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty || document.Sentences.IsDefaultOrEmpty) return document;
        var tokens = document.Tokens.ToArray();
        var text = document.Text.AsSpan();
        var tagger = _model.Tagger;
        var parser = _model.Parser;
        foreach (var sentence in document.Sentences)
        {
            var first = sentence.FirstToken;
            var n = sentence.TokenCount;
            if (n <= 0 || first < 0 || first + n > tokens.Length) continue;
            var infos = new WordInfo[n];
            var forms = new string[n];
            for (var i = 0; i < n; i++)
            {
                var t = tokens[first + i];
                forms[i] = document.TextOf(t);
                infos[i] = WordInfo.Compute(text[t.Start..t.End]);
            }

            var tags = new int[n];
            var heads = new int[n];
            var labels = new int[n];
            _model.Analyze(infos, tags, heads, labels);
            for (var i = 0; i < n; i++)
            {
                var xpos = tagger.Xpos[tags[i]];
                tokens[first + i] = tokens[first + i] with
                {
                    Upos = tagger.Upos[tags[i]],
                    Xpos = xpos,
                    Lemma = _model.Lemmatizer.Lemmatize(forms[i], xpos),
                    Head = heads[i] < 0 ? -1 : first + heads[i],
                    Relation = parser.Labels[labels[i]],
                };
            }
        }

        return document with { Tokens = ImmutableArray.Create(tokens) };
    }
}
