using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Nlp.Tokenization;

namespace Dossier.Nlp.Time;

/// <summary>
/// Scores the time stage on TimeML (.tml) files the way TempEval-3 does: strict = exact span,
/// relaxed = overlapping span (one-to-one), value F1 = relaxed matches whose value is equal,
/// type accuracy among relaxed matches. The anchor is each file's DCT.
/// </summary>
public static partial class TimexEvaluator
{
    public static TimexScores Evaluate(string directory) => Evaluate(directory, new TimeExpressionStage());

    public static TimexScores Evaluate(string directory, TimeExpressionStage stage)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(stage);
        int gold = 0, predicted = 0, strict = 0, relaxed = 0, value = 0, type = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var tml = Read(file);
            if (tml is null) continue;
            var predictions = Predict(tml, stage);
            var (g, p, s, r, v, t) = Score(tml.Gold, predictions);
            gold += g;
            predicted += p;
            strict += s;
            relaxed += r;
            value += v;
            type += t;
        }

        static double Div(double a, double b) => b == 0 ? 0 : a / b;
        static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        double sp = Div(strict, predicted), sr = Div(strict, gold), rp = Div(relaxed, predicted), rr = Div(relaxed, gold);
        double vp = Div(value, predicted), vr = Div(value, gold);
        return new TimexScores(sp, sr, F(sp, sr), rp, rr, F(rp, rr), F(vp, vr), Div(type, relaxed), gold, predicted);
    }

    /// <summary>Runs the tokenizer and <paramref name="stage"/> on a TimeML document's text with its DCT as the anchor.</summary>
    public static IReadOnlyList<TimeExpression> Predict(TimeMLDocument tml, TimeExpressionStage stage)
    {
        ArgumentNullException.ThrowIfNull(tml);
        ArgumentNullException.ThrowIfNull(stage);
        var doc = new TokenizationStage().Process(new Document(tml.Text, new DocumentMetadata(null, tml.Path, tml.Dct)));
        return stage.Process(doc).Times;
    }

    /// <summary>Counts (gold, predicted, strict, relaxed, value, type) for one document; relaxed matching is one-to-one, exact spans first.</summary>
    public static (int Gold, int Predicted, int Strict, int Relaxed, int Value, int Type) Score(IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var used = new bool[predicted.Count];
        var pair = new int[gold.Count];
        Array.Fill(pair, -1);
        var strict = 0;
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                if (!used[p] && predicted[p].Start == gold[g].Start && predicted[p].End == gold[g].End)
                {
                    used[p] = true;
                    pair[g] = p;
                    strict++;
                    break;
                }
            }
        }

        for (var g = 0; g < gold.Count; g++)
        {
            if (pair[g] >= 0) continue;
            for (var p = 0; p < predicted.Count; p++)
            {
                if (!used[p] && predicted[p].Start < gold[g].End && gold[g].Start < predicted[p].End)
                {
                    used[p] = true;
                    pair[g] = p;
                    break;
                }
            }
        }

        int relaxed = 0, value = 0, type = 0;
        for (var g = 0; g < gold.Count; g++)
        {
            if (pair[g] < 0) continue;
            var p = predicted[pair[g]];
            relaxed++;
            if (p.Value is not null && string.Equals(p.Value, gold[g].Value, StringComparison.Ordinal)) value++;
            if (p.Type == gold[g].Type) type++;
        }

        return (gold.Count, predicted.Count, strict, relaxed, value, type);
    }

    /// <summary>Reads a TimeML file; null when it has no TEXT element.</summary>
    public static TimeMLDocument? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var xml = File.ReadAllText(path);
        DateOnly? dct = null;
        var dctMatch = DctRegex().Match(xml);
        if (dctMatch.Success && dctMatch.Groups[1].Value.Length >= 10 &&
            DateOnly.TryParseExact(dctMatch.Groups[1].Value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            dct = d;
        }

        var open = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        var close = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open) return null;
        var body = xml[(open + 6)..close];
        var text = new StringBuilder(body.Length);
        var gold = new List<GoldTimex>();
        var i = 0;
        int timexStart = -1;
        string? type = null, value = null;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == '<')
            {
                var end = body.IndexOf('>', i);
                if (end < 0) break;
                var tag = body[(i + 1)..end];
                if (tag.StartsWith("TIMEX3", StringComparison.Ordinal))
                {
                    timexStart = text.Length;
                    type = Attribute(tag, "type");
                    value = Attribute(tag, "value");
                }
                else if (tag == "/TIMEX3" && timexStart >= 0)
                {
                    var s = timexStart;
                    var e = text.Length;
                    // Gold spans sometimes carry surrounding white space; trim it.
                    while (s < e && char.IsWhiteSpace(text[s])) s++;
                    while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
                    gold.Add(new GoldTimex(s, e, text.ToString(s, e - s), type ?? TimeTypes.Date, value));
                    timexStart = -1;
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                var semi = body.IndexOf(';', i);
                if (semi > i && semi - i <= 10)
                {
                    text.Append(WebUtility.HtmlDecode(body[i..(semi + 1)]));
                    i = semi + 1;
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return new TimeMLDocument(path, text.ToString(), dct, gold);
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, "\\b" + name + "=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("<DCT>\\s*<TIMEX3[^>]*value=\"([^\"]*)\"")]
    private static partial Regex DctRegex();
}
