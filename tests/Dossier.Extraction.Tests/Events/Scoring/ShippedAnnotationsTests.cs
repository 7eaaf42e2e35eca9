using System.Text.Json;
using Dossier.Extraction.Coreference;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>
/// Integrity of the committed event annotations (<c>data/annotations/events/*.jsonl</c>): a document's split is the same in
/// every file, so that no sentence of a dev or heldout document is ever trained on through another file.
/// </summary>
public sealed class ShippedAnnotationsTests
{
    private static readonly string Folder = Path.Combine(SharedData.RepositoryRoot, "data", "annotations", "events");

    private static IEnumerable<(string File, string Corpus, string Doc, string Split)> Records() =>
        Directory.GetFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(f => File.ReadLines(f)
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                using var json = JsonDocument.Parse(l);
                var r = json.RootElement;
                return (Path.GetFileName(f), r.GetProperty("corpus").GetString()!, r.GetProperty("doc").GetString()!, r.GetProperty("split").GetString()!);
            }).ToList());

    [Fact]
    public void ShippedAnnotations_DocumentAnnotatedInSeveralFiles_HasOneSplitInAll()
    {
        var mixed = Records()
            .GroupBy(r => (r.Corpus, r.Doc))
            .Where(g => g.Select(r => r.Split).Distinct().Count() > 1)
            .Select(g => $"{g.Key.Corpus} {g.Key.Doc}: " + string.Join(", ", g.Select(r => $"{r.File}={r.Split}").Distinct()))
            .ToList();
        Assert.True(mixed.Count == 0, "documents with more than one split: " + string.Join("; ", mixed));
    }

    [Fact]
    public void ShippedAnnotations_More3File_HoldsOnlyTrainDocumentsOutsideGumsOwnDevSet()
    {
        var more3 = Records().Where(r => r.File == "more3.jsonl").ToList();
        Assert.NotEmpty(more3);
        Assert.All(more3, r => Assert.Equal("train", r.Split));
        var gumDev = CorefEvaluator.GumDevDocuments.ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(more3, r => r.Corpus == "gum" && gumDev.Contains(r.Doc));
    }

    [SkippableFact]
    public void ShippedAnnotations_More3File_EwtDocumentsAreDocumentsOfEwtsTrainFile()
    {
        var train = SharedData.Require("data/ud-ewt/en_ewt-ud-train.conllu");
        var trainDocs = File.ReadLines(train).Where(l => l.StartsWith("# newdoc id = ", StringComparison.Ordinal))
            .Select(l => l["# newdoc id = ".Length..].Trim()).ToHashSet(StringComparer.Ordinal);
        var ewt = Records().Where(r => r.File == "more3.jsonl" && r.Corpus == "ewt").Select(r => r.Doc).Distinct().ToList();
        Assert.NotEmpty(ewt);
        Assert.All(ewt, d => Assert.Contains(d, trainDocs));
    }
}
