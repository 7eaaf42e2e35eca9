using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Dossier.Extraction.Actors;

/// <summary>
/// Compiles the Phoenix/PETRARCH dictionaries (<c>../shared/data/cameo</c>: Phoenix.Countries.actors.txt,
/// Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt, Phoenix.agents.txt,
/// countrynames.txt; MIT) into <see cref="ActorKnowledgeBase.CompiledFileName"/>, a gzip TSV read by
/// <see cref="ActorKnowledgeBase.Load(string)"/>. Deterministic: the same dictionaries give the same bytes.
/// The hand-written lexicons beside it (titles, groups, capitals, demonyms, supplement) are not built.
/// </summary>
public static class ActorKnowledgeBaseBuilder
{
    public const string CountriesFile = "Phoenix.Countries.actors.txt";
    public const string InternationalFile = "Phoenix.International.actors.txt";
    public const string NonStateFile = "Phoenix.MilNonState.actors.txt";
    public const string AgentsFile = "Phoenix.agents.txt";
    public const string CountryNamesFile = "countrynames.txt";

    private static readonly string[] DemonymEndings = ["an", "ian", "ean", "ese", "ish", "i", "ic", "ch", "er", "ot", "ene", "ine", "ani", "ite", "iote"];

    /// <summary>What the build wrote.</summary>
    public sealed record BuildSummary(string Path, int Countries, int Demonyms, int Places, int Actors, int Agents, long Bytes);

