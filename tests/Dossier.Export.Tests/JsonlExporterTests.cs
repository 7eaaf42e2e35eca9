using System.Text;
using System.Text.Json;
using Dossier.Core.Serialization;

namespace Dossier.Export.Tests;

public sealed class JsonlExporterTests : SamplesTest
{
    [Fact]
    public async Task Export_ThreeStoredDocuments_OneDossierLinePerDocument()
    {
        var (text, result) = await ExportRunner.ToStringAsync(new JsonlExporter(), Samples);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(3, result.Records);
        Assert.All(lines, line => Assert.Equal("dossier/1", JsonDocument.Parse(line).RootElement.GetProperty("schema").GetString()));
        Assert.Equal(Samples.Documents.Select(d => d.Id).Order(), lines.Select(l => DossierJson.Deserialize(l).Id).Order());
    }

    [Fact]
    public async Task Export_EachLine_RoundTripsWithDossierJson()
    {
        var (text, _) = await ExportRunner.ToStringAsync(new JsonlExporter(), Samples);

        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            var document = DossierJson.Deserialize(line);
            Assert.Equal(line, DossierJson.Serialize(document));
            var original = Samples.Documents.Single(d => d.Id == document.Id);
            Assert.Equal(DossierJson.Serialize(original), line);
        }
    }

    [Fact]
    public async Task Export_StoredLayers_AreAllInTheLine()
    {
        var (text, _) = await ExportRunner.ToStringAsync(new JsonlExporter(), Samples);

        var reuters = text.TrimEnd('\n').Split('\n').Select(DossierJson.Deserialize).Single(d => d.Id == Samples.Reuters.Id);
        Assert.Equal(["e1", "e2", "e3"], reuters.Entities.Select(e => e.Id));
        Assert.Equal(ExportSamples.ConsultEvidence, reuters.Events.Single(e => e.Type == "CONSULT").Evidence);
        Assert.Equal(Samples.Reuters.Tokens.Length, reuters.Tokens.Length);
        Assert.Equal("UKRGOV", reuters.Entities[0].Code);
    }

    [Fact]
    public async Task Export_ToStream_Utf8WithoutByteOrderMark()
    {
        using var stream = new MemoryStream();

        await new JsonlExporter().ExportAsync(Samples.Store, Samples.Store, ExportTarget.ToStream(stream));

        var bytes = stream.ToArray();
        Assert.Equal((byte)'{', bytes[0]);
        Assert.Contains("président", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.True(stream.CanWrite, "the stream is left open");
    }
}
