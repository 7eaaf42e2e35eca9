using Dossier.Extraction.Actors;
using Dossier.Storage.Corpus;

namespace Dossier.Cli.Output;

/// <summary>
/// Tells the user when their actors file (<c>--actors</c>, or actors.tsv beside the database) holds an
/// entry for an entity, and which built-in entry it overrides: the user's entry wins, and says so.
/// </summary>
internal static class UserActorOverrides
{
    public static IEnumerable<string> Describe(CorpusEntityDetails details, FileInfo? actorsFile, string databasePath)
    {
        var path = actorsFile?.FullName
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", PipelineFactory.ActorsFileName);
        if (!File.Exists(path) || ActorKnowledgeBase.Default.WithUserActors(path).KnowledgeBase is not { } user)
        {
            yield break;
        }

        foreach (var name in details.Aliases.Prepend(details.Entity.Name).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (user.FindActor(name) is not { FromUser: true } mine)
            {
                continue;
            }

            var code = mine.CodeAt(null)?.Code ?? "no code";
            var builtIn = ActorKnowledgeBase.Default.FindActor(name)?.CodeAt(null)?.Code;
            yield return builtIn is null
                ? $"user actor: {path} codes \"{name}\" as {code}"
                : $"user actor: {path} codes \"{name}\" as {code}, overriding the built-in {builtIn}";
            yield break;
        }
    }
}
