namespace Dossier.Nlp.Syntax;

/// <summary>One analysed word: tags, lemma, and its head as a 0-based index into the same sentence (-1 for the root).</summary>
public sealed record SyntaxWord(string Form, string Upos, string Xpos, string Lemma, int Head, string Relation);

/// <summary>
/// The English syntax models — part-of-speech tagger (UPOS and PTB XPOS), lemmatizer and dependency
/// parser (UD basic relations) — trained by <see cref="SyntaxTrainer"/> on UD English EWT (+ GUM).
/// Loaded once; immutable and safe to use from several threads.
/// </summary>
public sealed class SyntaxModel
{
    public const string TaggerFileName = "syntax-en-tagger.bin.gz";
    public const string LemmatizerFileName = "syntax-en-lemmatizer.bin.gz";
    public const string ParserFileName = "syntax-en-parser.bin.gz";

    /// <summary>The files <see cref="Load"/> reads from a models directory.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [TaggerFileName, LemmatizerFileName, ParserFileName];

    internal SyntaxModel(PosTagger tagger, Lemmatizer lemmatizer, DependencyParser parser)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
    }

    internal PosTagger Tagger { get; }

    internal Lemmatizer Lemmatizer { get; }

    internal DependencyParser Parser { get; }

    /// <summary>The joint <c>UPOS|XPOS</c> tags the tagger predicts.</summary>
    public IReadOnlyList<string> Tags => Tagger.Tags;

    /// <summary>The dependency relations the parser predicts.</summary>
    public IReadOnlyList<string> Relations => Parser.Labels;

    /// <summary>
    /// The <c>models</c> folder: <c>AppContext.BaseDirectory/models</c> when it holds the syntax models,
    /// else the <c>models</c> folder beside <c>Dossier.slnx</c> found walking up from the base directory;
    /// <c>AppContext.BaseDirectory/models</c> when neither exists.
    /// </summary>
    public static string DefaultDirectory => Core.Data.ModelDirectory.Locate(TaggerFileName);

    /// <summary>
    /// Loads the models from <see cref="DefaultDirectory"/>, the tagger's and parser's in-memory layout from the user's
    /// cache folder when it holds one for these files (built there on the first run; see <see cref="Load(string, string?)"/>).
    /// </summary>
    public static SyntaxModel Load() => Load(DefaultDirectory, SyntaxModelCache.DefaultDirectory);

    /// <summary>
    /// Loads the three model files from <paramref name="directory"/>, the tagger's and parser's in-memory layout read from
    /// <paramref name="cacheDirectory"/> when a file there was built from these same model files (same SHA-256, same
    /// layout version), else built from the model files and written there for the next start. A missing, stale or corrupt
    /// cache file is rebuilt; a folder that cannot be written is no error (the layout is then built in memory each time).
    /// A null <paramref name="cacheDirectory"/> is <see cref="Load(string)"/>. The model is the same either way.
    /// </summary>
    /// <exception cref="ModelLoadException">A file is missing, corrupt or of another format version; the message names it.</exception>
    public static SyntaxModel Load(string directory, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return cacheDirectory is null ? Load(directory) : SyntaxModelCache.Load(directory, cacheDirectory);
    }

    /// <summary>Loads the three model files from <paramref name="directory"/>.</summary>
    /// <exception cref="ModelLoadException">A file is missing, corrupt or of another format version; the message names it.</exception>
    public static SyntaxModel Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        // The parser (the largest file) loads on another core meanwhile; GetResult rethrows its exception as thrown.
        var parser = Task.Run(() => ModelFile.Read(Path.Combine(directory, ParserFileName), DependencyParser.Kind, DependencyParser.Read));
        var tagger = ModelFile.Read(Path.Combine(directory, TaggerFileName), PosTagger.Kind, PosTagger.Read);
        var lemmatizer = ModelFile.Read(Path.Combine(directory, LemmatizerFileName), Lemmatizer.Kind, Lemmatizer.Read);
        return new SyntaxModel(tagger, lemmatizer, parser.GetAwaiter().GetResult());
    }

    /// <summary>Writes the three model files into <paramref name="directory"/> (created if needed). Same model, same bytes.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        ModelFile.Write(Path.Combine(directory, TaggerFileName), PosTagger.Kind, Tagger.Write);
        ModelFile.Write(Path.Combine(directory, LemmatizerFileName), Lemmatizer.Kind, Lemmatizer.Write);
        ModelFile.Write(Path.Combine(directory, ParserFileName), DependencyParser.Kind, Parser.Write);
    }

    /// <summary>Tags, lemmatizes and parses one sentence given as its words.</summary>
    public IReadOnlyList<SyntaxWord> Analyze(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var n = words.Count;
        if (n == 0) return [];
        var infos = new WordInfo[n];
        for (var i = 0; i < n; i++) infos[i] = WordInfo.Compute(words[i]);
        var tags = new int[n];
        var heads = new int[n];
        var labels = new int[n];
        Analyze(infos, tags, heads, labels);
        var result = new SyntaxWord[n];
        for (var i = 0; i < n; i++)
        {
            var xpos = Tagger.Xpos[tags[i]];
            result[i] = new SyntaxWord(words[i], Tagger.Upos[tags[i]], xpos, Lemmatizer.Lemmatize(words[i], xpos), heads[i], Parser.Labels[labels[i]]);
        }

        return result;
    }

    /// <summary>Tags then parses; heads are 0-based (-1 root), labels index <see cref="Relations"/>.</summary>
    internal void Analyze(ReadOnlySpan<WordInfo> words, Span<int> tags, Span<int> heads, Span<int> labels)
    {
        Tagger.Tag(words, tags);
        Parser.Parse(words, tags, heads, labels);
    }

    private static bool Same(PosTagger? a, PosTagger? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Tags.AsSpan().SequenceEqual(b.Tags) && a.Model.SameAs(b.Model) && a.Lexicon.SameAs(b.Lexicon) && Same(a.First, b.First);

    /// <summary>True when both models hold the same tags, rules, features and weights.</summary>
    public bool SameAs(SyntaxModel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Same(Tagger, other.Tagger)
            && Lemmatizer.SameAs(other.Lemmatizer)
            && Parser.Labels.AsSpan().SequenceEqual(other.Parser.Labels) && Parser.Model.SameAs(other.Parser.Model);
    }
}
