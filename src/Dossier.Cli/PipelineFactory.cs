using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Extraction.Actors;

namespace Dossier.Cli;

/// <summary>Builds the pipeline for a command, with the user's actors file when there is one.</summary>
internal static class PipelineFactory
{
    /// <summary>The name of the actors file looked for beside the database.</summary>
    public const string ActorsFileName = "actors.tsv";

    /// <param name="actorsFile">The <c>--actors</c> value, or null.</param>
    /// <param name="databasePath">For ingest: the database, beside which <see cref="ActorsFileName"/> is used when present.</param>
    /// <param name="error">The one-line reason when the actors file is bad.</param>
    /// <exception cref="Core.Errors.ModelFileException">When a model file is missing or corrupt.</exception>
    public static AnalysisPipeline? TryCreate(FileInfo? actorsFile, string? databasePath, out string? error)
    {
        error = null;
        var path = actorsFile?.FullName;
        if (path is null && databasePath is not null)
        {
            var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", ActorsFileName);
            path = File.Exists(beside) ? beside : null;
        }

        if (path is null)
        {
            return DefaultPipeline.Create();
        }

        var result = ActorKnowledgeBase.Default.WithUserActors(path);
        if (result.KnowledgeBase is null)
        {
            error = result.Error;
            return null;
        }

        return DefaultPipeline.Create(result.KnowledgeBase);
    }
}
