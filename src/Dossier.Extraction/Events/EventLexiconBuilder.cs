using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Extraction.Events;

/// <summary>
/// Compiles the generated part of the event lexicon from the CAMEO and PLOVER sources:
/// <list type="bullet">
/// <item><c>cameo-codes.tsv</c>: CAMEO code → name, Goldstein value, quad class, PLOVER 2.0 type and mode
/// (from <c>CAMEO_codefile.txt</c>, <c>CAMEO.goldsteinscale.txt</c> and <c>CAMEO2PLOVER-2021.txt</c>).</item>
/// <item><c>cameo-verbs.tsv</c>: verb lemma (+ particle or preposition) → CAMEO code (from the verb blocks
/// of <c>CAMEO.2.0.txt</c>: the verb's own code, else its block's code, else its unconstrained pattern,
/// else its most frequent pattern code, else the x0 code of its most frequent root).</item>
/// </list>
/// The hand-written <c>general.tsv</c> (event nouns, light verbs, status and speech verbs, overrides)
/// sits beside them and is not generated. Same inputs, byte-identical outputs.
/// </summary>
public static class EventLexiconBuilder
{
    private static readonly Regex HeaderLine = new(@"^---\s+(\S+)\s+\[([^\]]*)\]", RegexOptions.CultureInvariant);
    private static readonly Regex VerbLine = new(@"^(\+?)([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", RegexOptions.CultureInvariant);
    private static readonly Regex PatternLine = new(@"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*([A-Z_]+))?", RegexOptions.CultureInvariant);
    private static readonly Regex CodeInBrackets = new(@"\d{2,4}", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "up", "down", "out", "off", "back", "away", "over", "in", "on", "forward", "through", "with", "to", "for",
        "against", "into", "at", "from", "about", "by",
    };

    /// <summary>Builds <c>cameo-codes.tsv</c> and <c>cameo-verbs.tsv</c> into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">A source file is missing.</exception>
    public static void Build(string cameoDirectory, string ploverDirectory, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(cameoDirectory);
        ArgumentNullException.ThrowIfNull(ploverDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        var codefile = Require(Path.Combine(cameoDirectory, "CAMEO_codefile.txt"));
        var goldstein = Require(Path.Combine(cameoDirectory, "CAMEO.goldsteinscale.txt"));
        var verbs = Require(Path.Combine(cameoDirectory, "CAMEO.2.0.txt"));
        var plover = Require(Path.Combine(ploverDirectory, "CAMEO2PLOVER-2021.txt"));

        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, EventLexicon.CodesFileName), BuildCodes(codefile, goldstein, plover), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(outputDirectory, EventLexicon.VerbsFileName), BuildVerbs(verbs), new UTF8Encoding(false));
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException("Event lexicon source missing: " + path, path);

