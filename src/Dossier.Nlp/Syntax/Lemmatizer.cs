namespace Dossier.Nlp.Syntax;

/// <summary>
/// Lemmatizer: an exception table keyed by (form, XPOS) and (lower-cased form, XPOS) for the words
/// whose lemma the rules get wrong, and suffix rewrite rules ("edit scripts") learned per XPOS from
/// the training word types, applied by longest matching suffix.
/// </summary>
internal sealed class Lemmatizer
{
    public const string Kind = "lemmatizer";
    private const int MaxSuffix = 5;
    private const int MinSupport = 2;

    private readonly Dictionary<string, string> _exceptions;
    private readonly Dictionary<string, EditScript> _rules;

    private Lemmatizer(Dictionary<string, string> exceptions, Dictionary<string, EditScript> rules)
    {
        _exceptions = exceptions;
        _rules = rules;
    }

    public int ExceptionCount => _exceptions.Count;

    public int RuleCount => _rules.Count;

    /// <summary>An edit: optionally lower-case the form, cut <see cref="Cut"/> characters from its end, append <see cref="Append"/>.</summary>
    private readonly record struct EditScript(bool Lower, int Cut, string Append)
    {
        public static EditScript Of(string form, string lemma)
        {
            var keep = CommonPrefix(form, lemma);
            var lower = form.ToLowerInvariant();
            var lowered = CommonPrefix(lower, lemma);
            return lowered >= keep
                ? new EditScript(true, lower.Length - lowered, lemma[lowered..])
                : new EditScript(false, form.Length - keep, lemma[keep..]);
        }

        public string? Apply(string form)
        {
            var baseForm = Lower ? form.ToLowerInvariant() : form;
            if (Cut > baseForm.Length || (Cut == baseForm.Length && Append.Length == 0)) return null;
            return string.Concat(baseForm.AsSpan(0, baseForm.Length - Cut), Append);
        }

        private static int CommonPrefix(string a, string b)
        {
            var n = Math.Min(a.Length, b.Length);
            var i = 0;
            while (i < n && a[i] == b[i]) i++;
            return i;
        }
    }

    private static string Key(string xpos, string form) => string.Concat(xpos, "\t", form);

    private static string RuleKey(string xpos, ReadOnlySpan<char> suffix) => string.Concat(xpos, "\t", suffix);

    public string Lemmatize(string form, string xpos)
    {
        if (_exceptions.TryGetValue(Key(xpos, form), out var lemma)) return lemma;
        var lower = form.ToLowerInvariant();
        if (!ReferenceEquals(lower, form) && lower != form && _exceptions.TryGetValue(Key(xpos, lower), out lemma)) return lemma;
        return ByRule(form, xpos);
    }

    private string ByRule(string form, string xpos)
    {
        var lower = form.ToLowerInvariant();
        for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
        {
            if (_rules.TryGetValue(RuleKey(xpos, lower.AsSpan(lower.Length - k)), out var script))
            {
                var result = script.Apply(form);
                if (result is not null && !CutsASurrogatePair(result)) return result;
            }
        }

        return form;
    }

    /// <summary>Whether a rule's result has half of a surrogate pair ("🇬🇧" less its last UTF-16 unit): such a rule
    /// does not apply, and the form is its own lemma.</summary>
    private static bool CutsASurrogatePair(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }

