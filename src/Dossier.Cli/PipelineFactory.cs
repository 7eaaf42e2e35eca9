using Dossier.Core.Pipeline;
using Dossier.Engine;

namespace Dossier.Cli;

/// <summary>Builds the pipeline for a command, with the user's actors file when there is one.</summary>
internal static class PipelineFactory
{
    /// <summary>The name of the actors file looked for beside the database.</summary>
    public const string ActorsFileName = DefaultPipeline.ActorsFileName;

    /// <param name="actorsFile">The <c>--actors</c> value, or null.</param>
    /// <param name="databasePath">For ingest: the database, beside which <see cref="ActorsFileName"/> is used when present.</param>
    /// <param name="error">The one-line reason when the actors file is bad.</param>
    /// <exception cref="Core.Errors.ModelFileException">When a model file is missing or corrupt.</exception>
    public static AnalysisPipeline? TryCreate(FileInfo? actorsFile, string? databasePath, out string? error) =>
        DefaultPipeline.TryCreate(actorsFile?.FullName, databasePath, out error);
}
