using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Dossier.Web.Api;

/// <summary>Answers of the JSON API written by <see cref="ApiJsonContext"/>'s generated fast-path code.</summary>
internal static class ApiJson
{
    /// <summary>200 with <paramref name="value"/> as JSON: the bytes <c>TypedResults.Ok(value)</c> writes, and the same
    /// OpenAPI description.</summary>
    public static JsonAnswer<T> Ok<T>(T value) => new(value);
}

/// <summary>
/// A 200 answer written by the serialize handler source generation made for <typeparamref name="T"/>
/// (<see cref="ApiJsonContext"/>): straight to the response body, without the serializer's per-property converters.
/// </summary>
/// <remarks>
/// <c>TypedResults.Ok</c> writes through the minimal API's JSON options, whose encoder (ASP.NET Core's relaxed one) rules
/// out the generated fast path; here the handler writes with a <see cref="Utf8JsonWriter"/> that has those options'
/// encoder, so strings are escaped exactly as before (property names are ASCII, which every encoder leaves as is).
/// The bytes are the reflection-based serializer's (tests/Dossier.Web.Tests/ApiJsonContextTests.cs and
/// bench/api-bytes.sh compare them). A type without a generated handler is written by the serializer with those options.
/// </remarks>
public sealed class JsonAnswer<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult
{
    private static readonly JsonTypeInfo<T> Generated = (JsonTypeInfo<T>)(ApiJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T)} has no generated JSON metadata: add it to {nameof(ApiJsonContext)}."));

    internal JsonAnswer(T value) => Value = value;

    public T Value { get; }

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>Whether <typeparamref name="T"/> is written by a generated serialize handler (else by the serializer).</summary>
    internal static bool HasFastPath => Generated.SerializeHandler is not null;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var options = httpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        var aborted = httpContext.RequestAborted;
        try
        {
            if (Generated.SerializeHandler is not { } handler || options.WriteIndented || options.Converters.Count > 0)
            {
                await JsonSerializer.SerializeAsync(response.BodyWriter, Value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), aborted);
                return;
            }

            using (var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, MaxDepth = options.MaxDepth }))
            {
                handler(writer, Value);
            }

            await response.BodyWriter.FlushAsync(aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer (as the serializer's own writing does).
        }
    }

    /// <summary>The OpenAPI description of <c>TypedResults.Ok</c>: 200, <typeparamref name="T"/> as <c>application/json</c>.</summary>
    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
