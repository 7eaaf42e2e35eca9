using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Actors;

/// <summary>The actors TSV format of user files and the supplement: parsing it with FILE:LINE messages, and adding a user's actors.</summary>
public sealed partial class ActorKnowledgeBase
{
    /// <summary>
    /// A new knowledge base with the actors of a user TSV file added in front of the built-in ones
    /// (a user entry wins over a built-in one of the same name). Format, one actor a line, tab-separated,
    /// <c>#</c> comments and blank lines ignored:
    /// <c>NAME  CODE  [TYPE]  [ALIASES separated by |]  [TITLE]  [FROM yyyy-mm-dd]  [TO yyyy-mm-dd]</c>.
    /// Never throws for bad input: a failure is a result with the message <c>FILE:LINE: reason</c>.
    /// </summary>
    public UserActorsResult WithUserActors(string tsvPath)
    {
        ArgumentNullException.ThrowIfNull(tsvPath);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(tsvPath, new UTF8Encoding(false, true));
        }
        catch (FileNotFoundException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file does not exist");
        }
        catch (DecoderFallbackException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file is not UTF-8 text");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UserActorsResult(null, $"{tsvPath}: the actors file cannot be read ({e.Message})");
        }

        var parsed = ParseActorsTsv(tsvPath, lines, out var error);
        if (error is not null) return new UserActorsResult(null, error);
        var user = new Dictionary<string, List<KnownActor>>(StringComparer.Ordinal);
        foreach (var a in parsed!) AddActor(user, a with { FromUser = true });
        // User entries replace the built-in ones of that name.
        var actors = user.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
        var kb = new ActorKnowledgeBase(_countries, _countriesByCode, _demonyms, _capitals, _places, _titles, _groups, new UserActorNames(actors, _actors));
        return new UserActorsResult(kb, null);
    }

    private static readonly FrozenSet<string> ActorFileTypes = FrozenSet.ToFrozenSet(
        [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Gpe, EntityTypes.Location, EntityTypes.Facility, EntityTypes.Group, EntityTypes.Event, EntityTypes.Law, EntityTypes.Product],
        StringComparer.Ordinal);

    /// <summary>Parses the actors TSV format shared by user files and the supplement; on the first bad line, <paramref name="error"/> is "FILE:LINE: reason".</summary>
    internal static List<KnownActor>? ParseActorsTsv(string path, IReadOnlyList<string> lines, out string? error)
    {
        var result = new List<KnownActor>();
        error = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#')) continue;
            var where = $"{path}:{i + 1}";
            var cols = raw.Split('\t').Select(c => c.Trim()).ToArray();
            if (cols.Length < 2)
            {
                error = $"{where}: expected NAME<TAB>CODE[<TAB>TYPE<TAB>ALIASES<TAB>TITLE<TAB>FROM<TAB>TO], found {cols.Length} column{(cols.Length == 1 ? "" : "s")} (columns are separated by tabs)";
                return null;
            }

            if (cols.Length > 7)
            {
                error = $"{where}: expected at most 7 columns, found {cols.Length}";
                return null;
            }

            var name = cols[0];
            if (name.Length == 0 || ActorText.Normalize(name).Length == 0)
            {
                error = $"{where}: the name is empty";
                return null;
            }

            var code = cols[1].ToUpperInvariant();
            if (!ActorCodes.IsValid(code))
            {
                error = $"{where}: \"{cols[1]}\" is not a CAMEO actor code (3 to 15 letters in groups of three, such as USAGOV)";
                return null;
            }

            var kind = ActorKind.Unknown;
            if (cols.Length > 2 && cols[2].Length > 0)
            {
                var type = cols[2].ToUpperInvariant();
                if (!ActorFileTypes.Contains(type))
                {
                    error = $"{where}: \"{cols[2]}\" is not an entity type (PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, LAW or PRODUCT)";
                    return null;
                }

                kind = type switch { EntityTypes.Person => ActorKind.Person, EntityTypes.Facility => ActorKind.Building, EntityTypes.Organization => ActorKind.Organization, _ => ActorKind.Unknown };
            }

            var aliases = cols.Length > 3 ? cols[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray() : [];
            var title = cols.Length > 4 && cols[4].Length > 0 ? cols[4] : null;
            DateOnly? from = null, to = null;
            if (cols.Length > 5 && cols[5].Length > 0 && (from = ParseIso(cols[5])) is null)
            {
                error = $"{where}: \"{cols[5]}\" is not a date (yyyy-mm-dd)";
                return null;
            }

            if (cols.Length > 6 && cols[6].Length > 0 && (to = ParseIso(cols[6])) is null)
            {
                error = $"{where}: \"{cols[6]}\" is not a date (yyyy-mm-dd)";
                return null;
            }

            if (from is { } f && to is { } t && t < f)
            {
                error = $"{where}: the term ends ({cols[6]}) before it starts ({cols[5]})";
                return null;
            }

            var dated = new DatedCode(code, from, to, title);

            // Several rows for one person (terms of office) make one actor.
            var existing = result.FindIndex(a => a.Name == name && a.Kind == kind);
            if (existing >= 0)
            {
                var a = result[existing];
                result[existing] = a with { Aliases = [.. a.Aliases.Union(aliases)], Codes = a.Codes.Add(dated) };
            }
            else
            {
                result.Add(new KnownActor(name, kind, aliases, [dated]));
            }
        }

        return result;
    }

    private static DateOnly? ParseIso(string text) => ParseIso(text.AsSpan());

    private static DateOnly? ParseIso(ReadOnlySpan<char> text)
    {
        // The common form (ten characters, digits where the pattern has them, a real date) without the culture-aware parser.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && TryDigits(text, 0, 4, out var year) && TryDigits(text, 5, 2, out var month) && TryDigits(text, 8, 2, out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i])) return false;
            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
