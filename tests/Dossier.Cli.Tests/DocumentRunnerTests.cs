using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Ingest;

namespace Dossier.Cli.Tests;

public class DocumentRunnerTests
{
    [Fact]
    public async Task RunAsync_DocumentsFinishingOutOfOrderOnFourThreads_SinkAndProgressSeeInputOrder()
    {
        using var run = new CliRun();
        // Earlier documents take longer, so that on several threads they finish after later ones.
        var inputs = Enumerable.Range(0, 24).Select(i => run.Write($"d{i:00}.txt", $"Report {i}.\nDelay {(24 - i) % 6 * 15} ms for document {i}.")).ToList();
        inputs.Insert(5, Path.Combine(run.Directory, "missing.txt"));
        var runner = new DocumentRunner(new AnalysisPipeline([new DelayStage()]), new ReadOptions(), threads: 4);
        var sunk = new List<string>();
        var progress = new List<string>();

        var summary = await runner.RunAsync(inputs, (d, _) => { sunk.Add(d.Metadata.Source); return Task.FromResult(true); }, r => progress.Add(r.Input));

        Assert.Equal(inputs.Where(i => !i.EndsWith("missing.txt", StringComparison.Ordinal)).Select(Path.GetFileName), sunk.Select(Path.GetFileName));
        Assert.Equal(inputs, progress);
        Assert.Equal(24, summary.New);
        Assert.StartsWith(inputs[5], Assert.Single(summary.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SlowSink_ReadsAtMostAWindowAhead()
    {
        using var run = new CliRun();
        var inputs = Enumerable.Range(0, 40).Select(i => run.Write($"d{i:00}.txt", $"Report {i}.\nText of document {i}.")).ToList();
        var stage = new DelayStage();
        var runner = new DocumentRunner(new AnalysisPipeline([stage]), new ReadOptions(), threads: 2);
        var sunk = 0;
        var mostAhead = 0;

        await runner.RunAsync(inputs, async (_, _) =>
        {
            await Task.Delay(10);
            sunk++;
            mostAhead = Math.Max(mostAhead, stage.Calls - sunk);
            return true;
        });

        Assert.Equal(40, sunk);
        Assert.InRange(mostAhead, 0, runner.Window);
    }

    [Fact]
    public void Threads_ZeroOrLess_IsTheProcessorCount()
    {
        var runner = new DocumentRunner(new AnalysisPipeline([new DelayStage()]), new ReadOptions(), threads: 0);

        Assert.Equal(Environment.ProcessorCount, runner.Threads);
    }

    [Fact]
    public void WordsPerSecond_OneDocument_IsNullAndSeveralLeaveStartUpOut()
    {
        var one = new IngestSummary { New = 1, Words = 100, Elapsed = TimeSpan.FromSeconds(2), Startup = TimeSpan.FromSeconds(1), StartupWords = 100 };
        var three = one with { New = 3, Words = 300 };

        Assert.Null(one.WordsPerSecond);
        Assert.Equal(200, three.WordsPerSecond);
    }

    /// <summary>A stage that sleeps the number of milliseconds written after "Delay" in the text, and counts its calls.</summary>
    private sealed class DelayStage : IStage
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string Name => "delay";

        public Layers Needs => Layers.None;

        public Layers Uses => Layers.None;

        public Layers Adds => Layers.None;

        public Document Process(Document document)
        {
            Interlocked.Increment(ref _calls);
            var at = document.Text.IndexOf("Delay ", StringComparison.Ordinal);
            if (at >= 0)
            {
                var digits = new string([.. document.Text[(at + 6)..].TakeWhile(char.IsAsciiDigit)]);
                Thread.Sleep(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
            }

            return document;
        }
    }
}