    /// <summary>Reads the dictionaries in <paramref name="cameoDirectory"/> and writes the compiled file into <paramref name="outputDirectory"/> (created if needed).</summary>
    /// <exception cref="FileNotFoundException">A dictionary file is missing.</exception>
    public static BuildSummary Build(string cameoDirectory, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(cameoDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        foreach (var f in new[] { CountriesFile, InternationalFile, NonStateFile, AgentsFile, CountryNamesFile })
        {
            var p = Path.Combine(cameoDirectory, f);
            if (!File.Exists(p)) throw new FileNotFoundException($"{p}: the CAMEO dictionary is missing", p);
        }

        // countrynames.txt: Name TAB ISO3 TAB number.
        var isoByName = new Dictionary<string, string>(StringComparer.Ordinal);
        var displayByIso = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(cameoDirectory, CountryNamesFile)))
        {
            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[1].Length != 3 || !cols[1].All(char.IsAsciiLetterUpper)) continue;
            isoByName.TryAdd(ActorText.Normalize(cols[0]), cols[1]);
            displayByIso.TryAdd(cols[1], cols[0].Trim());
        }

        var countryNames = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal); // iso -> keys
        var cameoByIso = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var demonyms = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var places = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // key -> isos
        var claimed = new HashSet<string>(StringComparer.Ordinal); // country names and demonyms
        foreach (var (name, iso) in isoByName)
        {
            Add(countryNames, iso, name);
            claimed.Add(name);
        }

        var actors = new List<PetrarchEntry>();
        foreach (var entry in PetrarchDictionary.Read(Path.Combine(cameoDirectory, CountriesFile)))
        {
            var country = CountryCode(entry);
            var keys = entry.Names.Select(ActorText.Normalize).Where(k => k.Length > 0).ToList();
            var iso = country is null ? null : keys.Select(k => isoByName.GetValueOrDefault(k)).FirstOrDefault(i => i is not null);
            if (country is null || iso is null)
            {
                actors.Add(entry);
                continue;
            }

            cameoByIso.TryAdd(iso, country);
            var official = keys.Where(k => isoByName.ContainsKey(k)).ToList();
            if (official.Count == 0) official.Add(keys[0]);
            var variants = official.ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < keys.Count; i++)
            {
                var k = keys[i];
                if (variants.Contains(k)) continue;

                // Abbreviations ("U.S.", "USA", "UK") and misspellings of an official name ("Ukrania").
                var raw = entry.Names[i];
                var abbreviation = k.Length <= 4 && !k.Contains(' ') && (raw.Contains('.') || k.Length <= 3);
                if (abbreviation || official.Any(o => Distance(o, k) <= (o.Length >= 9 ? 3 : 2))) variants.Add(k);
            }

            foreach (var k in keys)
            {
                if (variants.Contains(k))
                {
                    if (claimed.Add(k) || countryNames.GetValueOrDefault(iso)?.Contains(k) == true) Add(countryNames, iso, k);
                    continue;
                }

                var demonym = !k.Contains(' ') && IsDemonymLike(k) &&
                    (variants.Any(v => v.Length >= 4 && !v.Contains(' ') && k.Length >= 4 && k[..4] == v[..4]) ||
                     keys.Any(o => o != k && o.Length >= 4 && k.StartsWith(o, StringComparison.Ordinal) && k.Length - o.Length <= 3));
                if (demonym)
                {
                    if (claimed.Add(k)) Add(demonyms, iso, k);
                    continue;
                }

                if (!places.TryGetValue(k, out var set)) places[k] = set = [];
                set.Add(iso);
            }
        }

        foreach (var file in new[] { InternationalFile, NonStateFile })
        {
            actors.AddRange(PetrarchDictionary.Read(Path.Combine(cameoDirectory, file)));
        }

        var agents = ReadAgents(Path.Combine(cameoDirectory, AgentsFile));

        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, ActorKnowledgeBase.CompiledFileName);
        var text = new StringBuilder();
        text.Append(ActorKnowledgeBase.CompiledHeader).Append('\n');
        foreach (var (iso, names) in countryNames)
        {
            var cameo = cameoByIso.GetValueOrDefault(iso, iso);
            var display = displayByIso.GetValueOrDefault(iso, iso);
            text.Append("C\t").Append(iso).Append('\t').Append(cameo).Append('\t').Append(display).Append('\t').AppendJoin('|', names).Append('\n');
        }

        foreach (var (iso, words) in demonyms)
        {
            text.Append("D\t").Append(iso).Append('\t').AppendJoin('|', words).Append('\n');
        }

        var placeCount = 0;
        foreach (var group in places.Where(p => p.Value.Count == 1 && !claimed.Contains(p.Key)).GroupBy(p => p.Value.First()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var keys = group.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            placeCount += keys.Count;
            text.Append("P\t").Append(group.Key).Append('\t').AppendJoin('|', keys).Append('\n');
        }

        var actorCount = 0;
        foreach (var entry in actors)
        {
            var codes = entry.Codes.Where(c => c.Code != "ELI" && c.Code.Length >= 3).ToList();
            if (codes.Count == 0) continue;
            var names = entry.Names.Select(ActorText.Display).Where(n => n.Length > 1).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 0) continue;
            actorCount++;
            text.Append("A\t").Append(entry.FromCountryInfo ? 'P' : 'U').Append('\t').Append(names[0]).Append('\t').AppendJoin('|', names.Skip(1)).Append('\t')
                .AppendJoin(';', codes.Select(FormatCode)).Append('\n');
        }

        foreach (var group in agents.GroupBy(a => a.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("G\t").Append(group.Key).Append('\t').AppendJoin('|', group.Select(a => a.Key).Order(StringComparer.Ordinal)).Append('\n');
        }

        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var bytes = new UTF8Encoding(false).GetBytes(text.ToString());
            gzip.Write(bytes);
        }

        return new BuildSummary(path, countryNames.Count, demonyms.Sum(d => d.Value.Count), placeCount, actorCount, agents.Count, new FileInfo(path).Length);
    }

    private static void Add(IDictionary<string, SortedSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(value);
    }

    /// <summary>The plain three-letter country code of a block: open-ended or undated first, else the latest.</summary>
    private static string? CountryCode(PetrarchEntry entry)
    {
        var plain = entry.Codes.Where(c => c.Code.Length == 3).ToList();
        if (plain.Count == 0) return null;
        return (plain.FirstOrDefault(c => c.To is null && c.From is not null) ?? plain.FirstOrDefault(c => !c.IsDated) ?? plain.OrderByDescending(c => c.To).First()).Code;
    }

    private static bool IsDemonymLike(string key) => key.Length >= 4 && DemonymEndings.Any(e => key.EndsWith(e, StringComparison.Ordinal));

    /// <summary>Levenshtein distance, for spotting misspelt country names.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3) return int.MaxValue;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string FormatCode(DatedCode c)
    {
        var s = c.Code;
        if (c.IsDated) s += "@" + Format(c.From) + "~" + Format(c.To);
        return s;
    }

    private static string Format(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Phoenix.agents.txt: <c>NAME {PLURAL} [~SEC]</c> lines with <c>!MACRO! = A, B</c> substitutions → normalised noun → sector.</summary>
    internal static SortedDictionary<string, string> ReadAgents(string path)
    {
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line[0] == '!' && line.Contains('='))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                macros[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }

            var open = line.IndexOf('[', StringComparison.Ordinal);
            var close = line.IndexOf(']', StringComparison.Ordinal);
            if (open < 0 || close < open) continue;
            var code = line[(open + 1)..close].Trim();
            if (!code.StartsWith('~') || code.Length < 4) continue;
            var sector = code[1..4];
            var names = line[..open];
            var plural = "";
            var brace = names.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                var end = names.IndexOf('}', brace);
                if (end > brace) plural = names[(brace + 1)..end];
                names = names[..brace];
            }

            foreach (var form in new[] { names, plural })
            {
                foreach (var expanded in Expand(form.Trim(), macros))
                {
                    var key = ActorText.Normalize(expanded);
                    if (key.Length > 1) result.TryAdd(key, sector);
                }
            }
        }

        return result;
    }

    private static IEnumerable<string> Expand(string form, Dictionary<string, string[]> macros)
    {
        if (form.Length == 0) yield break;
        var start = form.IndexOf('!', StringComparison.Ordinal);
        var end = start >= 0 ? form.IndexOf('!', start + 1) : -1;
        if (start < 0 || end < 0)
        {
            yield return form;
            yield break;
        }

        var macro = form[start..(end + 1)];
        if (!macros.TryGetValue(macro, out var options)) yield break;
        foreach (var option in options)
        {
            foreach (var e in Expand(form[..start] + option + form[(end + 1)..], macros)) yield return e;
        }
    }
}