        return false;
    }

    public static Lemmatizer Train(IEnumerable<ConlluSentence> sentences)
    {
        // Counts of (xpos, form) -> lemma over tokens.
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var w in sentence.Words)
            {
                if (w.Lemma == "_" && w.Form != "_") continue;
                var key = Key(w.Xpos, w.Form);
                if (!counts.TryGetValue(key, out var lemmas)) counts[key] = lemmas = new Dictionary<string, int>(StringComparer.Ordinal);
                lemmas[w.Lemma] = lemmas.GetValueOrDefault(w.Lemma) + 1;
            }
        }

        // Most frequent lemma per (xpos, form); ties broken by ordinal order.
        var best = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemmas) in counts)
        {
            best[key] = lemmas.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        }

        // Rule statistics over word types: (xpos, suffix) -> script -> count.
        var stats = new Dictionary<string, Dictionary<EditScript, int>>(StringComparer.Ordinal);
        foreach (var (key, lemma) in best)
        {
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            var xpos = key[..tab];
            var form = key[(tab + 1)..];
            var script = EditScript.Of(form, lemma);
            var lower = form.ToLowerInvariant();
            for (var k = 0; k <= Math.Min(MaxSuffix, lower.Length); k++)
            {
                var rk = RuleKey(xpos, lower.AsSpan(lower.Length - k));
                if (!stats.TryGetValue(rk, out var s)) stats[rk] = s = [];
                s[script] = s.GetValueOrDefault(script) + 1;
            }
        }

        var chosen = new Dictionary<string, (EditScript Script, int Count)>(StringComparer.Ordinal);
        foreach (var (rk, scripts) in stats)
        {
            var top = scripts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Lower).ThenBy(p => p.Key.Cut).ThenBy(p => p.Key.Append, StringComparer.Ordinal).First();
            var isDefault = rk.EndsWith('\t');
            if (top.Value >= MinSupport || isDefault) chosen[rk] = (top.Key, top.Value);
        }

        // Drop rules that repeat what the next shorter suffix already says.
        var rules = new Dictionary<string, EditScript>(StringComparer.Ordinal);
        foreach (var (rk, (script, _)) in chosen.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var tab = rk.IndexOf('\t', StringComparison.Ordinal);
            var suffix = rk[(tab + 1)..];
            if (suffix.Length > 0)
            {
                EditScript? parent = null;
                for (var k = suffix.Length - 1; k >= 0 && parent is null; k--)
                {
                    if (chosen.TryGetValue(string.Concat(rk.AsSpan(0, tab + 1), suffix.AsSpan(suffix.Length - k)), out var p)) parent = p.Script;
                }

                if (parent is { } ps && ps == script) continue;
            }

            rules[rk] = script;
        }

        var lemmatizer = new Lemmatizer([], rules);
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemma) in best)
        {
            var tab = key.IndexOf('\t', StringComparison.Ordinal);
            if (lemmatizer.ByRule(key[(tab + 1)..], key[..tab]) != lemma) exceptions[key] = lemma;
        }

        return new Lemmatizer(exceptions, rules);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(_exceptions.Count);
        foreach (var (k, v) in _exceptions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(k);
            writer.Write(v);
        }

        writer.Write(_rules.Count);
        foreach (var (k, v) in _rules.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(k);
            writer.Write(v.Lower);
            writer.Write7BitEncodedInt(v.Cut);
            writer.Write(v.Append);
        }
    }

    public static Lemmatizer Read(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("bad exception count");
        var exceptions = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var k = reader.ReadString();
            exceptions[k] = reader.ReadString();
        }

        var m = reader.ReadInt32();
        if (m < 0 || m > 10_000_000) throw new InvalidDataException("bad rule count");
        var rules = new Dictionary<string, EditScript>(m, StringComparer.Ordinal);
        for (var i = 0; i < m; i++)
        {
            var k = reader.ReadString();
            var lower = reader.ReadBoolean();
            var cut = reader.Read7BitEncodedInt();
            if (cut < 0) throw new InvalidDataException("bad edit script");
            rules[k] = new EditScript(lower, cut, reader.ReadString());
        }

        return new Lemmatizer(exceptions, rules);
    }

    public bool SameAs(Lemmatizer other) =>
        _exceptions.Count == other._exceptions.Count && _rules.Count == other._rules.Count
        && _exceptions.All(p => other._exceptions.TryGetValue(p.Key, out var v) && v == p.Value)
        && _rules.All(p => other._rules.TryGetValue(p.Key, out var v) && v == p.Value);
}