    private static string BuildCodes(string codefile, string goldsteinFile, string ploverFile)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(codefile))
        {
            var line = raw.Trim();
            if (!line.StartsWith("LABEL: ", StringComparison.Ordinal)) continue; // LABELi: are later ICEWS variants
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) continue;
            var code = line[7..eq].Trim();
            if (!IsCode(code)) continue;
            names.TryAdd(code, Clean(line[(eq + 1)..]));
        }

        var goldstein = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(goldsteinFile))
        {
            var parts = raw.Split('\t', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !IsCode(parts[0])) continue;
            if (double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var g))
            {
                goldstein[parts[0]] = g.ToString("0.0##", CultureInfo.InvariantCulture);
            }
        }

        var plover = new Dictionary<string, (string Type, string Mode)>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(ploverFile))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var code = line[..colon].Trim();
            if (!IsCode(code) || code.Length < 3) continue;
            var fields = line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length < 1 || fields[0].Length == 0) continue;
            plover.TryAdd(code, (fields[0], fields.Length > 1 ? fields[1].Replace(' ', '_') : ""));
        }

        var all = new SortedSet<string>(names.Keys, StringComparer.Ordinal);
        foreach (var code in goldstein.Keys) if (code.Length >= 3) all.Add(code);

        var sb = new StringBuilder();
        sb.Append("# Generated by EventLexiconBuilder from CAMEO_codefile.txt, CAMEO.goldsteinscale.txt (MIT) and CAMEO2PLOVER-2021.txt (CC BY-SA 4.0). Do not edit.\n");
        sb.Append("# code\tname\tgoldstein\tquad\tplover\tmode\n");
        foreach (var code in all)
        {
            var name = names.TryGetValue(code, out var n) ? n : names.TryGetValue(code[..3], out var p) ? p : "";
            var g = goldstein.TryGetValue(code, out var gv) ? gv : goldstein.TryGetValue(code[..3], out var gp) ? gp : goldstein.TryGetValue(code[..2], out var gr) ? gr : "0.0";
            var (type, mode) = PloverOf(code, plover);
            sb.Append(code).Append('\t').Append(name).Append('\t').Append(g).Append('\t')
              .Append(QuadClass(code).ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(type.Length == 0 ? "-" : type).Append('\t').Append(mode.Length == 0 ? "-" : mode).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>PLOVER type and mode of a CAMEO code: the code, its parent, or its root's x0 code.
    /// 01x (statements) have none; 02x (appeals) take the REQUEST type and mode of the matching 10x demand.</summary>
    private static (string Type, string Mode) PloverOf(string code, Dictionary<string, (string Type, string Mode)> plover)
    {
        if (code.StartsWith("01", StringComparison.Ordinal)) return ("", "");
        if (code.StartsWith("02", StringComparison.Ordinal))
        {
            var (_, mode) = PloverOf("10" + code[2..], plover);
            return ("REQUEST", mode);
        }

        if (plover.TryGetValue(code, out var hit)) return hit;
        if (code.Length == 4 && plover.TryGetValue(code[..3], out var parent)) return parent;
        return plover.TryGetValue(code[..2] + "0", out var root) ? root : ("", "");
    }

    /// <summary>CAMEO roots 01–05 verbal cooperation (1), 06–08 material cooperation (2), 09–13 verbal conflict (3), 14–20 material conflict (4).</summary>
    internal static int QuadClass(string code)
    {
        var root = int.Parse(code[..2], CultureInfo.InvariantCulture);
        return root switch
        {
            <= 5 => 1,
            <= 8 => 2,
            <= 13 => 3,
            _ => 4,
        };
    }

    private static bool IsCode(string s) => s.Length is >= 2 and <= 4 && s.All(char.IsAsciiDigit);

    private static string Clean(string s) => s.Replace('\t', ' ').Trim();

    private sealed class VerbInfo
    {
        public string? OwnCode;
        public string? BlockCode;
        public string? Unconstrained;
        public readonly Dictionary<string, int> PatternCodes = new(StringComparer.Ordinal);
    }

    private static string BuildVerbs(string verbFile)
    {
        // Key: "lemma" or "lemma particle". Keep the first block's information for a lemma (file order).
        var verbs = new Dictionary<string, VerbInfo>(StringComparer.Ordinal);
        var order = new List<string>();
        var particles = new Dictionary<string, string>(StringComparer.Ordinal);
        var inPatterns = false;
        string? blockCode = null;
        var blockVerbs = new List<string>();

        VerbInfo Get(string key)
        {
            if (!verbs.TryGetValue(key, out var info))
            {
                info = new VerbInfo();
                verbs[key] = info;
                order.Add(key);
            }

            return info;
        }

        foreach (var raw in File.ReadLines(verbFile))
        {
            if (raw.StartsWith("####### VERB PATTERNS", StringComparison.Ordinal))
            {
                inPatterns = true;
                continue;
            }

            if (!inPatterns) continue;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var header = HeaderLine.Match(line);
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                blockCode = header.Success ? FirstCode(header.Groups[2].Value) : null;
                blockVerbs.Clear();
                continue;
            }

            if (line.StartsWith('-'))
            {
                var p = PatternLine.Match(line);
                if (!p.Success) continue;
                var code = FirstCode(p.Groups[2].Value);
                if (code is null) continue;
                var verb = p.Groups[3].Success ? p.Groups[3].Value.ToLowerInvariant() : null;
                if (verb is null || !blockVerbs.Contains(verb)) continue;
                var body = p.Groups[1].Value.Trim();
                var info = Get(verb);
                if (body == "*")
                {
                    info.Unconstrained ??= code;
                    continue;
                }

                // "* (PREP)" or "* PARTICLE" alone: a phrasal entry.
                var phrasal = Regex.Match(body, @"^\*\s+\(?([A-Z]+)\)?$", RegexOptions.CultureInvariant);
                if (phrasal.Success)
                {
                    var particle = phrasal.Groups[1].Value.ToLowerInvariant();
                    if (Particles.Contains(particle))
                    {
                        particles.TryAdd(verb + " " + particle, code);
                        continue;
                    }
                }

                info.PatternCodes[code] = info.PatternCodes.GetValueOrDefault(code) + 1;
                continue;
            }

            var v = VerbLine.Match(line);
            if (!v.Success) continue;
            var own = v.Groups[4].Success ? FirstCode(v.Groups[4].Value) : null;
            var words = v.Groups[2].Value.Trim('_').ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (v.Groups[1].Value == "+")
            {
                // Multi-word verb: "+MEET_WITH" → "meet with"; only verb + particle forms are kept.
                if (words.Length == 2 && Particles.Contains(words[1]))
                {
                    var code = own ?? blockCode;
                    if (code is not null) particles.TryAdd(words[0] + " " + words[1], code);
                }

                continue;
            }

            if (words.Length != 1) continue;
            var lemma = words[0];
            blockVerbs.Add(lemma);
            var vi = Get(lemma);
            if (own is not null) vi.OwnCode ??= own;
            if (blockCode is not null) vi.BlockCode ??= blockCode;
        }

        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in order)
        {
            var info = verbs[key];
            var code = info.OwnCode ?? info.BlockCode ?? info.Unconstrained ?? MostFrequent(info.PatternCodes);
            if (code is not null) rows[key] = code;
        }

        foreach (var (key, code) in particles) rows.TryAdd(key, code);

        var sb = new StringBuilder();
        sb.Append("# Generated by EventLexiconBuilder from CAMEO.2.0.txt (MIT, Open Event Data Alliance). Do not edit; override in general.tsv.\n");
        sb.Append("# lemma[ particle]\tcameo\n");
        foreach (var (key, code) in rows) sb.Append(key).Append('\t').Append(code).Append('\n');
        return sb.ToString();
    }

    /// <summary>The most frequent pattern code, when it has at least two patterns and half of them; ties go to the lower code.</summary>
    private static string? MostFrequent(Dictionary<string, int> counts)
    {
        if (counts.Count == 0) return null;
        var total = counts.Values.Sum();
        var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First();
        if (best.Value >= 2 && best.Value * 2 >= total) return best.Key;

        // Else the most frequent root (two digits), as its general x0 code.
        var roots = counts.GroupBy(kv => kv.Key[..2], StringComparer.Ordinal)
            .Select(g => (Root: g.Key, Count: g.Sum(kv => kv.Value)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Root, StringComparer.Ordinal).First();
        return roots.Count >= 2 && roots.Count * 2 >= total ? roots.Root + "0" : null;
    }

    private static string? FirstCode(string bracket)
    {
        foreach (var part in bracket.Trim('[', ']', ' ').Split(':'))
        {
            var m = CodeInBrackets.Match(part);
            if (m.Success && part.Trim().All(c => char.IsAsciiDigit(c) || c == '-')) return m.Value;
        }

        return null;
    }
}
