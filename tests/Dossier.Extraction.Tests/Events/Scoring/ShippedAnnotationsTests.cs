using System.Text.Json;
using Dossier.Extraction.Coreference;
using Dossier.Extraction.Events.Annotations;
using Dossier.Testing;

namespace Dossier.Extraction.Tests.Events.Scoring;

/// <summary>
/// Integrity of the committed event annotations (<c>data/annotations/events/**/*.jsonl</c>, the sentences kept aside in
/// <c>extra/</c> and the second annotator's in <c>agreement/</c> included): a document's split is the same in every file,
/// so that no sentence of a dev or heldout document is ever trained on through another file.
/// </summary>
public sealed class ShippedAnnotationsTests
{
    private static readonly string Folder = Path.Combine(SharedData.RepositoryRoot, "data", "annotations", "events");

    private static IEnumerable<(string File, string Corpus, string Doc, string Split)> Records() =>
        Directory.GetFiles(Folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).SelectMany(f => File.ReadLines(f)
            .Where(l => l.Length > 0)
            .Select(l =>
            {
                using var json = JsonDocument.Parse(l);
                var r = json.RootElement;
                return (Path.GetRelativePath(Folder, f).Replace('\\', '/'), r.GetProperty("corpus").GetString()!, r.GetProperty("doc").GetString()!, r.GetProperty("split").GetString()!);
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
    public void ShippedAnnotations_More3File_HoldsOnlyTrainDocumentsThatNoOtherFileAnnotatesOutsideGumsOwnDevSet()
    {
        var records = Records().ToList();
        var more3 = records.Where(r => r.File == "more3.jsonl").ToList();
        var elsewhere = records.Where(r => r.File != "more3.jsonl").Select(r => (r.Corpus, r.Doc)).ToHashSet();
        Assert.DoesNotContain(more3, r => elsewhere.Contains((r.Corpus, r.Doc)));
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

    [Fact]
    public void ShippedAnnotations_ConllMore3File_HoldsOnlyTrainDocumentsOfConllsTrainFileThatNoOtherFileAnnotates()
    {
        var records = Records().ToList();
        var more3 = records.Where(r => r.File == "conll-more3.jsonl").ToList();
        var elsewhere = records.Where(r => r.File != "conll-more3.jsonl").Select(r => (r.Corpus, r.Doc)).ToHashSet();
        Assert.NotEmpty(more3);
        Assert.DoesNotContain(more3, r => elsewhere.Contains((r.Corpus, r.Doc)));
        Assert.All(more3, r => Assert.Equal("train", r.Split));
        Assert.All(more3, r => Assert.Equal("conll", r.Corpus));
        Assert.All(more3, r => Assert.StartsWith("eng.train.txt#", r.Doc, StringComparison.Ordinal));
    }

    [SkippableFact]
    public void ShippedAnnotations_ConllMore3File_EveryDocumentIsWholeAndEveryRoleIsPartOfItsRebuiltSentence()
    {
        var documents = ConllTrainDocuments(SharedData.Require("data/conll2003/eng.train.txt"));
        var lines = File.ReadLines(Path.Combine(Folder, "conll-more3.jsonl")).Where(l => l.Length > 0).ToList();
        var sentencesPerDoc = new Dictionary<int, List<int>>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var r = json.RootElement;
            var doc = int.Parse(r.GetProperty("doc").GetString()!["eng.train.txt#".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var sent = r.GetProperty("sent").GetInt32();
            Assert.Equal(JsonValueKind.Null, r.GetProperty("text").ValueKind);
            Assert.InRange(sent, 0, documents[doc].Count - 1);
            var text = documents[doc][sent];
            foreach (var e in r.GetProperty("events").EnumerateArray())
                foreach (var field in new[] { "trigger", "source", "target", "speaker" })
                    if (e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String)
                        Assert.True(text.Contains(v.GetString()!, StringComparison.Ordinal), $"#{doc}:{sent} {field} '{v.GetString()}' is not in: {text}");
            (sentencesPerDoc.TryGetValue(doc, out var list) ? list : sentencesPerDoc[doc] = []).Add(sent);
        }
        Assert.All(sentencesPerDoc, kv => Assert.Equal(Enumerable.Range(0, documents[kv.Key].Count), kv.Value.Order()));
    }

    /// <summary>The documents of a CoNLL-2003 file: per <c>-DOCSTART-</c>, its sentences as the tokens joined by single spaces.</summary>
    private static List<List<string>> ConllTrainDocuments(string path)
    {
        var documents = new List<List<string>>();
        var tokens = new List<string>();
        void Flush()
        {
            if (tokens.Count > 0 && documents.Count > 0) documents[^1].Add(string.Join(' ', tokens));
            tokens.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) { Flush(); documents.Add([]); continue; }
            if (line.Trim().Length == 0) { Flush(); continue; }
            tokens.Add(line.Split(' ')[0]);
        }
        Flush();
        return documents;
    }

    [Fact]
    public void ShippedAnnotations_TempEvalFile_HoldsOnlyTrainDocumentsOfTempEvalThatNoOtherFileAnnotates()
    {
        var records = Records().ToList();
        var tempeval = records.Where(r => r.File == "tempeval.jsonl").ToList();
        Assert.NotEmpty(tempeval);
        Assert.All(tempeval, r => Assert.Equal(EventAnnotations.TempEvalCorpus, r.Corpus));
        Assert.All(tempeval, r => Assert.Equal("train", r.Split));
        Assert.All(tempeval, r => Assert.Matches("^(TimeBank|AQUAINT)/[A-Za-z0-9_.-]+\\.tml$", r.Doc));
        var elsewhere = records.Where(r => r.File != "tempeval.jsonl").Select(r => (r.Corpus, r.Doc)).ToHashSet();
        Assert.DoesNotContain(tempeval, r => elsewhere.Contains((r.Corpus, r.Doc)));
    }

    [SkippableTheory]
    [InlineData("tempeval.jsonl")]
    [InlineData("tempeval-dev.jsonl")]
    [InlineData("tempeval-heldout2.jsonl")]
    public void ShippedAnnotations_TempEvalFile_EverySentenceRebuildsAndHoldsItsRoles(string file)
    {
        var directory = SharedData.Require("data/tempeval3");
        var sentences = EventAnnotations.Read(Path.Combine(Folder, file), null, directory);
        Assert.NotEmpty(sentences);
        Assert.Equal(Records().Count(r => r.File == file), sentences.Count);
        var bad = sentences.SelectMany(s => s.Events.SelectMany(e => new[] { e.Trigger, e.Source, e.Target })
                .Where(v => v is not null && !s.Text.Contains(v, StringComparison.Ordinal))
                .Select(v => $"{s.Doc}#{s.Sent}: '{v}'"))
            .ToList();
        Assert.True(bad.Count == 0, "roles not in their sentence: " + string.Join("; ", bad));
    }

    /// <summary>The hand topic labels of every TempEval-3 document (<c>data/annotations/topics/tempeval3.tsv</c>), keyed by
    /// the event records' <c>doc</c> (the TimeML path, <c>.tml</c> included): (topic, split).</summary>
    private static Dictionary<string, (string Topic, string Split)> TempEvalTopics() =>
        File.ReadLines(Path.Combine(SharedData.RepositoryRoot, "data", "annotations", "topics", "tempeval3.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0] + ".tml", f => (f[1].Trim(), f[2].Trim()), StringComparer.Ordinal);

    /// <summary>The event split that is the same split as a topic label's: the topic labels' <c>heldout</c> is the events'
    /// second held-out set <c>heldout2</c> (the events' own <c>heldout</c> was read too often); train and dev are themselves.</summary>
    private static string EventSplitOfTopicSplit(string topicSplit) => topicSplit == "heldout" ? EventAnnotations.SecondHeldOut : topicSplit;

    [Fact]
    public void ShippedAnnotations_TempEvalDocument_HasTheSplitItsTopicLabelGivesIt()
    {
        var topics = TempEvalTopics();
        var tempeval = Records().Where(r => r.Corpus == EventAnnotations.TempEvalCorpus).ToList();
        Assert.NotEmpty(tempeval);
        var unlabelled = tempeval.Where(r => !topics.ContainsKey(r.Doc)).Select(r => r.Doc).Distinct().ToList();
        Assert.True(unlabelled.Count == 0, "TempEval documents with no topic label: " + string.Join(", ", unlabelled));
        var mixed = tempeval.Where(r => r.Split != EventSplitOfTopicSplit(topics[r.Doc].Split))
            .Select(r => $"{r.File} {r.Doc}: {r.Split}, topic split {topics[r.Doc].Split}").Distinct().ToList();
        Assert.True(mixed.Count == 0, "TempEval documents whose event split is not their topic split: " + string.Join("; ", mixed));
    }

    [Fact]
    public void ShippedAnnotations_Heldout2Split_IsOnlyTempEvalHeldOutNewsInItsOwnFileAnnotatedNowhereElse()
    {
        var records = Records().ToList();
        var heldout2 = records.Where(r => r.Split == EventAnnotations.SecondHeldOut).ToList();
        Assert.NotEmpty(heldout2);
        Assert.All(heldout2, r => Assert.Equal("tempeval-heldout2.jsonl", r.File));
        Assert.All(records.Where(r => r.File == "tempeval-heldout2.jsonl"), r => Assert.Equal(EventAnnotations.SecondHeldOut, r.Split));
        Assert.All(heldout2, r => Assert.Equal(EventAnnotations.TempEvalCorpus, r.Corpus));
        var topics = TempEvalTopics();
        Assert.All(heldout2, r => Assert.Equal("heldout", topics[r.Doc].Split));
        var elsewhere = records.Where(r => r.File != "tempeval-heldout2.jsonl").Select(r => (r.Corpus, r.Doc)).ToHashSet();
        Assert.DoesNotContain(heldout2, r => elsewhere.Contains((r.Corpus, r.Doc)));
    }

    [Fact]
    public void ShippedAnnotations_TempEvalDevFile_HoldsOnlyPoliticsOrBusinessDevDocumentsThatNoOtherFileAnnotates()
    {
        var topics = TempEvalTopics();
        var records = Records().ToList();
        var dev = records.Where(r => r.File == "tempeval-dev.jsonl").ToList();
        Assert.NotEmpty(dev);
        Assert.All(dev, r => Assert.Equal(EventAnnotations.TempEvalCorpus, r.Corpus));
        Assert.All(dev, r => Assert.Equal("dev", r.Split));
        Assert.All(dev, r => Assert.Contains(topics[r.Doc], new[] { ("politics", "dev"), ("business", "dev") }));
        var elsewhere = records.Where(r => r.File != "tempeval-dev.jsonl").Select(r => (r.Corpus, r.Doc)).ToHashSet();
        Assert.DoesNotContain(dev, r => elsewhere.Contains((r.Corpus, r.Doc)));
    }

    [SkippableTheory]
    [InlineData("tempeval-dev.jsonl")]
    [InlineData("tempeval-heldout2.jsonl")]
    public void ShippedAnnotations_TempEvalDevOrHeldout2File_EveryDocumentIsCoveredWholeBySentencesInOrderWithOnlySpaceBetween(string file)
    {
        var directory = SharedData.Require("data/tempeval3");
        var gaps = new List<string>();
        foreach (var doc in File.ReadLines(Path.Combine(Folder, file)).Where(l => l.Length > 0)
                     .Select(l =>
                     {
                         using var json = JsonDocument.Parse(l);
                         var r = json.RootElement;
                         return (Doc: r.GetProperty("doc").GetString()!, Sent: r.GetProperty("sent").GetInt32(), Start: r.GetProperty("start").GetInt32(), End: r.GetProperty("end").GetInt32());
                     })
                     .GroupBy(r => r.Doc))
        {
            var text = Dossier.Nlp.Time.TimexEvaluator.Read(Path.Combine(directory, doc.Key))!.Text;
            var spans = doc.ToList();
            Assert.Equal(Enumerable.Range(0, spans.Count), spans.Select(s => s.Sent));
            var previous = 0;
            foreach (var (sent, start, end) in spans.Select(s => (s.Sent, s.Start, s.End)).Append((spans.Count, text.Length, text.Length)))
            {
                if (start < previous || !string.IsNullOrWhiteSpace(text[previous..start]))
                    gaps.Add($"{doc.Key}#{sent}: '{(start < previous ? "overlap" : text[previous..start])}'");
                previous = Math.Max(previous, end);
            }
        }

        Assert.True(gaps.Count == 0, "text outside every sentence, or sentences overlapping: " + string.Join("; ", gaps));
    }

    [Fact]
    public void ShippedAnnotations_GumMoreFile_HoldsGumDocumentsNoOtherFileAnnotatesDevExactlyWhenGumsOwnDevSetHoldsThem()
    {
        var records = Records().ToList();
        var more = records.Where(r => r.File == "gum-more.jsonl").ToList();
        Assert.NotEmpty(more);
        Assert.All(more, r => Assert.Equal("gum", r.Corpus));
        var elsewhere = records.Where(r => r.File != "gum-more.jsonl").Select(r => (r.Corpus, r.Doc)).ToHashSet();
        Assert.DoesNotContain(more, r => elsewhere.Contains((r.Corpus, r.Doc)));
        var gumDev = CorefEvaluator.GumDevDocuments.ToHashSet(StringComparer.Ordinal);
        Assert.All(more, r => Assert.Equal(gumDev.Contains(r.Doc) ? "dev" : "train", r.Split));
    }

    /// <summary>The BBC half of the third held-out set (<c>bbc-heldout3.jsonl</c>, branch ev16b).</summary>
    private const string BbcHeldOut3File = "bbc-heldout3.jsonl";

    /// <summary>BBC documents for training and dev (<c>bbc.jsonl</c>, branch ev16d).</summary>
    private const string BbcFile = "bbc.jsonl";

    /// <summary>The BBC topic labels (<c>data/annotations/topics/bbc.tsv</c>): document (<c>business/001.txt</c>) to split.</summary>
    private static Dictionary<string, string> BbcTopicSplits() =>
        File.ReadLines(Path.Combine(SharedData.RepositoryRoot, "data", "annotations", "topics", "bbc.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => f[2].Trim(), StringComparer.Ordinal);

    /// <summary>The event split of a BBC document whose topic label has <paramref name="topicSplit"/>: the topic labels'
    /// <c>heldout</c> is the events' third held-out set <c>heldout3</c>; train and dev are themselves.</summary>
    private static string BbcEventSplitOfTopicSplit(string topicSplit) => topicSplit == "heldout" ? EventAnnotations.ThirdHeldOut : topicSplit;

    [Fact]
    public void ShippedAnnotations_BbcHeldout3File_IsOnlyHeldout3BbcDocumentsThatTheTopicLabelsHoldOutAndNoOtherFileAnnotates()
    {
        var records = Records().ToList();
        var bbc = records.Where(r => r.File == BbcHeldOut3File).ToList();
        Assert.NotEmpty(bbc);
        Assert.All(bbc, r => Assert.Equal(EventAnnotations.BbcCorpus, r.Corpus));
        Assert.All(bbc, r => Assert.Equal(EventAnnotations.ThirdHeldOut, r.Split));
        Assert.All(bbc, r => Assert.Matches("^(business|entertainment|sport|tech)/[0-9]{3}\\.txt$", r.Doc));
        var heldOut = bbc.Select(r => r.Doc).ToHashSet(StringComparer.Ordinal);
        // The blind second annotation of part of heldout3 (agreement/, which no reader of the events folder opens) is the one other copy.
        Assert.DoesNotContain(records, r => r.File != BbcHeldOut3File && r.File != Heldout3SecondFile && r.Corpus == EventAnnotations.BbcCorpus && heldOut.Contains(r.Doc));
        var topicSplit = BbcTopicSplits();
        var notHeldOut = heldOut.Where(d => topicSplit.GetValueOrDefault(d) != "heldout").ToList();
        Assert.True(notHeldOut.Count == 0, "BBC documents the topic labels do not hold out: " + string.Join(", ", notHeldOut));
    }

    [Fact]
    public void ShippedAnnotations_BbcDocumentInAnyFile_HasTheSplitItsTopicLabelGivesIt()
    {
        var topicSplit = BbcTopicSplits();
        var bbc = Records().Where(r => r.Corpus == EventAnnotations.BbcCorpus).ToList();
        Assert.Contains(bbc, r => r.File == BbcFile);
        var unlabelled = bbc.Where(r => !topicSplit.ContainsKey(r.Doc)).Select(r => $"{r.File} {r.Doc}").Distinct().ToList();
        Assert.True(unlabelled.Count == 0, "BBC documents without a topic label: " + string.Join(", ", unlabelled));
        var mixed = bbc.Where(r => r.Split != BbcEventSplitOfTopicSplit(topicSplit[r.Doc]))
            .Select(r => $"{r.File} {r.Doc}: {r.Split}, topic split {topicSplit[r.Doc]}").Distinct().ToList();
        Assert.True(mixed.Count == 0, "BBC documents whose event split is not their topic split: " + string.Join("; ", mixed));
    }

    [Fact]
    public void ShippedAnnotations_BbcFile_HoldsOnlyTrainOrDevDocumentsPastTheFilesEarlierBranchesReadAndNoOtherFileAnnotates()
    {
        var records = Records().ToList();
        var bbc = records.Where(r => r.File == BbcFile).ToList();
        Assert.NotEmpty(bbc);
        Assert.All(bbc, r => Assert.Equal(EventAnnotations.BbcCorpus, r.Corpus));
        Assert.All(bbc, r => Assert.Contains(r.Split, new[] { "train", "dev" }));
        Assert.All(bbc, r => Assert.Matches("^(business|entertainment|sport|tech)/[0-9]{3}\\.txt$", r.Doc));
        // The first 34 business, 33 entertainment and 33 sport files by sorted name were read by earlier branches (bbc.md).
        var excluded = new Dictionary<string, int> { ["business"] = 34, ["entertainment"] = 33, ["sport"] = 33, ["tech"] = 0 };
        var early = bbc.Select(r => r.Doc).Distinct()
            .Where(d => int.Parse(d[(d.IndexOf('/') + 1)..^4], System.Globalization.CultureInfo.InvariantCulture) <= excluded[d[..d.IndexOf('/')]])
            .ToList();
        Assert.True(early.Count == 0, "BBC documents among the files earlier branches read: " + string.Join(", ", early));
        var elsewhere = records.Where(r => r.File != BbcFile).Select(r => (r.Corpus, r.Doc)).ToHashSet();
        Assert.DoesNotContain(bbc, r => elsewhere.Contains((r.Corpus, r.Doc)));
    }

    /// <summary>The second annotator's blind labels of a sample of heldout3 documents (agreement/heldout3.md, branch ev16a).</summary>
    private const string Heldout3SecondFile = "agreement/heldout3-second.jsonl";

    private static List<string> SentenceKeys(string file) =>
        File.ReadLines(Path.Combine(Folder, file)).Where(l => l.Length > 0).Select(l =>
        {
            using var json = JsonDocument.Parse(l);
            var r = json.RootElement;
            string Field(string name) => r.TryGetProperty(name, out var v) ? v.ToString() : "";
            return string.Join("|", Field("corpus"), Field("doc"), Field("sent"), Field("split"), Field("text"), Field("start"), Field("end"));
        }).ToList();

    [Fact]
    public void ShippedAnnotations_Heldout3SecondAnnotation_HoldsExactlyTheSentencesOfWholeHeldout3Documents()
    {
        var second = SentenceKeys(Heldout3SecondFile);
        Assert.NotEmpty(second);
        var first = SentenceKeys("ewt-heldout3.jsonl").Concat(SentenceKeys(BbcHeldOut3File)).ToList();
        var docs = second.Select(k => string.Join("|", k.Split('|').Take(2))).ToHashSet(StringComparer.Ordinal);
        var firstOfThoseDocs = first.Where(k => docs.Contains(string.Join("|", k.Split('|').Take(2)))).ToList();
        Assert.Equal(firstOfThoseDocs.Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData(BbcHeldOut3File)]
    [InlineData(BbcFile)]
    public void ShippedAnnotations_BbcFile_EverySentenceRebuildsAndHoldsItsRoles(string file)
    {
        var directory = SharedData.Require("corpora/bbc");
        var sentences = EventAnnotations.Read(Path.Combine(Folder, file), null, bbcDirectory: directory);
        Assert.NotEmpty(sentences);
        Assert.Equal(Records().Count(r => r.File == file), sentences.Count);
        var bad = sentences.SelectMany(s => s.Events.SelectMany(e => new[] { e.Trigger, e.Source, e.Target })
                .Where(v => v is not null && !s.Text.Contains(v, StringComparison.Ordinal))
                .Select(v => $"{s.Doc}#{s.Sent}: '{v}'"))
            .ToList();
        Assert.True(bad.Count == 0, "roles not in their sentence: " + string.Join("; ", bad));
    }

    [SkippableTheory]
    [InlineData(BbcHeldOut3File)]
    [InlineData(BbcFile)]
    public void ShippedAnnotations_BbcFile_EveryDocumentIsCoveredWholeBySentencesInOrderWithOnlySpaceBetween(string file)
    {
        var directory = SharedData.Require("corpora/bbc");
        var gaps = new List<string>();
        foreach (var doc in File.ReadLines(Path.Combine(Folder, file)).Where(l => l.Length > 0)
                     .Select(l =>
                     {
                         using var json = JsonDocument.Parse(l);
                         var r = json.RootElement;
                         return (Doc: r.GetProperty("doc").GetString()!, Sent: r.GetProperty("sent").GetInt32(), Start: r.GetProperty("start").GetInt32(), End: r.GetProperty("end").GetInt32());
                     })
                     .GroupBy(r => r.Doc))
        {
            var text = File.ReadAllText(Path.Combine(directory, doc.Key));
            var spans = doc.ToList();
            Assert.Equal(Enumerable.Range(0, spans.Count), spans.Select(s => s.Sent));
            var previous = 0;
            foreach (var (sent, start, end) in spans.Select(s => (s.Sent, s.Start, s.End)).Append((spans.Count, text.Length, text.Length)))
            {
                if (start < previous || !string.IsNullOrWhiteSpace(text[previous..start]))
                    gaps.Add($"{doc.Key}#{sent}: '{(start < previous ? "overlap" : text[previous..start])}'");
                previous = Math.Max(previous, end);
            }
        }

        Assert.True(gaps.Count == 0, "text outside every sentence, or sentences overlapping: " + string.Join("; ", gaps));
    }
}
