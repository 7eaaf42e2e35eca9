using Dossier.Core.Labels;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>A typed name found by the recognizer: tokens [Start, End) of one sentence, an OntoNotes type, and a country when known.</summary>
internal readonly record struct NerSpan(int Start, int End, string Type, string? Country);

/// <summary>
/// The English named-entity model: a greedy averaged-perceptron BILOU tagger over the CoNLL-2003
/// classes (trained by <see cref="NerTrainer"/>), the gazetteer it uses as features and for typing,
/// and the rules that map its four classes to OntoNotes types. Loaded once; immutable and thread-safe.
/// </summary>
public sealed partial class NerModel
{
    /// <summary>The folder, under the models directory, that holds the named-entity files.</summary>
    public const string DirectoryName = "ner";

    public const string TaggerFileName = "ner-en-tagger.bin.gz";

    public const string GazetteerFileName = Gazetteer.FileName;

    /// <summary>The word clusters <c>dossier train ner</c> reads (the tagger file carries its own copy).</summary>
    public const string ClustersFileName = WordClusters.FileName;

    /// <summary>Builds the word clusters from the unlabelled text under <paramref name="sharedDirectory"/> into <paramref name="outputPath"/>.</summary>
    public static void BuildClusters(string sharedDirectory, string outputPath, TextWriter log) => WordClusters.Build(sharedDirectory, outputPath, log);

    internal const string Kind = "ner-tagger";

    /// <summary>Bumped whenever the feature templates change: an old model would silently misbehave.</summary>
    internal const int FeatureSet = 5;

    internal NerModel(NerLinearModel linear, NameList names, Gazetteer gazetteer, WordClusters clusters)
    {
        Linear = linear;
        Names = names;
        Gazetteer = gazetteer;
        Clusters = clusters;
    }

    /// <summary>The word clusters the tagger was trained with (stored in the tagger file).</summary>
    internal WordClusters Clusters { get; }

    /// <summary>How a word is usually written inside a sentence (the clusters' case class: 0 unknown, 1 lower case … 4 capitalised).</summary>
    internal int UsualCase(string word) => Clusters.Get(Models.FeatureHash.LowerFolded(word)) >> 24;

    /// <summary>Names seen in the training data, used as features.</summary>
    internal NameList Names { get; }

    internal NerLinearModel Linear { get; }

    internal Gazetteer Gazetteer { get; }

    /// <summary>The files <see cref="Load"/> reads, relative to the models directory.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [Path.Combine(DirectoryName, TaggerFileName), Path.Combine(DirectoryName, GazetteerFileName)];

    /// <summary>
    /// Loads the model from <paramref name="directory"/>, the repository's <c>models/</c> folder (the
    /// files live in its <c>ner/</c> sub-folder; a folder that holds them directly works too).
    /// </summary>
    /// <exception cref="NerModelLoadException">A file is missing, corrupt or of another format; the message names it.</exception>
    public static NerModel Load(string directory) => Load(directory, null);

    /// <summary>
    /// Loads the model as <see cref="Load(string)"/> does, the gazetteer and the tagger through the cache in
    /// <paramref name="cacheDirectory"/> when given (<see cref="ModelCache"/>: <c>gazetteer-v1-….bin</c>,
    /// <c>names-v1-….bin</c>); the same model either way.
    /// </summary>
    /// <exception cref="NerModelLoadException">A file is missing, corrupt or of another format; the message names it.</exception>
    public static NerModel Load(string directory, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var folder = Path.Combine(directory, DirectoryName);
        if (!File.Exists(Path.Combine(folder, TaggerFileName)) && File.Exists(Path.Combine(directory, TaggerFileName))) folder = directory;
        var gazetteer = Gazetteer.Load(Path.Combine(folder, GazetteerFileName), cacheDirectory);
        var tagger = LoadTagger(Path.Combine(folder, TaggerFileName), cacheDirectory);
        return new NerModel(tagger.Linear, tagger.Names, gazetteer, tagger.Clusters);
    }

