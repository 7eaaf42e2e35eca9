using Lingua;
using LinguaDetector = Lingua.LanguageDetector;
using LinguaLanguage = Lingua.Language;

namespace Dossier.Ingest.Languages;

/// <summary>
/// Detects the language of a document: clearly English prose by its function words
/// (<see cref="EnglishFunctionWords"/>), anything else with Lingua, from a fixed set of common news languages.
/// One detector is built on first use and shared by all threads. Returns the ISO 639-1 code in
/// lower case ("en", "fr"), or null when the text gives no answer.
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

    /// <summary>The ISO 639-1 code of the text's language, or null when undetermined.</summary>
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
            return "en";
        }

        var detector = Detector.Value;
        if (detector is null)
        {
            return null;
        }

        var language = LinguaLanguage.Unknown;
        if (sample.Length > QuickSampleLength)
        {
            var quick = detector.ComputeLanguageConfidenceValues(Sample(sample, QuickSampleLength)).MaxBy(pair => pair.Value);
            if (quick.Value >= QuickConfidence)
            {
                language = quick.Key;
            }
        }

        if (language == LinguaLanguage.Unknown)
        {
            language = detector.DetectLanguageOf(sample);
        }

        return language == LinguaLanguage.Unknown
            ? null
            : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();
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
