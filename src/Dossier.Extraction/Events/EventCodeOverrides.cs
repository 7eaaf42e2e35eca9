using System.Collections.Frozen;
using Dossier.Core.Data;

namespace Dossier.Extraction.Events;

/// <summary>
/// The CAMEO codes the analysis gives instead of a word's own: a demand read off "X said Y must …"
/// (<c>special-codes.tsv</c>, with the verbal attack and the request of "asked Y to V"), a stated intention ("will give aid" → express intent) and a declined one ("will not
/// accept" → reject), by the act's code prefix (<c>intent-codes.tsv</c>). Immutable and thread-safe.
/// </summary>
internal sealed class EventCodeOverrides
{
    public const string SpecialFileName = "special-codes.tsv";
    public const string IntentFileName = "intent-codes.tsv";

    private readonly FrozenDictionary<string, string> _intended;
    private readonly FrozenDictionary<string, string> _declined;

    private EventCodeOverrides(string demand, string conditionalThreat, string verbalAttack, string request, string undertakingAgainst, string deEscalation, FrozenDictionary<string, string> intended, FrozenDictionary<string, string> declined)
    {
        DemandCode = demand;
        ConditionalThreatCode = conditionalThreat;
        VerbalAttackCode = verbalAttack;
        RequestCode = request;
        UndertakingAgainstCode = undertakingAgainst;
        DeEscalationCode = deEscalation;
        _intended = intended;
        _declined = declined;
    }

    /// <summary>The code of "X said Y must/should …": a demand by X on Y.</summary>
    public string DemandCode { get; }

    /// <summary>The code of a stated intention held under a condition ("X will withdraw unless Y …"): a threat.</summary>
    public string ConditionalThreatCode { get; }

    /// <summary>The code of an attack verb in a frame of speech or media ("attacked X in an interview"): a verbal attack.</summary>
    public string VerbalAttackCode { get; }

    /// <summary>The code of "asked Y to V" when the verb of asking has no code of its own: a request, whatever V is.</summary>
    public string RequestCode { get; }

    /// <summary>The code of an undertaking (a frame noun with no modifier that names the event) against an actor
    /// ("mounted an operation against the insurgents"): force.</summary>
    public string UndertakingAgainstCode { get; }

    /// <summary>The code of an act of force ended or stopped ("agreed to end the fighting"): de-escalation.</summary>
    public string DeEscalationCode { get; }

    /// <summary>
    /// The code that states the intention to carry out an act of code <paramref name="actCode"/> (<paramref name="declined"/>:
    /// the intention not to); the entry of the act's longest listed prefix; null when none is listed.
    /// </summary>
    public string? IntentCode(string actCode, bool declined)
    {
        var table = declined ? _declined : _intended;
        for (var length = actCode.Length; length >= 2; length--)
        {
            if (table.TryGetValue(actCode[..length], out var code)) return code;
        }

        return null;
    }

    /// <summary>Loads <c>special-codes.tsv</c> and <c>intent-codes.tsv</c> of <paramref name="directory"/>.</summary>
    /// <exception cref="DataFileException">A file is missing or malformed, or a required entry is absent.</exception>
    public static EventCodeOverrides Load(string directory)
    {
        var specialPath = Path.Combine(directory, SpecialFileName);
        var special = TsvFile.ReadMap(specialPath);
        string Required(string key) => special.TryGetValue(key, out var code) ? code : throw new DataFileException(specialPath, "no entry for '" + key + "'");

        var intended = new Dictionary<string, string>(StringComparer.Ordinal);
        var declined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in TsvFile.Read(Path.Combine(directory, IntentFileName), 3))
        {
            var table = row.Columns[0] switch
            {
                "intended" => intended,
                "declined" => declined,
                _ => throw row.Error("expected 'intended' or 'declined', not '" + row.Columns[0] + "'"),
            };
            if (!table.TryAdd(row.Columns[1], row.Columns[2])) throw row.Error("prefix '" + row.Columns[1] + "' is listed twice");
        }

        return new EventCodeOverrides(Required("demand"), Required("conditional-threat"), Required("verbal-attack"), Required("request"), Required("undertaking-against"), Required("de-escalation"),
            intended.ToFrozenDictionary(StringComparer.Ordinal), declined.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