    /// <summary>Writes the tagger and the gazetteer into <paramref name="directory"/>/ner/ (created if needed). Same model, same bytes.</summary>
    public void Save(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var folder = Path.Combine(directory, DirectoryName);
        Directory.CreateDirectory(folder);
        NerFile.Write(Path.Combine(folder, TaggerFileName), Kind, writer =>
        {
            writer.Write(FeatureSet);
            writer.Write(string.Join(",", NerTags.Classes));
            Linear.Write(writer);
            Names.Write(writer);
            Clusters.Write(writer);
        });
        var gazetteerPath = Path.Combine(folder, GazetteerFileName);
        if (!File.Exists(gazetteerPath) || !File.ReadAllBytes(gazetteerPath).AsSpan().SequenceEqual(Gazetteer.Raw))
        {
            File.WriteAllBytes(gazetteerPath, Gazetteer.Raw);
        }
    }

    /// <summary>True when both models hold the same weights and gazetteer.</summary>
    public bool SameAs(NerModel other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Linear.SameAs(other.Linear) && Names.SameAs(other.Names) && Clusters.SameAs(other.Clusters) && Gazetteer.Raw.AsSpan().SequenceEqual(other.Gazetteer.Raw);
    }

    /// <summary>Number of hashed features and weights kept.</summary>
    public (int Features, int Weights) Size => (Linear.FeatureCount, Linear.WeightCount);

    /// <summary>The CoNLL classes (BILOU tags) of a document's sentences.</summary>
    internal int[][] Tag(NerDocument doc) => Tag(doc, null);

    /// <summary>The CoNLL classes (BILOU tags) of a document's sentences; with <paramref name="margins"/> (one array per
    /// sentence, one slot per word), how far each chosen tag's score lies above that of O.</summary>
    internal int[][] Tag(NerDocument doc, float[][]? margins)
    {
        var output = new int[doc.Words.Length][];
        for (var s = 0; s < output.Length; s++) output[s] = new int[doc.Words[s].Length];
        NerDecoder.Tag(doc, Linear, Linear.Bits, output, margins: margins);
        return output;
    }

    /// <summary>
    /// An organisation whose first word the tagger chose over O by less than this (raw perceptron score) and that neither
    /// the gazetteer nor the training names know is not reported. Chosen on Universal NER's EWT dev (web text, where most
    /// such spans are acronyms and capitalised common words: 41 of 307 ORG spans dropped, 4 of them right) and checked on
    /// CoNLL-2003 dev (27 of 1,271 dropped, 12 right: no change in F1). The scale is the shipped tagger's: choose it again
    /// after retraining (see models/ner/MODELS.md).
    /// </summary>
    internal const float MinOrganisationMargin = 40f;

    private static readonly int OrgClass = NerTags.ClassIndex("ORG");

    /// <summary>A word that can be a surname: capitalised and made of letters (an initial or a full stop is not: "J." or ".").</summary>
    internal static bool IsSurname(string word) => word.Length >= 2 && EntityTyper.Capitalised(word) && char.IsLetter(word[^1]);

