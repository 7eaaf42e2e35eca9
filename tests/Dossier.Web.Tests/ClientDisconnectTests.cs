using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Engine;
using Dossier.Ingest.Web;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Web.Tests;

/// <summary>Issue 14, item 3 (the web part): a client that goes away during <c>POST /api/documents</c> stops the
/// analysis (no later stage runs) and nothing is stored. A gate stage before the real ones holds the analysis until
/// the server has seen the disconnect, so the test does not depend on how fast the machine is.</summary>
[Collection(WebCollection.Name)]
public class ClientDisconnectTests(WebAppFixture fixture)
{
    private const string Title = "Rotterdam customs seize counterfeit insulin";

    private const string Text = "Customs officers in Rotterdam seized forty thousand doses of counterfeit insulin on Friday, "
        + "the Dutch finance ministry said. The shipment had arrived from Singapore and was bound for clinics in Belgium.";

    [Fact]
    public async Task PostDocument_ClientDisconnectsDuringAnalysis_LaterStagesDoNotRunAndNothingIsStored()
    {
        var gate = new GateStage();
        var witness = new WitnessStage();
        var options = new DossierWebOptions(fixture.DbPath)
        {
            ApiToken = WebAppFixture.Token,
            ConfigureServices = services =>
            {
                services.AddHttpContextAccessor();
                services.AddSingleton(sp =>
                {
                    gate.Accessor = sp.GetRequiredService<IHttpContextAccessor>();
                    var stages = DefaultPipeline.Create().Stages;
                    return new DocumentIngestor(
                        sp.GetRequiredService<IDocumentStore>(),
                        new Lazy<AnalysisPipeline>(() => new AnalysisPipeline([gate, .. stages, witness])),
                        FetchAddressPolicy.PublicOnly([]));
                });
            },
        };
        var (app, address) = await WebAppFixture.StartAsync(options);
        await using (app)
        {
            using (var client = new TcpClient())
            {
                await client.ConnectAsync(address.Host, address.Port);
                var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { title = Title, published = "2025-11-07", text = Text }));
                var head = "POST /api/documents HTTP/1.1\r\n"
                    + $"Host: {address.Authority}\r\n"
                    + $"Authorization: Bearer {WebAppFixture.Token}\r\n"
                    + "Content-Type: application/json\r\n"
                    + $"Content-Length: {body.Length}\r\n\r\n";
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(body);
                await stream.FlushAsync();

                await gate.Entered.Task.WaitAsync(TimeSpan.FromMinutes(2));
            }

            // The client is gone; the gate returns once the server has seen it, and the analysis must stop there.
            Assert.True(await gate.Released.Task.WaitAsync(TimeSpan.FromMinutes(2)), "the server never saw the client go");
            await app.StopAsync(); // waits for the request in flight to finish
        }

        Assert.False(witness.Ran, "the stages after the disconnect ran");
        await using var store = SqliteDocumentStore.Open(fixture.DbPath);
        Assert.DoesNotContain(Title, (await store.ListAsync(10_000)).Select(d => d.Title));
    }

    /// <summary>Holds the analysis until the request is aborted (or a minute passes).</summary>
    private sealed class GateStage : IStage
    {
        public IHttpContextAccessor? Accessor { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True when the gate opened because the request was aborted.</summary>
        public TaskCompletionSource<bool> Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "gate";

        public Layers Needs => Layers.None;

        public Layers Uses => Layers.None;

        public Layers Adds => Layers.None;

        public Document Process(Document document)
        {
            var aborted = Accessor!.HttpContext!.RequestAborted;
            Entered.TrySetResult();
            Released.TrySetResult(aborted.WaitHandle.WaitOne(TimeSpan.FromMinutes(1)));
            return document;
        }
    }

    /// <summary>Records whether the analysis got past every real stage.</summary>
    private sealed class WitnessStage : IStage
    {
        public volatile bool Ran;

        public string Name => "witness";

        public Layers Needs => Layers.None;

        public Layers Uses => Layers.None;

        public Layers Adds => Layers.None;

        public Document Process(Document document)
        {
            Ran = true;
            return document;
        }
    }
}
