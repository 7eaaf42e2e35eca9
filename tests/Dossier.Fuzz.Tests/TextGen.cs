using System.Globalization;
using System.Text;

namespace Dossier.Fuzz.Tests;

/// <summary>
/// Random text: Unicode soup (letters of several scripts, digits, punctuation, quotes, line breaks, tabs,
/// emoji and surrogate pairs, combining marks, right-to-left text, format characters), news-like text from
/// word lists, very long tokens and very long sentences without punctuation. Control characters, NUL and
/// lone surrogates only when asked for (reader tests, where a failure result is an acceptable outcome).
/// </summary>
internal static class TextGen
{
    private static readonly string[] Letters =
    [
        "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "éèêëàâäôöûüçñßøåæœÉÀÇÑ",
        "αβγδεζηθλμπσωΑΒΓΔ", "абвгдежзийклмнопрстуфхцчшщыэюяАБВ", "中文新闻报道日本語のテキスト", "한국어",
    ];

    private static readonly string[] Rtl = ["مرحبا", "الرئيس", "قال", "שלום", "ירושלים", "\u200Fعربي\u200F", "\u202Eabc\u202C"];

    private static readonly string[] Digits = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "０１２３"];

    private static readonly string[] Punctuation =
    [
        ".", ",", ";", ":", "!", "?", "…", "...", "—", "–", "-", "'", "\"", "‘", "’", "“", "”", "«", "»", "(", ")", "[", "]",
        "{", "}", "/", "\\", "&", "%", "$", "€", "£", "¥", "@", "#", "*", "+", "=", "<", ">", "|", "~", "^", "`", "_", "§", "¶",
        "?!", "!!!", ".\"", "?'", "U.S.", "e.g.", "Mr.", "No.", "p.m.", "3.5", "1,000", "10%", "$5", "-", "--",
    ];

    private static readonly string[] Spaces = [" ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00A0", "\u2009", "\u3000", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C"];

    private static readonly string[] Emoji = ["😀", "👍🏽", "👨‍👩‍👧", "🇬🇧", "🎉", "𝔘𝔫𝔦", "𝟙𝟚", "🀄", "❤️", "\uD83D\uDE00\uD83D\uDE01"];

    private static readonly string[] Format = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u2060", "\u034F", "\uFFFD", "\uFFFC"];

    private static readonly string[] Combining = ["\u0301", "\u0308", "\u0327", "\u0300\u0301\u0302", "\u20DD", "\u0651", "\u05B7"];

    /// <summary>Random Unicode text of about <paramref name="maxLength"/> characters at most.</summary>
    /// <param name="controls">Also C0 and C1 control characters, DEL and (rarely) NUL.</param>
    /// <param name="loneSurrogates">Also unpaired high and low surrogates.</param>
    public static string Unicode(FuzzRandom r, int maxLength, bool controls = false, bool loneSurrogates = false)
    {
        var target = r.Between(0, maxLength);
        var sb = new StringBuilder(target + 16);
        while (sb.Length < target)
        {
            switch (r.Int(20))
            {
                case < 7:
                    Word(r, sb, r.Pick(Letters), r.Between(1, 12));
                    break;
                case < 10:
                    sb.Append(r.Pick(Spaces));
                    break;
                case < 12:
                    sb.Append(r.Pick(Punctuation));
                    break;
                case 12:
                    Word(r, sb, r.Pick(Digits), r.Between(1, 6));
                    break;
                case 13:
                    sb.Append(r.Pick(Emoji));
                    break;
                case 14:
                    sb.Append(r.Pick(Combining));
                    break;
                case 15:
                    sb.Append(r.Pick(Rtl));
                    break;
                case 16:
                    sb.Append(r.Pick(Format));
                    break;
                case 17 when controls:
                    sb.Append(r.Chance(0.1) ? '\0' : r.Chance(0.3) ? (char)r.Between(0x7F, 0x9F) : (char)r.Between(1, 31));
                    break;
                case 18 when loneSurrogates:
                    sb.Append((char)(r.Chance(0.5) ? r.Between(0xD800, 0xDBFF) : r.Between(0xDC00, 0xDFFF)));
                    break;
                default:
                    // Any BMP character outside the surrogates (and, unless asked, outside the controls).
                    var c = (char)r.Between(0x20, 0xFFFD);
                    if (!char.IsSurrogate(c) && (controls || !char.IsControl(c)))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static void Word(FuzzRandom r, StringBuilder sb, string alphabet, int length)
    {
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[r.Int(alphabet.Length)]);
        }
    }

    /// <summary>One token of <paramref name="length"/> characters with no space in it: letters, or letters with digits, hyphens, dots, apostrophes or a URL's shape.</summary>
    public static string LongToken(FuzzRandom r, int length)
    {
        // Pieces, not characters: an emoji is appended whole, never half of its surrogate pair.
        var pieces = r.Pick(new[] { "a", "abcdefghijklmnopqrstuvwxyz", "abc123-", "ab.c", "x'y", "A.", "0123456789", "http://a.b/c?d=e&", "é\u0301", "😀" });
        var alphabet = pieces == "😀" ? [pieces] : pieces.Select(c => c.ToString()).ToArray();
        var sb = new StringBuilder(length + 2);
        while (sb.Length < length)
        {
            sb.Append(alphabet[r.Int(alphabet.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>One sentence of <paramref name="words"/> words without punctuation, from the news word lists.</summary>
    public static string LongSentence(FuzzRandom r, int words)
    {
        var sb = new StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(r.Int(6) switch
            {
                0 => r.Pick(News.Names),
                1 => r.Pick(News.Verbs),
                2 => r.Pick(News.Places),
                3 => r.Pick(News.Nouns),
                _ => r.Pick(News.Function),
            });
        }

        return sb.ToString();
    }

    /// <summary>A news-like report of up to <paramref name="sentences"/> sentences: names, verbs, places, dates, money, quotes.</summary>
    public static string NewsText(FuzzRandom r, int sentences)
    {
        var sb = new StringBuilder();
        var count = r.Between(1, sentences);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(r.Chance(0.2) ? "\n\n" : " ");
            }

            sb.Append(News.Sentence(r));
        }

        return sb.ToString();
    }

    /// <summary>The news word lists and sentence templates.</summary>
    public static class News
    {
        public static readonly string[] Names =
        [
            "Angela Merkel", "Joe Biden", "Emmanuel Macron", "Xi Jinping", "Vladimir Putin", "Narendra Modi", "Mr Smith",
            "Ms Jones", "Dr Patel", "the prime minister", "the president", "Hamas", "Nato", "the United Nations",
            "the European Union", "Microsoft", "Google", "the Bank of England", "the BBC", "Reuters", "François Hollande",
            "Recep Tayyip Erdoğan", "she", "he", "they", "officials", "police", "protesters", "rebels", "the army",
        ];

        public static readonly string[] Verbs =
        [
            "met", "attacked", "criticised", "praised", "signed", "rejected", "accused", "visited", "threatened", "arrested",
            "condemned", "agreed with", "called for talks with", "imposed sanctions on", "sued", "bought", "sold",
            "warned", "hosted", "negotiated with", "fought", "killed", "helped", "supported", "denied",
        ];

        public static readonly string[] Places =
        [
            "London", "Paris", "Berlin", "Beijing", "Moscow", "Washington", "Kyiv", "Gaza", "Tehran", "New Delhi",
            "São Paulo", "Zürich", "the White House", "Downing Street", "the Middle East", "Brussels", "Tokyo",
        ];

        public static readonly string[] Dates =
        [
            "on Monday", "on Tuesday", "last week", "yesterday", "today", "on 12 March 2024", "on March 12, 2024",
            "in 2019", "in the 1990s", "next month", "at 3pm", "on 2024-03-12", "last year", "in January", "this morning",
            "two days ago", "on Christmas Day", "in the first quarter", "every Friday", "for three weeks",
        ];

        public static readonly string[] Money =
        [
            "$5m", "£3.2bn", "€400,000", "$1.5 trillion", "10%", "3.5 per cent", "200 million dollars", "1,000 people",
            "twelve soldiers", "the third time", "50 km", "¥2,000",
        ];

        public static readonly string[] Nouns = ["talks", "deal", "agreement", "election", "sanctions", "attack", "summit", "budget", "strike", "ceasefire", "report", "trial"];

        public static readonly string[] Function = ["the", "a", "of", "and", "in", "to", "with", "that", "for", "on", "was", "is", "said", "after", "before", "but"];

        public static string Sentence(FuzzRandom r)
        {
            var a = r.Pick(Names);
            var b = r.Pick(Names);
            var verb = r.Pick(Verbs);
            var place = r.Pick(Places);
            var date = r.Pick(Dates);
            var money = r.Pick(Money);
            var noun = r.Pick(Nouns);
            var text = r.Int(8) switch
            {
                0 => $"{a} {verb} {b} in {place} {date}.",
                1 => $"“We will not accept this {noun},” {a} said {date}.",
                2 => $"\"{Cap(b)} {verb} us,\" {a} told reporters in {place}.",
                3 => $"{Cap(a)} said {b} had {verb} {money} {date}, according to {r.Pick(Names)}.",
                4 => $"The {noun} in {place} was worth {money}, {a} said.",
                5 => $"{Cap(a)} {verb} {b}; {r.Pick(Names)} {r.Pick(Verbs)} {r.Pick(Names)} {date}!",
                6 => $"Did {a} {verb} {b} in {place}?",
                _ => $"In {place}, {a} and {b} {verb} the {noun} ({money}) {date}.",
            };
            return Cap(text);
        }

        private static string Cap(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
    }
}
