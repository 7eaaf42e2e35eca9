namespace Dossier.Storage.Corpus;

/// <summary>
/// What two corpus entities' counts would count twice when one is merged into the other: the documents where members of
/// both appear, and per role key the documents where members of both hold that role. Both store writers read the smaller
/// entity's documents and look each up on the other side, so the cost is bounded by the smaller entity.
/// </summary>
internal static class MemberOverlap
{
    /// <summary>Counts the overlap of <paramref name="small"/> (each document of the smaller entity with its members' role
    /// keys) with the larger entity, whose role keys in one document <paramref name="large"/> gives (null: no member there).</summary>
    public static (long Documents, Dictionary<string, long> Roles) Count(Dictionary<long, HashSet<string>> small, Func<long, HashSet<string>?> large)
    {
        long documents = 0;
        var roles = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (document, keys) in small)
        {
            if (large(document) is not { } largeKeys)
            {
                continue;
            }

            documents++;
            foreach (var key in keys.Where(largeKeys.Contains))
            {
                roles[key] = roles.GetValueOrDefault(key) + 1;
            }
        }

        return (documents, roles);
    }
}
