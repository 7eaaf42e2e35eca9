using Dossier.Nlp.Entities;

namespace Dossier.Nlp.Tests.Entities;

public sealed class NerModelTests
{
    [Fact]
    public void TinyCorpus_TrainedInTest_FindsItsNamesAgain()
    {
        var data = NerTestData.WriteTinyData();
        try
        {
            var output = Path.Combine(data, "models");
            NerTrainer.Train(data, output, TextWriter.Null, NerTestData.TinyOptions(Path.Combine(data, "gazetteer.tsv.gz")));
            var model = NerModel.Load(output);
            var doc = NerTestData.Analyse(model, "Anna Berg visited Oslo.");
            Assert.Equal("PERSON", NerTestData.Find(doc, "Anna Berg")?.Type);
            var oslo = NerTestData.Find(doc, "Oslo");
            Assert.Equal("GPE", oslo?.Type);
            Assert.Equal("NOR", oslo?.Country);
        }
        finally
        {
            Directory.Delete(data, true);
        }
    }

    [Fact]
    public void TinyCorpus_TrainedTwice_GivesByteIdenticalFiles()
    {
        var data = NerTestData.WriteTinyData();
        try
        {
            var options = NerTestData.TinyOptions(Path.Combine(data, "gazetteer.tsv.gz"));
            NerTrainer.Train(data, Path.Combine(data, "a"), TextWriter.Null, options);
            NerTrainer.Train(data, Path.Combine(data, "b"), TextWriter.Null, options);
            foreach (var name in NerModel.FileNames)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(data, "a", name)), File.ReadAllBytes(Path.Combine(data, "b", name)));
            }
        }
        finally
        {
            Directory.Delete(data, true);
        }
    }

    [Fact]
    public void ShippedModel_SavedAndLoaded_IsTheSameModel()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-ner-" + Guid.NewGuid().ToString("N"));
        try
        {
            NerTestData.Shipped.Save(folder);
            var again = NerModel.Load(folder);
            Assert.True(again.SameAs(NerTestData.Shipped));
            foreach (var name in NerModel.FileNames)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(NerTestData.ModelsDirectory, name)), File.ReadAllBytes(Path.Combine(folder, name)));
            }
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Load_MissingModel_ThrowsNamingTheFileAndTheTrainCommand()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-ner-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "ner"));
            File.Copy(Path.Combine(NerTestData.ModelsDirectory, "ner", NerModel.GazetteerFileName), Path.Combine(folder, "ner", NerModel.GazetteerFileName));
            var e = Assert.Throws<NerModelLoadException>(() => NerModel.Load(folder));
            Assert.Contains(NerModel.TaggerFileName, e.Message);
            Assert.Contains("dossier train ner --data ../shared/data --out models/", e.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData(NerModel.TaggerFileName)]
    [InlineData(NerModel.GazetteerFileName)]
    public void Load_CorruptFile_ThrowsNamingTheFile(string file)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dossier-ner-" + Guid.NewGuid().ToString("N"));
        try
        {
            NerTestData.Shipped.Save(folder);
            var path = Path.Combine(folder, "ner", file);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
            var e = Assert.Throws<NerModelLoadException>(() => NerModel.Load(folder));
            Assert.Contains(file, e.Message);
            Assert.Equal(path, e.FilePath);
            Assert.Contains("dossier train ner", e.Message);

            File.WriteAllText(path, "not a model");
            e = Assert.Throws<NerModelLoadException>(() => NerModel.Load(folder));
            Assert.Contains(file, e.Message);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
