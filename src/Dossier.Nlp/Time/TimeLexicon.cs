namespace Dossier.Nlp.Time;

/// <summary>Word lists for time expressions: months, weekdays, units, seasons, parts of day, tense cues.</summary>
internal static class TimeLexicon
{
    public static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["october"] = 10,
        ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>Abbreviated month names that are also common words or names; they need a period or a day.</summary>
    public static readonly HashSet<string> AmbiguousMonthAbbreviations = new(StringComparer.Ordinal) { "mar", "jun", "jul", "sep", "dec", "jan", "apr", "aug", "nov", "oct", "feb", "sept" };

    /// <summary>ISO day numbers (Monday 1 … Sunday 7).</summary>
    public static readonly Dictionary<string, int> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = 1, ["tuesday"] = 2, ["wednesday"] = 3, ["thursday"] = 4, ["friday"] = 5, ["saturday"] = 6, ["sunday"] = 7,
    };

    public static readonly Dictionary<string, int> WeekdayPlurals = new(StringComparer.Ordinal)
    {
        ["mondays"] = 1, ["tuesdays"] = 2, ["wednesdays"] = 3, ["thursdays"] = 4, ["fridays"] = 5, ["saturdays"] = 6, ["sundays"] = 7,
    };

    public static readonly Dictionary<string, int> WeekdayAbbreviations = new(StringComparer.Ordinal)
    {
        ["mon."] = 1, ["tue."] = 2, ["tues."] = 2, ["wed."] = 3, ["thu."] = 4, ["thur."] = 4, ["thurs."] = 4, ["fri."] = 5, ["sat."] = 6, ["sun."] = 7,
    };

    /// <summary>Time units: TIMEX3 letter, whether it belongs after T, and how many of the letter one unit is.</summary>
    public static readonly Dictionary<string, (char Letter, bool IsTime, int Factor)> Units = new(StringComparer.Ordinal)
    {
        ["second"] = ('S', true, 1), ["seconds"] = ('S', true, 1), ["minute"] = ('M', true, 1), ["minutes"] = ('M', true, 1),
        ["min"] = ('M', true, 1), ["mins"] = ('M', true, 1), ["hour"] = ('H', true, 1), ["hours"] = ('H', true, 1),
        ["hr"] = ('H', true, 1), ["hrs"] = ('H', true, 1), ["day"] = ('D', false, 1), ["days"] = ('D', false, 1),
        ["week"] = ('W', false, 1), ["weeks"] = ('W', false, 1), ["fortnight"] = ('W', false, 2), ["fortnights"] = ('W', false, 2),
        ["month"] = ('M', false, 1), ["months"] = ('M', false, 1), ["quarter"] = ('Q', false, 1), ["quarters"] = ('Q', false, 1),
        ["year"] = ('Y', false, 1), ["years"] = ('Y', false, 1), ["yr"] = ('Y', false, 1), ["yrs"] = ('Y', false, 1),
        ["decade"] = ('Y', false, 10), ["decades"] = ('Y', false, 10), ["century"] = ('Y', false, 100), ["centuries"] = ('Y', false, 100),
        ["weekend"] = ('W', false, 1), ["weekends"] = ('W', false, 1),
    };

    public static readonly Dictionary<string, string> Seasons = new(StringComparer.Ordinal)
    {
        ["spring"] = "SP", ["summer"] = "SU", ["fall"] = "FA", ["autumn"] = "FA", ["winter"] = "WI",
    };

    public static readonly Dictionary<string, string> PartsOfDay = new(StringComparer.Ordinal)
    {
        ["morning"] = "MO", ["afternoon"] = "AF", ["evening"] = "EV", ["night"] = "NI", ["overnight"] = "NI",
    };

    public static readonly Dictionary<string, string> Sets = new(StringComparer.Ordinal)
    {
        ["daily"] = "P1D", ["weekly"] = "P1W", ["monthly"] = "P1M", ["annually"] = "P1Y", ["yearly"] = "P1Y",
        ["hourly"] = "PT1H", ["nightly"] = "P1D", ["biweekly"] = "P2W", ["biannually"] = "P6M",
    };

    public static readonly HashSet<string> TimeZones = new(StringComparer.Ordinal)
    {
        "edt", "est", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "aest", "local",
    };

    /// <summary>Words before a number that make it an amount, not a year: "about 2000", "$ 2000".</summary>
    public static readonly HashSet<string> AmountCues = new(StringComparer.Ordinal)
    {
        "about", "nearly", "almost", "some", "over", "than", "least", "only", "just", "approximately", "roughly",
        "$", "£", "€", "¥", "#", "no.", "number", "no", "page", "route", "flight", "room", "model", "version", "up", "down",
        "total", "totaled", "totalled", "reached",
    };

    /// <summary>Words before a 4-digit number that make it a year: "in 1994", "since 2001".</summary>
    public static readonly HashSet<string> YearCues = new(StringComparer.Ordinal)
    {
        "in", "since", "until", "till", "through", "before", "after", "during", "early", "late", "mid", "fiscal", "year",
        "summer", "winter", "spring", "autumn", "fall", "circa", "c.", "between", "and", "or", "the", "'s", "of", "from", "to", "by",
        "for", "(", ",", "-", "–", "—", "post", "pre", "calendar",
    };

    /// <summary>Nouns that after a 4-digit number make it a count: "2000 people".</summary>
    public static readonly HashSet<string> CountNouns = new(StringComparer.Ordinal)
    {
        "people", "persons", "members", "workers", "troops", "soldiers", "jobs", "shares", "units", "cars", "homes",
        "houses", "votes", "students", "employees", "refugees", "civilians", "police", "officers", "residents",
        "tons", "tonnes", "barrels", "acres", "miles", "kilometers", "kilometres", "km", "feet", "meters", "metres",
        "points", "percent", "%", "per", "dollars", "euros", "pounds", "yen", "times", "others", "words", "pages",
        "cases", "deaths", "copies", "vehicles", "weapons", "rounds", "hectares", "square", "visitors", "patients",
    };

    public static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "said", "told", "was", "were", "had", "did", "met", "went", "came", "made", "took", "gave", "got", "held", "left",
        "began", "won", "lost", "saw", "found", "became", "sent", "paid", "fell", "rose", "led", "fled", "struck", "brought",
        "thought", "sought", "bought", "caught", "taught", "fought", "wrote", "spoke", "broke", "chose", "drove", "ran",
        "knew", "grew", "threw", "flew", "drew", "kept", "felt", "meant", "heard", "built", "spent", "lent", "stood",
        "understood", "sat", "swore", "stole", "froze", "woke", "rode", "rang", "sang", "sank", "withdrew", "overtook",
        "undertook", "arose", "shook", "forgot", "forgave", "sold", "won", "slid", "dealt", "ate", "hid", "bit", "fought",
        "laid", "wound", "sped", "spun", "swept", "wept", "strove", "underwent", "oversaw", "foresaw",
    };

    public static readonly HashSet<string> NotPastEd = new(StringComparer.Ordinal)
    {
        "need", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "indeed", "breed", "proceed", "exceed", "succeed",
        "embed", "united", "limited", "based", "related", "concerned", "detailed", "advanced", "interested", "armed",
        "supposed", "scheduled", "expected", "planned", "proposed", "intended", "anticipated", "slated", "tied", "allied",
        "weed", "reed", "creed", "greed", "steed", "deed", "heed", "bleed", "unprecedented", "alleged", "wed", "led",
    };

    public static readonly HashSet<string> FutureWords = new(StringComparer.Ordinal)
    {
        "will", "'ll", "shall", "wo", "would", "scheduled", "upcoming", "slated", "next", "coming", "tomorrow", "forthcoming",
    };

    /// <summary>Verbs that mean future when "to" follows: "plans to", "is set to", "expects to".</summary>
    public static readonly HashSet<string> FutureBeforeTo = new(StringComparer.Ordinal)
    {
        "plans", "plan", "planning", "set", "expects", "expect", "intends", "intend",
        "going", "hopes", "hope", "aims", "due", "prepares", "preparing", "wants", "seeks", "vows",
        "promises", "threatens", "likely", "poised",
    };

    public static bool IsPastForm(string w) =>
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
}
