using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dossier.Storage.Corpus;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Bench;

/// <summary>
/// The CPU the web API spends writing event pages, three ways side by side in one process (branch pg10): as main wrote
/// them (<c>TypedResults.Ok</c> with ASP.NET Core's options and the reflection-based resolver), <c>TypedResults.Ok</c>
/// with <see cref="ApiJsonContext"/> first in the resolver chain (generated metadata), and <see cref="JsonAnswer{T}"/>
/// (the generated serialize handler). The pages are answers of <c>/api/events</c> saved as files (read back into
/// objects first); each round writes every page REPS times each way, in rotating order, to a discarding body, and the
/// process's CPU time is taken around each. Prints the median µs a page of each way and checks the bytes are equal.
/// </summary>
internal static class JsonWritingBenchmark
{
    public static async Task<int> RunAsync(string folder, int rounds, int reps)
    {
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"{folder}: no .json files (answers of /api/events)");
            return 2;
        }

        var read = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var pages = files.Select(f => JsonSerializer.Deserialize<Page<CorpusEventSummary>>(File.ReadAllBytes(f), read)!).ToArray();
        var reflection = new ServiceCollection().AddLogging().BuildServiceProvider();
        var generated = new ServiceCollection().AddLogging()
            .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default)).BuildServiceProvider();
        (string Name, Func<Page<CorpusEventSummary>, Stream, Task> Write)[] ways =
        [
            ("main: Ok, reflection", (p, s) => TypedResults.Ok(p).ExecuteAsync(Context(reflection, s))),
            ("Ok, generated metadata", (p, s) => TypedResults.Ok(p).ExecuteAsync(Context(generated, s))),
            ("JsonAnswer, generated handler", (p, s) => ApiJson.Ok(p).ExecuteAsync(Context(generated, s))),
        ];

        for (var i = 0; i < pages.Length; i++)
        {
            var bytes = new List<byte[]>();
            foreach (var (_, write) in ways)
            {
                using var body = new MemoryStream();
                await write(pages[i], body);
                bytes.Add(body.ToArray());
            }

            if (bytes.Any(b => !b.AsSpan().SequenceEqual(bytes[0])))
            {
                Console.Error.WriteLine($"{files[i]}: the ways write different bytes");
                return 1;
            }
        }

        var bytesAll = pages.Sum(p => JsonSerializer.SerializeToUtf8Bytes(p, read).Length);
        Console.WriteLine($"{pages.Length} pages, {pages.Sum(p => p.Items.Count)} events, {bytesAll / 1024} KB; {rounds} rounds of {reps} writes of each page each way");
        var samples = ways.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < ways.Length; k++)
            {
                var w = (k + r) % ways.Length;
                process.Refresh();
                var before = process.TotalProcessorTime;
                for (var rep = 0; rep < reps; rep++)
                {
                    foreach (var page in pages)
                    {
                        await ways[w].Write(page, Stream.Null);
                    }
                }

                process.Refresh();
                samples[w].Add((process.TotalProcessorTime - before).TotalMicroseconds / (reps * pages.Length));
            }
        }

        for (var w = 0; w < ways.Length; w++)
        {
            var sorted = samples[w].Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ways[w].Name,-32} median {sorted[sorted.Length / 2],7:0.0} µs CPU a page (min {sorted[0]:0.0}, max {sorted[^1]:0.0})"));
        }

        return 0;
    }

    private static DefaultHttpContext Context(IServiceProvider services, Stream body)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = body;
        return context;
    }
}