    /// <summary>
    /// True when every word of <paramref name="span"/> that holds a letter is one the unlabelled text almost always writes
    /// in lower case, one is capitalised, the span opens its sentence or stands in a line that capitalises at least 60% of
    /// its words (a title), and no list vouches for it (the gazetteer or the training names, except for a
    /// sentence's first word before a lower-case word).
    /// </summary>
    private bool CommonWords(NerDocument doc, IReadOnlyList<string> words, int s, NerSpan span)
    {
        var letters = false;
        var capitalised = false;
        var listed = false;
        for (var i = span.Start; i < span.End; i++)
        {
            var w = words[i];
            if (!w.Any(char.IsLetter)) continue;
            if (UsualCase(w) != 1) return false;
            letters = true;
            capitalised |= char.IsUpper(w[0]);
            listed |= doc.Words[s][i].ListPart >= 0;
        }

        if (!letters || !capitalised) return false;

        // Inside an ordinary sentence a capitalised common word is evidence of a name ("ordered more Javelin missiles"); at a
        // sentence's start or in a line that capitalises most of its words (a title) it is none.
        var before = false;
        for (var i = 0; i < span.Start && !before; i++) before = words[i].Any(char.IsLetter);
        if (before)
        {
            int wordsWithLetters = 0, capitalisedWords = 0;
            foreach (var w in words)
            {
                if (!w.Any(char.IsLetter)) continue;
                wordsWithLetters++;
                if (char.IsUpper(w[0])) capitalisedWords++;
            }

            if (capitalisedWords * 5 < wordsWithLetters * 3) return false;
        }

        listed |= Gazetteer.Lookup(EntityTyper.Join(words, span.Start, span.End)) is not null;
        var opening = span.Start == 0 && span.End < words.Count && EntityTyper.IsPlainLower(words[span.End]);
        return !listed || opening;
    }

    /// <summary>A word that marks the name holding it as an organisation's: a suffix ("Inc", "Group"), an organisation's head
    /// ("Party", "Council") or word, or a place the gazetteer knows (a club or branch named after its town).</summary>
    private bool OrganisationEvidence(NerLexicon lexicon, string word) =>
        lexicon.OrgSuffixes.Contains(word) || lexicon.OrgHeads.Contains(word) || lexicon.OrgWords.Contains(word)
        || (EntityTyper.Capitalised(word) && Gazetteer.Lookup(word) is { } entry && (entry.Kinds & GazKind.AnyPlace) != 0);

    /// <summary>
    /// True for an organisation the tagger itself opened (B-ORG or U-ORG at its first word, <paramref name="tag"/>) by a margin
    /// over O below <see cref="MinOrganisationMargin"/>, that no list knows: neither the gazetteer nor the training names
    /// match any of its words.
    /// </summary>
    internal static bool WeakOrganisation(NerSpan span, int tag, float margin, NerWord[] words) =>
        span.Type == EntityTypes.Organization && NerTags.Type(tag) == OrgClass && NerTags.Part(tag) is 0 or 3 && margin < MinOrganisationMargin && Unlisted(words, span);

    /// <summary>True when <paramref name="span"/> stands alone in brackets right after an organisation's name.</summary>
    private static bool BracketedAlias(IReadOnlyList<string> words, NerSpan[] spans, NerSpan span) =>
        span.Start >= 2 && span.End < words.Count && words[span.Start - 1] == "(" && words[span.End] == ")"
        && spans.Any(o => o.End == span.Start - 1 && o.Type == EntityTypes.Organization);

