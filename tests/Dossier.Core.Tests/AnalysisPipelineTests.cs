using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests;

public class AnalysisPipelineTests
{
    private sealed class CountingStage(string name, List<string> calls) : IStage
    {
        public string Name => name;

        public Document Process(Document document)
        {
            calls.Add(name);
            return document with { Tokens = [.. document.Tokens, new Token(0, 1, 0)] };
        }
    }

    [Fact]
    public void Process_EnglishDocument_RunsStagesInOrder()
    {
        var calls = new List<string>();
        var pipeline = new AnalysisPipeline([new CountingStage("a", calls), new CountingStage("b", calls)]);
        var result = pipeline.Process(new Document("Some text.", new DocumentMetadata(null, "x", null)));
        Assert.Equal(["a", "b"], calls);
        Assert.Equal(2, result.Tokens.Length);
    }

    [Fact]
    public void Process_NonEnglishDocument_ReturnsItUnanalysed()
    {
        var calls = new List<string>();
        var pipeline = new AnalysisPipeline([new CountingStage("a", calls)]);
        var french = new Document("Les ministres se sont réunis.", new DocumentMetadata(null, "x", null), "fr");
        Assert.Same(french, pipeline.Process(french));
        Assert.Empty(calls);
    }

    [Fact]
    public void Process_StageAddsLayer_LeavesInputDocumentUnchanged()
    {
        var pipeline = new AnalysisPipeline([new CountingStage("a", [])]);
        var input = new Document("Some text.", new DocumentMetadata(null, "x", null));
        var output = pipeline.Process(input);
        Assert.Empty(input.Tokens);
        Assert.Equal(input.Text, output.Text);
        Assert.Equal(input.Id, output.Id);
    }
}
