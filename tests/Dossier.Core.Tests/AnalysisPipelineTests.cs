using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests;

public class AnalysisPipelineTests
{
    private sealed class CountingStage(string name, List<string> calls, Layers needs = Layers.None, Layers uses = Layers.None, Layers adds = Layers.Tokens) : IStage
    {
        public string Name => name;

        public Layers Needs => needs;

        public Layers Uses => uses;

        public Layers Adds => adds;

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

    [Fact]
    public void Constructor_StageNeedsLayerNoEarlierStageAdds_ThrowsNamingStageAndLayer()
    {
        var events = new CountingStage("events", [], needs: Layers.Tokens | Layers.Syntax, adds: Layers.Events);
        var syntax = new CountingStage("syntax", [], needs: Layers.Tokens, adds: Layers.Syntax);
        var tokens = new CountingStage("tokens", [], adds: Layers.Tokens);

        var error = Assert.Throws<ArgumentException>(() => new AnalysisPipeline([tokens, events, syntax]));

        Assert.Contains("'events'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Syntax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_StageUsesLayerALaterStageAdds_Throws()
    {
        var tokens = new CountingStage("tokens", [], adds: Layers.Tokens);
        var values = new CountingStage("values", [], needs: Layers.Tokens, uses: Layers.Times, adds: Layers.Values);
        var times = new CountingStage("times", [], needs: Layers.Tokens, adds: Layers.Times);

        var error = Assert.Throws<ArgumentException>(() => new AnalysisPipeline([tokens, values, times]));

        Assert.Contains("'times' adds after it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UsedLayerMissingAltogether_Accepted()
    {
        var tokens = new CountingStage("tokens", [], adds: Layers.Tokens);
        var values = new CountingStage("values", [], needs: Layers.Tokens, uses: Layers.Times, adds: Layers.Values);

        var pipeline = new AnalysisPipeline([tokens, values]);

        Assert.Equal(2, pipeline.Stages.Length);
    }

    [Fact]
    public void Constructor_NeededLayerGiven_Accepted()
    {
        var syntax = new CountingStage("syntax", [], needs: Layers.Tokens, adds: Layers.Syntax);

        var pipeline = new AnalysisPipeline([syntax], given: Layers.Tokens);

        Assert.Equal(Layers.Tokens, pipeline.Given);
    }
}
