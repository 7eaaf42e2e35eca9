using Dossier.Core.Data;
using Dossier.Core.Documents;
using Dossier.Core.Labels;
using Dossier.Core.Pipeline;
using Dossier.Nlp.Tokenization;
using Dossier.Nlp.Topics;
using Dossier.Testing;

namespace Dossier.Nlp.Tests.Topics;

/// <summary>The topic classifier: the shipped model on short reports written for these tests, training, the model file,
/// the stage and the label files.</summary>
public class TopicModelTests
{
    private static readonly TokenizationStage Tokens = new();
    private static readonly Lazy<TopicModel> Shipped = new(() => TopicModel.Load(Path.Combine(SharedData.RepositoryRoot, "models", TopicModel.DirectoryName, TopicModel.FileName)));

    private static Document Doc(string title, string text) => Tokens.Process(new Document(text, new DocumentMetadata(title, "test.txt", null)));

    [Theory]
    [InlineData("politics", "Parliament rejects budget as coalition splits",
        "The opposition forced a vote of no confidence on Tuesday after two junior parties left the governing coalition. The prime minister said she would ask the president to call an early election. Ministers of the foreign office met ambassadors to reassure allies about the treaty talks.")]
    [InlineData("business", "Carmaker profits fall as sales slow",
        "Shares in the carmaker fell 4% after it reported a sharp drop in quarterly profits. The firm blamed weak sales in Asia and higher costs for steel. Analysts expect the company to cut its dividend, and investors worry about its debt as interest rates rise.")]
    [InlineData("sport", "Late goal sends Rovers top of the league",
        "A header in the final minute gave the home side a 2-1 win and lifted them to the top of the table. The striker, signed from a rival club in the summer, has now scored nine goals this season. The coach praised his defenders after a nervous second half.")]
    [InlineData("entertainment", "Singer's new album tops the charts",
        "The singer's third album went straight to number one in its first week, ahead of a film soundtrack. Her world tour starts in the spring and tickets for the London concerts sold out in hours. Critics called the record her best, and she has been nominated for two music awards.")]
    [InlineData("science", "New chip promises faster phones",
        "Engineers have designed a processor that uses half the power of current chips, which could extend the battery life of mobile phones. The software runs on a new kind of memory, and researchers say computers and gadgets built with it could reach shops in two years. Users of broadband networks would also benefit.")]
    [InlineData("other", "Storm brings floods and snow to the north",
        "Heavy rain and strong winds swept across the northern valleys overnight, and rivers burst their banks in three villages. Forecasters warn of more snow and ice on the roads this weekend, and rescue teams helped families leave flooded homes.")]
    public void Classify_ShortReportOfOneTopic_GivesThatTopic(string topic, string title, string text) =>
        Assert.Equal(topic, Shipped.Value.Classify(Doc(title, text)));

    [Fact]
    public void Classify_NoWords_GivesOther() =>
        Assert.Equal(DocumentTopics.Other, Shipped.Value.Classify(Doc("", "12 345 – 67")));

    [Fact]
    public void Probabilities_ShortReport_SumToOneInTopicOrder()
    {
        var probabilities = Shipped.Value.Probabilities(Doc("Cup final", "The keeper saved a penalty and the team won the cup final on Sunday."));

        Assert.Equal(DocumentTopics.All.Length, probabilities.Count);
        Assert.Equal(1.0, probabilities.Sum(), 6);
        Assert.Equal(DocumentTopics.All.IndexOf(DocumentTopics.Sport), probabilities.Select((p, i) => (p, i)).MaxBy(x => x.p).i);
    }

    private static IReadOnlyList<TopicExample> TinyCorpus()
    {
        var lines = new (string Topic, string Text)[]
        {
            ("politics", "the minister and the parliament debated the election law"),
            ("politics", "voters elect a new parliament and the minister resigns"),
            ("sport", "the team scored a goal and won the match"),
            ("sport", "the striker missed a goal in the second match of the season"),
            ("business", "the company reported profits and its shares rose"),
            ("business", "shares of the bank fell after weak profits"),
            ("entertainment", "the film won an award and the actor thanked fans"),
            ("science", "researchers built a faster computer chip"),
            ("other", "heavy rain and snow closed roads across the region"),
        };
        return [.. lines.Select((l, i) => new TopicExample("test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Topic, TopicCorpus.Train, Doc("", l.Text)))];
    }

    [Fact]
    public void Train_TinyCorpus_ClassifiesUnseenSentencesByTheirWords()
    {
        var model = TopicTrainer.Train(TinyCorpus(), new TopicSettings(Bigrams: true, Binary: false, Alpha: 0.1, MinCount: 1, UniformPriors: true));

        Assert.Equal("sport", model.Classify(Doc("", "a late goal won the match")));
        Assert.Equal("politics", model.Classify(Doc("", "the parliament and the minister")));
        Assert.Equal("business", model.Classify(Doc("", "profits and shares")));
    }

    [Fact]
    public void SaveLoad_TrainedModel_SameClassificationsAndSameBytes()
    {
        using var folder = ModelFolderCopy.Empty();
        var first = Path.Combine(folder.FullName, "a.bin.gz");
        var second = Path.Combine(folder.FullName, "b.bin.gz");
        var model = TopicTrainer.Train(TinyCorpus(), new TopicSettings(true, true, 0.3, 1, false));
        model.Save(first);
        var loaded = TopicModel.Load(first);
        loaded.Save(second);

        Assert.Equal(model.Settings, loaded.Settings);
        Assert.Equal(model.Features, loaded.Features);
        foreach (var example in TinyCorpus())
        {
            Assert.Equal(model.Probabilities(example.Document), loaded.Probabilities(example.Document));
        }

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheFileAndTheRebuildCommand()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-topic-model.bin.gz");

        var error = Assert.Throws<TopicModelLoadException>(() => TopicModel.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("dossier train topics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stage_AfterTokens_SetsTheTopicAndDeclaresItsLayers()
    {
        var stage = new TopicStage(Shipped.Value);
        var document = Doc("Election called", "The president dissolved parliament and called an election after the government lost a vote.");

        Assert.Equal(("topic", Layers.Tokens, Layers.Topic), (stage.Name, stage.Needs, stage.Adds));
        Assert.Equal(DocumentTopics.Politics, stage.Process(document).Topic);
        Assert.Null(document.Topic);
    }

    [Fact]
    public void LoadCorpus_UnknownTopic_FailsNamingFileAndLine()
    {
        using var folder = ModelFolderCopy.Empty();
        File.WriteAllText(Path.Combine(folder.FullName, "gum.tsv"), "# id\ttopic\tsplit\nGUM_news_x\tweather\ttrain\n");

        var error = Assert.Throws<DataFileException>(() => TopicCorpus.Load(folder.FullName, folder.FullName, Tokens.Process));

        Assert.Contains("gum.tsv:2", error.Message, StringComparison.Ordinal);
        Assert.Contains("weather", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCorpus_CommittedLabels_EveryRowHasAKnownTopicAndSplit()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "data", "annotations", "topics");
        var rows = Directory.EnumerateFiles(folder, "*.tsv").SelectMany(f => TsvFile.Read(f, minColumns: 3)).ToList();

        Assert.True(rows.Count > 2000, $"{rows.Count} rows");
        Assert.All(rows, r => Assert.True(DocumentTopics.IsTopic(r.Columns[1]) && TopicCorpus.Splits.Contains(r.Columns[2]), $"{r.File}:{r.Line}"));
        Assert.Equal(rows.Count, rows.Select(r => r.File + "\t" + r.Columns[0]).Distinct().Count());
    }
}
