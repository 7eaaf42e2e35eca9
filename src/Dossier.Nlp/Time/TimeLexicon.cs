using System.Collections.Frozen;
using System.Globalization;
using Dossier.Core.Data;
using Dossier.Nlp.Values;

namespace Dossier.Nlp.Time;

/// <summary>
/// The word lists of the time stage, read once from <c>models/time/</c> (one TSV file per concept): month and
/// weekday names, time units, seasons, parts of day, frequency adverbs, time zones, the cues that tell a year from
/// an amount, and the tense cues read when a sentence has no syntax tags. Immutable and thread-safe.
/// </summary>
public sealed class TimeLexicon
{
    /// <summary>The sub-folder of <c>models</c> that holds the files.</summary>
    public const string FolderName = "time";

    private TimeLexicon(string directory)
    {
        string P(string file) => Path.Combine(directory, file);
        Months = ReadNumbers(P("months.tsv"));
        AmbiguousMonthAbbreviations = TsvFile.ReadWords(P("ambiguous-month-abbreviations.tsv"));
        Weekdays = ReadNumbers(P("weekdays.tsv"));
        WeekdayPlurals = ReadNumbers(P("weekday-plurals.tsv"));
        WeekdayAbbreviations = ReadNumbers(P("weekday-abbreviations.tsv"));
        Units = ReadUnits(P("time-units.tsv"));
        Seasons = TsvFile.ReadMap(P("seasons.tsv"));
        PartsOfDay = TsvFile.ReadMap(P("parts-of-day.tsv"));
        Sets = TsvFile.ReadMap(P("set-adverbs.tsv"));
        TimeZones = TsvFile.ReadWords(P("time-zones.tsv"));
        AmountCues = TsvFile.ReadWords(P("amount-cues.tsv"));
        CountNouns = TsvFile.ReadWords(P("count-nouns.tsv"));
        NotPluralAfterYear = TsvFile.ReadWords(P("not-plural-after-year.tsv"));
        NotAfterCurrent = TsvFile.ReadWords(P("not-after-current.tsv"));
        DecadeWords = ReadNumbers(P("decade-words.tsv"));
        SpelledYearTens = ReadNumbers(P("spelled-year-tens.tsv"));
        RateWords = TsvFile.ReadWords(P("rate-words.tsv"));
        IrregularPast = TsvFile.ReadWords(P("irregular-past-verbs.tsv"));
        NotPastEd = TsvFile.ReadWords(P("not-past-ed-words.tsv"));
        FutureBeforeTo = TsvFile.ReadWords(P("future-before-to.tsv"));
        NotInfinitive = TsvFile.ReadWords(P("not-infinitive-words.tsv"));
        Numbers = NumberWords.Load(directory);
    }

    /// <summary>Month names and abbreviations → month number 1–12.</summary>
    internal FrozenDictionary<string, int> Months { get; }

    /// <summary>Abbreviated month names that are also common words or names; they need a period or a day.</summary>
    internal FrozenSet<string> AmbiguousMonthAbbreviations { get; }

    /// <summary>Weekday names → ISO day number (Monday 1 … Sunday 7).</summary>
    internal FrozenDictionary<string, int> Weekdays { get; }

    /// <summary>"mondays" … → ISO day number (a SET).</summary>
    internal FrozenDictionary<string, int> WeekdayPlurals { get; }

    /// <summary>"mon.", "tues." … → ISO day number.</summary>
    internal FrozenDictionary<string, int> WeekdayAbbreviations { get; }

    /// <summary>Time units by word.</summary>
    internal FrozenDictionary<string, TimeUnit> Units { get; }

    /// <summary>Season names → TIMEX3 season code (SP, SU, FA, WI).</summary>
    internal FrozenDictionary<string, string> Seasons { get; }

    /// <summary>Parts of the day → TIMEX3 code (MO, AF, EV, NI).</summary>
    internal FrozenDictionary<string, string> PartsOfDay { get; }

    /// <summary>Frequency adverbs → SET value ("weekly" → P1W).</summary>
    internal FrozenDictionary<string, string> Sets { get; }

