using Dossier.Core.Documents;
using Dossier.Core.Labels;

namespace Dossier.Extraction.Actors;

/// <summary>
/// Where an actor's CAMEO code is chosen: given what the text says about one resolved actor
/// (<see cref="ActorEvidence"/>: its names, the titles and nationalities its mentions state, whether it acts)
/// and the <see cref="ActorKnowledgeBase"/>, decides its roles, country (ISO3), sector and code
/// (country + sector, such as USAGOV). What the text says about an office beats the dictionaries: a title read
/// from the text sets the sector and, with its country, the code; the knowledge base fills in what the text leaves
/// out. Immutable and thread-safe.
/// </summary>
internal sealed class ActorCoder
{
    private readonly ActorKnowledgeBase _kb;

    public ActorCoder(ActorKnowledgeBase kb) => _kb = kb;

    /// <summary>
    /// The entity type of a group actor by its noun's sector: parties, opposition, rebels, armed groups, civilians and
    /// religious groups are groups of people (NORP); other groups ("officials", "troops") are organisations.
    /// </summary>
    public static string GroupType(string sector) =>
        sector is "PTY" or "OPP" or "REB" or "UAF" or "CVL" or "REL" ? EntityTypes.Group : EntityTypes.Organization;

    /// <summary><paramref name="entity"/> with the roles, country, sector and code decided for it on <paramref name="date"/>.</summary>
    public Entity Code(Entity entity, ActorEvidence evidence, DateOnly? date) => evidence.Type switch
    {
        EntityTypes.Person => CodePerson(entity, evidence, date),
        EntityTypes.Gpe or EntityTypes.Location => CodePlace(entity, evidence),
        EntityTypes.Group or EntityTypes.Organization when evidence.Group is { } group => CodeGroup(entity, group),
        EntityTypes.Group => CodeNationality(entity, evidence),
        _ => CodeOrganization(entity, evidence.Known, date),
    };

    /// <summary>The CAMEO country code of an ISO3 country (they differ for a few), or the ISO3 itself.</summary>
    private string? Cameo(string? iso) => iso is null ? null : _kb.FindCountryByCode(iso)?.CameoCode ?? iso;

    /// <summary>The ISO3 country of a CAMEO code's country part, or null for a non-state code.</summary>
    private string? IsoOfCode(string? code)
    {
        var prefix = code is null ? null : ActorCodes.CountryOf(code);
        return prefix is null ? null : _kb.FindCountryByCode(prefix)?.Iso3 ?? prefix;
    }

    /// <summary>
    /// A person: one role per title and status; the current role's country and sector (a former office alone gives
    /// ELI, an elite); an international office gives IGO; with no title, the knowledge base's dated code.
    /// </summary>
    private Entity CodePerson(Entity entity, ActorEvidence evidence, DateOnly? date)
    {
        var stated = evidence.Roles;
        var known = evidence.Known ?? evidence.FullNames.Select(n => _kb.FindActor(n, ActorKind.Person)).FirstOrDefault(k => k is not null);
        var knownCode = known?.CodeAt(date);
        var knownCountry = IsoOfCode(knownCode?.Code) ?? IsoOfCode(known?.LatestCode()?.Code);
        var textCountry = evidence.StatedCountry ?? stated.Select(r => r.Country).FirstOrDefault(x => x is not null);
        var roles = MergeRoles(stated);

        // The country as stated, else what the text says elsewhere, else the knowledge base.
        for (var i = 0; i < roles.Count; i++)
        {
            var (role, info) = roles[i];
            if (role.Country is null && info.Sector != "IGO")
            {
                var kbForTitle = known?.Codes.FirstOrDefault(k => k.Title is not null && ActorText.Normalize(k.Title) == ActorText.Normalize(role.Title));
                var fill = textCountry ?? IsoOfCode(kbForTitle?.Code) ?? knownCountry;
                if (fill is not null) roles[i] = (role with { Country = fill }, info);
            }
        }

        var current = roles.FirstOrDefault(r => r.Role.Status == "current");
        string? country, sector;
        if (current.Role is not null)
        {
            country = current.Role.Country ?? textCountry ?? knownCountry;
            sector = current.Info.Sector;
        }
        else if (roles.Count > 0)
        {
            var first = roles[0];
            country = first.Role.Country ?? textCountry ?? knownCountry;
            sector = first.Role.Status == "former" ? "ELI" : first.Info.Sector;
        }
        else
        {
            country = textCountry ?? knownCountry;
            sector = knownCode is null ? null : ActorCodes.SectorOf(knownCode.Code);
        }

        string? code;
        if (sector == "IGO")
        {
            code = knownCode?.Code is { } k && k.StartsWith("IGO", StringComparison.Ordinal) ? k : "IGO";
            country = null;
        }
        else if (current.Role is null && roles.Count == 0 && knownCode is not null && (textCountry is null || textCountry == knownCountry))
        {
            code = knownCode.Code;
        }
        else
        {
            code = country is null && sector is null ? null : ActorCodes.Combine(Cameo(country), sector);
        }

        return entity with { Roles = [.. roles.Select(r => r.Role)], Country = country, Sector = sector, Code = code };
    }

