using Lingua;
using LinguaDetector = Lingua.LanguageDetector;
using LinguaLanguage = Lingua.Language;

namespace Dossier.Ingest.Languages;

/// <summary>
/// Detects the language of a document, English unless it is confidently another: clearly English prose by its
/// function words (<see cref="EnglishFunctionWords"/>); a text of <see cref="MinimumEnglishWords"/> or more English
/// words that are most of its words other than names (<see cref="EnglishLexicon"/>) is English; a text with fewer
/// than <see cref="MinimumForeignLetters"/> letters in words that are neither English nor names is English; anything
/// else is another language only when Lingua, from a fixed set of common news languages, gives it a confidence at
/// least <see cref="Margin"/> above English's. One detector is built on first use and shared by all threads. Returns the
/// ISO 639-1 code in lower case ("en", "fr"), or null when the text has no letters or is in a script none of the
/// languages is written in.
/// </summary>
internal static class LanguageDetector
{
    /// <summary>Only the start of a document is examined.</summary>
    public const int SampleLength = 2000;

    /// <summary>
    /// A first, quick look: Lingua's cost grows with the text, and on news prose a few hundred
    /// characters are decisive; only when they are not is the full sample examined.
    /// </summary>
    public const int QuickSampleLength = 300;

    /// <summary>The confidence the quick look must reach to be taken.</summary>
    public const double QuickConfidence = 0.95;

    /// <summary>The fewest English words that make a text English on the lexicon's word alone.</summary>
    public const int MinimumEnglishWords = 3;

    /// <summary>
    /// The share of a text's words that must be English words for the lexicon to decide (short English texts of
    /// UD EWT dev are at 0.8–1; French, German, Spanish, Dutch or Danish sentences at 0.1–0.5, their articles and
    /// prepositions that English also writes, "a", "die", "in", included).
    /// </summary>
    public const double EnglishShare = 0.75;

    /// <summary>
    /// The fewest letters in words that are neither English words nor names for a text to be called another language:
    /// about two words; one unknown word ("yuck", a misspelling) is no evidence.
    /// </summary>
    public const int MinimumForeignLetters = 12;

    /// <summary>How far another language's confidence must lead English's for the text to be that language.</summary>
    public const double Margin = 0.5;

    /// <summary>
    /// The languages told apart: the most common in news. Each Latin-script language adds to the
    /// time of every detection (Lingua's rules already rule out the other scripts cheaply), so the
    /// Latin-script set is kept to the main news languages of Europe.
    /// </summary>
    internal static readonly LinguaLanguage[] Languages =
    [
        // Latin script
        LinguaLanguage.English, LinguaLanguage.French, LinguaLanguage.German, LinguaLanguage.Spanish,
        LinguaLanguage.Italian, LinguaLanguage.Portuguese, LinguaLanguage.Dutch, LinguaLanguage.Polish,
        LinguaLanguage.Turkish, LinguaLanguage.Swedish, LinguaLanguage.Danish, LinguaLanguage.Bokmal,
        LinguaLanguage.Czech, LinguaLanguage.Romanian,

        // Other scripts
        LinguaLanguage.Russian, LinguaLanguage.Ukrainian, LinguaLanguage.Greek, LinguaLanguage.Arabic,
        LinguaLanguage.Persian, LinguaLanguage.Hebrew, LinguaLanguage.Hindi, LinguaLanguage.Chinese,
        LinguaLanguage.Japanese, LinguaLanguage.Korean,
    ];

    private static readonly Lazy<LinguaDetector?> Detector = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ISO 639-1 code of the text's language: <c>en</c> unless it is confidently another; null when it has no letters.</summary>
    /// <exception cref="Core.Errors.ModelFileException">The English lexicon is missing or malformed.</exception>
    public static string? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sample = Sample(text, SampleLength);
        if (!sample.Any(char.IsLetter))
        {
            return null;
        }

        if (EnglishFunctionWords.IsClearlyEnglish(sample))
        {
            return English;
        }

        // Names are written alike in every language: the share counts the other words.
        var evidence = EnglishLexicon.Default.Count(sample);
        if (evidence.English >= MinimumEnglishWords && evidence.English >= EnglishShare * (evidence.Words - evidence.Names))
        {
            return English;
        }

        // Too little that is not English or a name ("Larry Lewis", "Cheers!", a web address) to call it anything else.
        if (evidence.ForeignLetters < MinimumForeignLetters)
        {
            return English;
        }

        sample = EnglishLexicon.WithoutWebTokens(sample);

        var detector = Detector.Value;
        if (detector is null)
        {
            return MostlyLatin(sample) ? English : null;
        }

        IReadOnlyDictionary<LinguaLanguage, double>? confidences = null;
        if (sample.Length > QuickSampleLength)
        {
            var quick = detector.ComputeLanguageConfidenceValues(Sample(sample, QuickSampleLength));
            if (quick.Values.DefaultIfEmpty(0).Max() >= QuickConfidence)
            {
                confidences = quick;
            }
        }

        confidences ??= detector.ComputeLanguageConfidenceValues(sample);
        var englishConfidence = confidences.GetValueOrDefault(LinguaLanguage.English);
        var (other, confidence) = confidences.Where(p => p.Key != LinguaLanguage.English)
            .Select(p => (p.Key, p.Value))
            .DefaultIfEmpty((LinguaLanguage.Unknown, 0))
            .MaxBy(p => p.Item2);
        if (other != LinguaLanguage.Unknown && confidence - englishConfidence >= Margin)
        {
            return LanguageInfo.IsoCode6391(other).ToString().ToLowerInvariant();
        }

        // No language of the set writes it (Thai, Armenian): not English either.
        return englishConfidence == 0 && confidence == 0 && !MostlyLatin(sample) ? null : English;
    }

    private const string English = "en";

    /// <summary>True when at least half the letters are Latin (Basic Latin or Latin-1 to Latin Extended).</summary>
    private static bool MostlyLatin(string sample)
    {
        int letters = 0, latin = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            latin += c < 0x0250 ? 1 : 0;
        }

        return latin * 2 >= letters;
    }

    /// <summary>The first <paramref name="length"/> characters or so, cut at a white space so no word is split.</summary>
    internal static string Sample(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOfAny([' ', '\n', '\t'], length);
        return text[..(cut > length / 2 ? cut : length)];
    }

    /// <summary>
    /// Low-accuracy mode loads only the trigram models: building takes about 0.5 s instead of about
    /// 9 s for all n-gram sizes of these languages, and on text of 120 characters or more (news
    /// paragraphs) Lingua uses only trigrams anyway. The models are preloaded so that no detection
    /// waits on a lazy load. Without the models (not copied beside the program) there is no
    /// detector and every language is null rather than an error.
    /// </summary>
    private static LinguaDetector? Build()
    {
        var directory = FindModels();
        if (directory is null)
        {
            return null;
        }

        try
        {
            return LanguageDetectorBuilder
                .FromLanguages(Languages)
                .WithLanguageModelsDirectory(directory)
                .WithLowAccuracyMode()
                .WithPreloadedLanguageModels()
                .Build();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Lingua's models are copied beside the program under Lingua/LanguageModels.</summary>
    private static string? FindModels()
    {
        string?[] roots = [AppContext.BaseDirectory, Path.GetDirectoryName(typeof(LinguaDetector).Assembly.Location)];
        foreach (var root in roots)
        {
            if (string.IsNullOrEmpty(root))
            {
                continue;
            }

            var candidate = Path.Combine(root, "Lingua", "LanguageModels");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
