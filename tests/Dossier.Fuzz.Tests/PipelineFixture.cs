using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Engine;

namespace Dossier.Fuzz.Tests;

/// <summary>The default pipeline, its models loaded once per test class.</summary>
public sealed class PipelineFixture
{
    public AnalysisPipeline Pipeline { get; } = DefaultPipeline.Create();

    /// <summary>The analysed document of <paramref name="text"/>, as English with a publication date.</summary>
    public Document Analyse(string text) =>
        Pipeline.Process(new Document(text, new DocumentMetadata("Fuzz", "fuzz", new DateOnly(2024, 3, 12))));
}
