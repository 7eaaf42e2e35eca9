using System.Globalization;

namespace Dossier.Ingest.Watch;

/// <summary>One line of a sources file: a feed or page URL and how often to poll it.</summary>
public sealed record WatchSourceLine(string Url, TimeSpan Interval);

/// <summary>
/// Reads a watcher's sources file: one http(s) URL a line, optionally followed by <c>every=DURATION</c>
/// (<c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>); blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public static class SourcesFile
{
    /// <summary>The shortest interval allowed, so that no source is hammered.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Parses the text of a sources file.</summary>
    /// <param name="name">The file's name, for error messages.</param>
    /// <param name="error">On failure, <c>NAME:LINE: reason</c>.</param>
    /// <returns>The sources, or null on the first bad line.</returns>
    public static IReadOnlyList<WatchSourceLine>? Parse(string name, string text, TimeSpan defaultInterval, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sources = new List<WatchSourceLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (!Uri.TryCreate(parts[0], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                error = Line(name, number, $"'{parts[0]}' is not an http(s) URL");
                return null;
            }

            var interval = defaultInterval;
            foreach (var option in parts.Skip(1))
            {
                if (!option.StartsWith("every=", StringComparison.OrdinalIgnoreCase) || ParseDuration(option[6..]) is not { } every)
                {
                    error = Line(name, number, $"'{option}' is not every=DURATION (such as every=15m)");
                    return null;
                }

                interval = every;
            }

            if (interval < MinInterval)
            {
                error = Line(name, number, "the interval is shorter than one second");
                return null;
            }

            if (seen.Add(uri.AbsoluteUri))
            {
                sources.Add(new WatchSourceLine(uri.AbsoluteUri, interval));
            }
        }

        error = null;
        return sources;
    }

    /// <summary>A duration such as <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>, or <c>250ms</c>; a bare number is seconds.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("", 1)];
        foreach (var (suffix, seconds) in units)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(t.AsSpan(0, t.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value >= 0 && !double.IsInfinity(value))
            {
                return TimeSpan.FromSeconds(value * seconds);
            }
        }

        return null;
    }

    private static string Line(string name, int number, string reason) => string.Create(CultureInfo.InvariantCulture, $"{name}:{number}: {reason}");
}