    /// <summary>True when neither the gazetteer nor the training names match any word of <paramref name="span"/>.</summary>
    private static bool Unlisted(NerWord[] words, NerSpan span)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            if (words[i].ListPart >= 0 || words[i].GazKinds != 0) return false;
        }

        return true;
    }

    /// <summary>
    /// Document consistency: a name that follows an event opener elsewhere in the document ("Hurricane Odile … Odile
    /// weakened") is that event, whatever its type.
    /// </summary>
    internal static void NameEventsByShortName(IReadOnlyList<IReadOnlyList<string>> sentences, List<NerSpan>[] result, NerLexicon lexicon)
    {
        HashSet<string>? events = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in result[s])
            {
                if (span.Type == EntityTypes.Event && span.End - span.Start >= 2 && lexicon.EventOpeners.Contains(sentences[s][span.Start]))
                {
                    (events ??= new(StringComparer.Ordinal)).Add(EntityTyper.Join(sentences[s], span.Start + 1, span.End));
                }
            }
        }

        for (var s = 0; events is not null && s < sentences.Count; s++)
        {
            var spans = result[s];
            for (var k = 0; k < spans.Count; k++)
            {
                if (spans[k].Type is EntityTypes.Person or EntityTypes.Organization or EntityTypes.Location or EntityTypes.Gpe
                    && events.Contains(EntityTyper.Join(sentences[s], spans[k].Start, spans[k].End)))
                {
                    spans[k] = spans[k] with { Type = EntityTypes.Event, Country = null };
                }
            }
        }
    }

    /// <summary>
    /// Document consistency: a person whose words open the name of an organisation elsewhere in the document, where the words
    /// after them mark an organisation (a suffix or head such as "Inc", "Group", "Party", or a place: "Varnholt Avionics Inc
    /// … Varnholt said", "Dynamo Ostrovets … Dynamo"), is that organisation's short name, unless it is one word and the
    /// surname of a person named in the document (<paramref name="surnames"/>).
    /// </summary>
    internal void NameOrganisationsByShortName(IReadOnlyList<IReadOnlyList<string>> sentences, List<NerSpan>[] result, NerLexicon lexicon, HashSet<string>? surnames)
    {
        List<string[]>? marked = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in result[s])
            {
                if (span.Type != EntityTypes.Organization || span.End - span.Start < 2) continue;
                var words = sentences[s].Skip(span.Start).Take(span.End - span.Start).ToArray();
                if (Enumerable.Range(1, words.Length - 1).Any(i => OrganisationEvidence(lexicon, words[i]))) (marked ??= []).Add(words);
            }
        }

        for (var s = 0; marked is not null && s < sentences.Count; s++)
        {
            var spans = result[s];
            var words = sentences[s];
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                var length = span.End - span.Start;
                if (span.Type != EntityTypes.Person || (length == 1 && surnames is not null && surnames.Contains(words[span.Start]))) continue;
                var opens = marked.Any(o => o.Length > length && Enumerable.Range(0, length).All(i => o[i] == words[span.Start + i])
                    && Enumerable.Range(length, o.Length - length).Any(i => OrganisationEvidence(lexicon, o[i])));
                if (opens) spans[k] = span with { Type = EntityTypes.Organization, Country = null };
            }
        }
    }

    /// <summary>Finds the names in a document given as sentences of words, typed by <paramref name="typer"/>.</summary>
    internal List<NerSpan>[] Recognize(IReadOnlyList<IReadOnlyList<string>> sentences, EntityTyper typer)
    {
        var doc = new NerDocument(sentences, Gazetteer, Names, Clusters);
        var margins = new float[sentences.Count][];
        for (var s = 0; s < margins.Length; s++) margins[s] = new float[sentences[s].Count];
        var tags = Tag(doc, margins);
        var result = new List<NerSpan>[sentences.Count];
        HashSet<string>? surnames = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            var spans = typer.Type(words, NerTags.ToSpans(tags[s]), doc.AllCaps[s], Gazetteer, UsualCase);

            // A lone person name opening the sentence that is a sentence adverb: a word in -ly the unlabelled text does not know,
            // set off by a comma, no name of the training data and nowhere else in the document ("Honestly, …"). Without the
            // -ly, greetings in e-mail lost their names ("Ginny, please see …"); dropping usually-lower-case words there
            // changed nothing on dev.
            if (spans.Count > 0 && spans[0] is { Start: 0, End: 1, Type: EntityTypes.Person } opening && !doc.AllCaps[s] && words.Count > 1 && words[1] == ","
                && words[0].EndsWith("ly", StringComparison.Ordinal) && UsualCase(words[0]) == 0 && doc.Words[s][0].ListPart < 0
                && doc.Words.Sum(ws => ws.Count(w => w.Lower == doc.Words[s][0].Lower)) == 1)
            {
                spans.Remove(opening);
            }

            // An organisation the tagger hardly preferred to no name at all, that no list knows: on web text mostly acronyms and
            // capitalised common words ("the QRT form", "Fine Value"), while the organisations of news text the tagger
            // is sure of or the lists know.
            // Not an alias in brackets right after an organisation's name ("the Ministry of Mines (MoM)"): the bracket says what it is.
            var typed = spans.ToArray();
            spans.RemoveAll(sp => WeakOrganisation(sp, tags[s][sp.Start], margins[s][sp.Start], doc.Words[s]) && !BracketedAlias(words, typed, sp));

            // A name all of whose words text almost always writes in lower case ("Great Meal", "Encryption", "Nice people")
            // was capitalised for another reason (a sentence opening, a line in title case): no name, unless the gazetteer
            // or the training names know it and it is not a sentence's first word before a lower-case word.
            if (!doc.AllCaps[s]) spans.RemoveAll(sp => CommonWords(doc, words, s, sp));

            // A one-word person right after an article or determiner that heads its noun phrase (no lower-case word after it:
            // "the Holocaust .", "a Lexus ,") is no person: people are named without an article, while "the Clinton
            // administration" (a modifier) keeps its person. Without evidence of another type it is not reported.
            if (!doc.AllCaps[s])
            {
                spans.RemoveAll(sp => sp.Type == EntityTypes.Person && sp.End - sp.Start == 1 && sp.Start > 0 && typer.Lexicon.Determiners.Contains(words[sp.Start - 1])
                    && (sp.End == words.Count || !EntityTyper.IsPlainLower(words[sp.End])));
            }
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                if (span.Type == EntityTypes.Person && span.End - span.Start >= 2 && IsSurname(words[span.End - 1])) (surnames ??= new(StringComparer.Ordinal)).Add(words[span.End - 1]);

                // The surname of a person named earlier in the document, alone, is that person ("John Bolton … Bolton said").
                else if (surnames is not null && span.End - span.Start == 1 && span.Type is EntityTypes.Organization or EntityTypes.Location && surnames.Contains(words[span.Start]) && !doc.AllCaps[s])
                {
                    spans[k] = span with { Type = EntityTypes.Person, Country = null };
                }
            }

            // Document consistency: a capitalised word the tagger left out that is the surname of a person named earlier is that person.
            if (surnames is not null && !doc.AllCaps[s])
            {
                for (var i = 0; i < words.Count; i++)
                {
                    if (!surnames.Contains(words[i]) || spans.Any(sp => sp.Start <= i && sp.End > i)) continue;
                    if ((i > 0 && EntityTyper.Capitalised(words[i - 1])) || (i + 1 < words.Count && EntityTyper.Capitalised(words[i + 1]))) continue;
                    spans.Add(new NerSpan(i, i + 1, EntityTypes.Person, null));
                }

                spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            }

            result[s] = spans;
        }

        NameEventsByShortName(sentences, result, typer.Lexicon);
        NameOrganisationsByShortName(sentences, result, typer.Lexicon, surnames);

        // Document consistency: a person whose name, with the title word cut off before it, opens an organisation's name
        // elsewhere in the document is that organisation ("Admiral Foods Corporation … Admiral Foods said").
        List<string>? organisations = null;
        for (var s = 0; s < sentences.Count; s++)
        {
            foreach (var span in result[s])
            {
                if (span.Type == EntityTypes.Organization && span.End - span.Start >= 2) (organisations ??= []).Add(EntityTyper.Join(sentences[s], span.Start, span.End));
            }
        }

        if (organisations is null) return result;
        for (var s = 0; s < sentences.Count; s++)
        {
            var spans = result[s];
            for (var k = 0; k < spans.Count; k++)
            {
                var span = spans[k];
                if (span.Type != EntityTypes.Person || span.Start == 0 || !EntityTyper.Capitalised(sentences[s][span.Start - 1])) continue;
                if (k > 0 && spans[k - 1].End > span.Start - 1) continue;
                var longer = EntityTyper.Join(sentences[s], span.Start - 1, span.End);
                if (organisations.Any(o => o == longer || o.StartsWith(longer + " ", StringComparison.Ordinal))) spans[k] = new NerSpan(span.Start - 1, span.End, EntityTypes.Organization, null);
            }
        }

        return result;
    }
}