    /// <summary>One role per title and status, in text order; a later mention fills in a country or organisation the first left out.</summary>
    private static List<(Role Role, TitleInfo Info)> MergeRoles(IEnumerable<RoleEvidence> evidence)
    {
        var roles = new List<(Role Role, TitleInfo Info)>();
        foreach (var r in evidence)
        {
            var i = roles.FindIndex(x => ActorText.Normalize(x.Role.Title) == ActorText.Normalize(r.Title) && x.Role.Status == r.Status);
            if (i >= 0)
            {
                var old = roles[i].Role;
                roles[i] = (old with { Country = old.Country ?? r.Country, Organization = old.Organization ?? r.Organization }, roles[i].Info);
                continue;
            }

            // "the president" after "President X" adds nothing.
            if (r.Info.Title != ActorText.Normalize(r.Title) || !roles.Any(x => x.Info.Title.EndsWith(r.Info.Title, StringComparison.Ordinal) && x.Role.Status == r.Status))
            {
                roles.Add((new Role(r.Title, r.Organization, r.Country, r.Status), r.Info));
            }
        }

        return roles;
    }

    /// <summary>A country or place: its country; a country or capital that acts by name stands for its government (GOV).</summary>
    private Entity CodePlace(Entity entity, ActorEvidence evidence)
    {
        var iso = evidence.CountryKey ?? _kb.FindPlace(entity.Name)?.Iso3 ?? evidence.MentionCountry;
        var actsAsState = evidence.CountryKey is not null || _kb.FindCapital(entity.Name) is not null;
        var agent = actsAsState && evidence.ActsByName;
        var sector = agent ? "GOV" : null;
        return entity with { Country = iso, Sector = sector, Code = iso is null ? null : ActorCodes.Combine(Cameo(iso), sector) };
    }

    /// <summary>A group actor ("Ukrainian officials"): its modifier's country and its noun's sector.</summary>
    private Entity CodeGroup(Entity entity, (string? Country, string? Sector) group) =>
        entity with { Country = group.Country, Sector = group.Sector, Code = ActorCodes.Combine(Cameo(group.Country), group.Sector) };

    /// <summary>A nationality ("Ukrainians"): its country, no sector.</summary>
    private Entity CodeNationality(Entity entity, ActorEvidence evidence)
    {
        var iso = _kb.FindDemonym(entity.Name)?.Iso3 ?? evidence.MentionCountry;
        return entity with { Country = iso, Code = Cameo(iso) };
    }

    /// <summary>An organisation or anything else: the knowledge base's code on the date, if the name is known.</summary>
    private Entity CodeOrganization(Entity entity, KnownActor? known, DateOnly? date)
    {
        if (known is null) return entity;
        var code = known.CodeAt(date)?.Code;
        if (code is null) return entity;
        return entity with { Country = IsoOfCode(code), Sector = ActorCodes.SectorOf(code), Code = code };
    }
}
