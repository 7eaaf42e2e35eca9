using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Core.Serialization;
using Dossier.Engine;
using Dossier.Ingest;

namespace Dossier.Cli.Tests;

public class AnalysisLimitsTests
{
    [Fact]
    public async Task Analyze_DocumentOverTheWordLimit_FailsInOneLineAndTheOthersAreAnalysed()
    {
        using var run = new CliRun();
        var big = run.Write("big.txt", string.Join(' ', Enumerable.Repeat("word", 500)) + ".");
        var small = run.Write("small.txt", "The foreign minister met the ambassador of France in Paris on Tuesday, and they agreed to hold more talks in the spring.");

        var (exit, output, error) = await run.RunAsync("analyze", big, small, "--format", "jsonl", "--max-words", "100");

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        Assert.Contains($"{big}: 500 words is over the per-document limit of 100 words", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Analyze_TwoHundredKilobyteSentence_OutputStaysUnderTwentyMegabytes()
    {
        using var run = new CliRun();
        var words = new[] { "minister", "met", "ambassador", "talks", "agreed", "trade", "government", "officials", "said", "visit" };
        var random = new Random(14);
        var text = new System.Text.StringBuilder();
        while (text.Length < 200_000) text.Append(words[random.Next(words.Length)]).Append(' ');
        var one = run.Write("one.txt", text.ToString());

        var (exit, output, error) = await run.RunAsync("analyze", one, "--format", "jsonl");

        Assert.True(exit == ExitCodes.Success, error);
        Assert.True(output.Length < 20_000_000, $"{output.Length:N0} characters of JSON for 200 KB of text");
        var document = DossierJson.Deserialize(output.Trim());
        Assert.All(document.Sentences, s => Assert.True(s.TokenCount <= Nlp.Tokenization.SentenceSplitter.MaxTokens));
        Assert.All(document.Events, e => Assert.True(e.Evidence.Length <= Event.MaxEvidenceLength));
    }

    [Fact]
    public async Task Run_AnalysisPastTheTimeBudget_FailsThatDocumentAndStoresNothingOfIt()
    {
        using var run = new CliRun();
        var input = run.Write("slow.txt", "The foreign minister met the ambassador of France in Paris on Tuesday, and they agreed to hold more talks in the spring.");
        var pipeline = new AnalysisPipeline([new SlowStage(TimeSpan.FromMilliseconds(300)), new SlowStage(TimeSpan.Zero)]);
        var runner = new DocumentRunner(pipeline, new ReadOptions(), new AnalysisLimits { TimeBudget = TimeSpan.FromMilliseconds(50) });
        var stored = new List<Document>();

        var summary = await runner.RunAsync([input], (d, _) => { stored.Add(d); return Task.FromResult(true); });

        Assert.Empty(stored);
        var failure = Assert.Single(summary.Failures);
        Assert.StartsWith(input + ": the analysis ran past the per-document time budget", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_CancelledToken_StopsBeforeTheNextStage()
    {
        var second = new SlowStage(TimeSpan.Zero);
        var pipeline = new AnalysisPipeline([new SlowStage(TimeSpan.Zero), second]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => pipeline.Process(new Document("Text.", new DocumentMetadata(null, "x", null)), cancelled.Token));
        Assert.Equal(0, second.Calls);
    }

    /// <summary>A stage that takes at least the given time and adds nothing.</summary>
    private sealed class SlowStage(TimeSpan delay) : IStage
    {
        public int Calls { get; private set; }

        public string Name => "slow";

        public Layers Needs => Layers.None;

        public Layers Uses => Layers.None;

        public Layers Adds => Layers.None;

        public Document Process(Document document)
        {
            Calls++;
            Thread.Sleep(delay);
            return document;
        }
    }
}
