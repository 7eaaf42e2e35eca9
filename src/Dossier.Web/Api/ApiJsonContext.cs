using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Web.Api;

/// <summary>
/// Source-generated serializer metadata for every answer the JSON API writes, so that no answer is written through the
/// reflection-based converters. The options are ASP.NET Core's for the minimal API: the web defaults (camelCase names,
/// nothing ignored, numbers read from strings too) and the default encoder; the bytes written are those of the
/// reflection-based serializer with those options (tests/Dossier.Web.Tests/ApiJsonContextTests.cs compares them).
/// </summary>
/// <remarks>
/// <see cref="DossierWebApp"/> puts this context first in the minimal API's resolver chain (<c>ConfigureHttpJsonOptions</c>);
/// an answer type added to an endpoint must be listed here (a test fails otherwise). ProblemDetails are written by
/// ASP.NET Core's own generated context. <c>GET /api/documents/{id}</c> writes <c>dossier/1</c> JSON with
/// <see cref="Core.Serialization.DossierJson"/>, not with these options.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<DocumentSummary>))]
[JsonSerializable(typeof(Page<SearchHit>))]
[JsonSerializable(typeof(Page<CorpusEntitySummary>))]
[JsonSerializable(typeof(Page<CorpusEventSummary>))]
[JsonSerializable(typeof(Page<ActorPair>))]
[JsonSerializable(typeof(CorpusEventSummary))]
[JsonSerializable(typeof(EntityResource))]
[JsonSerializable(typeof(TimelinePage))]
[JsonSerializable(typeof(CountsApi.CountsResponse))]
[JsonSerializable(typeof(DocumentCreated))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