    /// <summary>Time-zone abbreviations after a clock time.</summary>
    internal FrozenSet<string> TimeZones { get; }

    /// <summary>Words before a number that make it an amount, not a year: "about 2000", "$ 2000".</summary>
    internal FrozenSet<string> AmountCues { get; }

    /// <summary>Nouns that after a 4-digit number make it a count: "2000 people".</summary>
    internal FrozenSet<string> CountNouns { get; }

    /// <summary>Words in -s that after a 4-digit number do not make it a count: "1994 was".</summary>
    internal FrozenSet<string> NotPluralAfterYear { get; }

    /// <summary>Words after "current" that make it no time expression: "current account".</summary>
    internal FrozenSet<string> NotAfterCurrent { get; }

    /// <summary>"twenties" … "nineties" → tens digit.</summary>
    internal FrozenDictionary<string, int> DecadeWords { get; }

    /// <summary>"twenty" … "ninety" → 20 … 90, after "nineteen" in a spelled-out year.</summary>
    internal FrozenDictionary<string, int> SpelledYearTens { get; }

    /// <summary>Words before "a day"/"a year" that make the article mean "per".</summary>
    internal FrozenSet<string> RateWords { get; }

    /// <summary>Irregular past-tense forms (tense cue without syntax tags).</summary>
    internal FrozenSet<string> IrregularPast { get; }

    /// <summary>Words in -ed that are not past-tense cues.</summary>
    internal FrozenSet<string> NotPastEd { get; }

    /// <summary>Verbs that mean future when "to" follows: "plans to", "is set to", "expects to".</summary>
    internal FrozenSet<string> FutureBeforeTo { get; }

    /// <summary>Words that after "to" are not a bare verb.</summary>
    internal FrozenSet<string> NotInfinitive { get; }

    /// <summary>Number words, scales and ordinals (<c>number-words.tsv</c>, <c>number-scales.tsv</c>, <c>ordinal-words.tsv</c>), shared with the value stage.</summary>
    public NumberWords Numbers { get; }

    /// <summary>Reads the lists from <paramref name="directory"/> (a <c>models/time</c> folder).</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static TimeLexicon Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new TimeLexicon(directory);
    }

    /// <summary>Reads the lists from the <c>models/time</c> folder found by <see cref="ModelDirectory"/>.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed (FILE:LINE).</exception>
    public static TimeLexicon LoadDefault() => Load(ModelDirectory.LocateFolder(FolderName, "months.tsv"));

    /// <summary>True for a past-tense verb form by its spelling (used when the sentence has no syntax tags).</summary>
    internal bool IsPastForm(string w) =>
        IrregularPast.Contains(w) ||
        w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !NotPastEd.Contains(w) && IsAsciiLower(w);

    private static bool IsAsciiLower(string w)
    {
        foreach (var c in w)
        {
            if (c is < 'a' or > 'z') return false;
        }

        return true;
    }

    private static FrozenDictionary<string, int> ReadNumbers(string path)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, 2))
        {
            if (!int.TryParse(row.Columns[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) throw row.Error($"\"{row.Columns[1]}\" is not a whole number");
            if (!map.TryAdd(row.Columns[0], n)) throw row.Error($"\"{row.Columns[0]}\" is listed twice");
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, TimeUnit> ReadUnits(string path)
    {
        var map = new Dictionary<string, TimeUnit>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(path, 4))
        {
            var c = row.Columns;
            if (c[1].Length != 1) throw row.Error($"\"{c[1]}\" is not a TIMEX3 unit letter");
            if (c[2] is not ("time" or "date")) throw row.Error($"\"{c[2]}\" should be time or date");
            if (!int.TryParse(c[3], NumberStyles.None, CultureInfo.InvariantCulture, out var factor) || factor < 1) throw row.Error($"\"{c[3]}\" is not a positive factor");
            if (!map.TryAdd(c[0], new TimeUnit(c[1][0], c[2] == "time", factor))) throw row.Error($"\"{c[0]}\" is listed twice");
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
