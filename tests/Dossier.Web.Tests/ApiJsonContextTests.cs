using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Dossier.Core.Documents;
using Dossier.Storage;
using Dossier.Storage.Corpus;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Dossier.Web.Tests;

/// <summary>
/// The API's answers are written with <see cref="ApiJsonContext"/>'s generated code (branch pg10): every answer type of
/// every endpoint has generated metadata and a generated serialize handler, the app's JSON options resolve those types
/// through the context, and the bytes <see cref="JsonAnswer{T}"/> writes are those the reflection-based serializer wrote
/// before with ASP.NET Core's options.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ApiJsonContextTests(WebAppFixture fixture)
{
    /// <summary>The types an endpoint of <c>Dossier.Web.Api</c> answers with on success (<c>JsonAnswer&lt;T&gt;</c>,
    /// <c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>).</summary>
    private static IReadOnlyList<Type> AnswerTypes()
    {
        var found = new HashSet<Type>();
        void Collect(Type type)
        {
            if (!type.IsGenericType)
            {
                return;
            }

            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(JsonAnswer<>) || definition == typeof(Ok<>) || definition == typeof(Created<>))
            {
                if (type.GetGenericArguments()[0] is { ContainsGenericParameters: false } answer)
                {
                    found.Add(answer);
                }


                return;
            }

            foreach (var argument in type.GetGenericArguments())
            {
                Collect(argument);
            }
        }

        var endpoints = typeof(ApiJsonContext).Assembly.GetTypes().Where(t => t.Namespace == typeof(ApiJsonContext).Namespace);
        foreach (var method in endpoints.SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)))
        {
            Collect(method.ReturnType);
        }

        return [.. found.OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    [Fact]
    public void AnswerTypes_OfEveryEndpoint_HaveGeneratedMetadataWithoutReflectionFallback()
    {
        var types = AnswerTypes();
        Assert.Contains(typeof(Page<CorpusEventSummary>), types);
        Assert.Contains(typeof(DocumentCreated), types);
        Assert.True(types.Count >= 10, string.Join(", ", types));

        // Only the generated context: a type it lacks throws instead of falling back to reflection.
        var generatedOnly = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = ApiJsonContext.Default };
        foreach (var type in types)
        {
            var info = generatedOnly.GetTypeInfo(type);
            Assert.Same(ApiJsonContext.Default, info.OriginatingResolver);
        }
    }

    [Fact]
    public void AppJsonOptions_ForEveryAnswerType_ResolveThroughTheGeneratedContext()
    {
        using var app = BuildApp();
        var options = app.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        foreach (var type in AnswerTypes())
        {
            Assert.Same(ApiJsonContext.Default, options.GetTypeInfo(type).OriginatingResolver);
        }
    }

    [Fact]
    public async Task AnswerBytes_WithGeneratedMetadata_AreTheReflectionSerializersBytes()
    {
        await using var app = BuildApp();
        var generated = app.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        // What the minimal API used before: ASP.NET Core's own options (the web defaults with its relaxed encoder) and the
        // reflection-based resolver.
        var reflection = new JsonSerializerOptions(new HttpJsonOptions().SerializerOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

        var samples = Samples();
        // A sample of every answer type, so that a new one needs a sample here.
        Assert.Equal(AnswerTypes(), [.. samples.Select(s => s.GetType()).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal)]);
        foreach (var sample in samples)
        {
            var type = sample.GetType();
            var expected = JsonSerializer.SerializeToUtf8Bytes(sample, type, reflection);
            var actual = JsonSerializer.SerializeToUtf8Bytes(sample, generated.GetTypeInfo(type));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual);

            // And as the endpoints write it: JsonAnswer's generated handler, straight to the response body.
            var context = new DefaultHttpContext { RequestServices = app.Services };
            using var body = new MemoryStream();
            context.Response.Body = body;
            var answer = (IResult)typeof(ApiJson).GetMethod(nameof(ApiJson.Ok))!.MakeGenericMethod(type).Invoke(null, [sample])!;
            await answer.ExecuteAsync(context);
            Assert.Equal(200, context.Response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(body.ToArray()));
            Assert.Equal(expected, body.ToArray());
        }
    }

    [Fact]
    public void JsonAnswer_ForEveryAnswerType_WritesWithAGeneratedSerializeHandler()
    {
        foreach (var type in AnswerTypes())
        {
            var fast = typeof(JsonAnswer<>).MakeGenericType(type).GetProperty("HasFastPath", BindingFlags.Static | BindingFlags.NonPublic)!;
            Assert.True((bool)fast.GetValue(null)!, $"{type} has no generated serialize handler");
        }
    }

    private WebApplication BuildApp() => DossierWebApp.Build([], new DossierWebOptions(fixture.DbPath) { CacheResponses = false });

    /// <summary>One value of every answer type, with every field set once and null once, and text the encoder escapes
    /// (markup, quotes, non-ASCII letters, a line separator, an emoji).</summary>
    private static List<object> Samples()
    {
        const string awkward = "Café <b>\"São\" Paulo</b> & 'Zürich' \u2028 — 東京 😀 \\ /";
        var place = new Place("Kyiv", "P", "UA", "Kyiv City", 50.45466, 30.5238, "703448") { Population = 2_797_553, Country = "UKR", Admin1Code = "12" };
        var actor = new CorpusActor(42, awkward, "UKRGOV");
        var bare = new CorpusActor(null, "protesters", null);
        var evidence = new CorpusEvidence("0123456789abcdef", awkward, new DateOnly(2025, 3, 4), "bbc/business/001.txt", "e3", "met", "reported", awkward);
        var full = new CorpusEventSummary(7, "CONSULT", "visit", "040", 1, 1.0 / 3, "reported", "2025-03-04", new DateOnly(2025, 3, 4), false, awkward,
            [actor, bare], [bare], 3, 2, 1, [evidence, evidence with { Title = null, Published = null }])
        {
            Confidence = 0.8712345678901234, Domain = "sport", Place = place, PlaceScope = "sentence",
        };
        var empty = new CorpusEventSummary(8, "ASSAULT", null, "180", 4, -9.5, "planned", null, null, true, null, [], [], 0, 0, 0, []);
        var entity = new CorpusEntitySummary(42, awkward, "PERSON", "UKR", "GOV", "UKRGOV", 12, 5, new DateOnly(2024, 1, 2), new DateOnly(2025, 12, 31));
        var unknown = new CorpusEntitySummary(43, "Acme", "ORG", null, null, null, 1, 1, null, null);
        var document = new DocumentSummary("0123456789abcdef0123456789abcdef", awkward, "https://example.com/a?b=c&d=<e>", new DateOnly(2025, 3, 4), "en", 1234, 12, 250, "business");
        var undated = new DocumentSummary("fedcba9876543210", null, "stdin", null, null, 0, 0, 0);
        return
        [
            new Page<DocumentSummary>([document, undated], "bzE6NTA"),
            new Page<SearchHit>([new SearchHit(document, "the <mark>minister</mark> said", -1.25e-7), new SearchHit(undated, "", 0)], null),
            new Page<CorpusEntitySummary>([entity, unknown], "bzE6MTAw"),
            new Page<CorpusEventSummary>([full, empty], "bzE6MjAw"),
            new Page<CorpusEventSummary>([], null),
            new Page<ActorPair>([new ActorPair(actor, bare, 3, -2.5, [1, 0, 2, 0]), new ActorPair(bare, actor, 1, 0, [0, 0, 0, 0])], null),
            full,
            empty,
            new EntityResource(entity, [awkward, "Zelensky"],
                [new CorpusRole("President", awkward, "UKR", "current", new DateOnly(2024, 1, 2), null, 4), new CorpusRole("Actor", null, null, "former", null, null, 1)],
                [new CorpusDocumentRef("0123456789abcdef", awkward, new DateOnly(2025, 3, 4)), new CorpusDocumentRef("fedcba9876543210", null, null)],
                [new CorpusMention("0123456789abcdef", awkward, 3, awkward) { Kind = "pronoun" }, new CorpusMention("fedcba9876543210", "he", 0, "He said so.")],
                17, [new ActorConnection(actor, 5), new ActorConnection(bare, 1)], [full, empty]),
            new EntityResource(unknown, [], [], [], [], 0, [], []),
            new TimelinePage(entity, [full, empty], "bzE6NQ"),
            new TimelinePage(unknown, [], null),
            new CountsApi.CountsResponse(["day", "type"],
                [new CountsApi.CountRow(new Dictionary<string, string> { ["day"] = "2025-03-04", ["type"] = "CONSULT" }, 4, 9, "/events?from=2025-03-04&to=2025-03-04&type=CONSULT&minConfidence=0.25")]),
            new DocumentCreated("0123456789abcdef0123456789abcdef", true, "/api/documents/0123456789abcdef0123456789abcdef"),
        ];
    }
}
