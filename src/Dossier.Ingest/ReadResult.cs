using Dossier.Core.Documents;
using Dossier.Core.Errors;

namespace Dossier.Ingest;

/// <summary>
/// What reading one input (a file, one feed item, one JSONL line) gave: a document, or the
/// reason it could not be read. <see cref="Input"/> names the input as a user would find it
/// (a path, a URL, <c>path#line=12</c>).
/// </summary>
public sealed record ReadResult
{
    private ReadResult(string input, Document? document, ReadFailureKind? failure, string? error)
    {
        Input = input;
        Document = document;
        FailureKind = failure;
        Error = error;
    }

    public string Input { get; }

    public Document? Document { get; }

    /// <summary>Why the input failed; null on success.</summary>
    public string? Error { get; }

    /// <summary>What kind of failure it was; null on success.</summary>
    public ReadFailureKind? FailureKind { get; }

    public bool Succeeded => Document is not null;

    public static ReadResult Success(string input, Document document) => new(input, document, null, null);

    /// <param name="input">The input's name.</param>
    /// <param name="kind">What kind of failure.</param>
    /// <param name="reason">The one-line reason, from <see cref="DossierErrors"/>.</param>
    public static ReadResult Failure(string input, ReadFailureKind kind, string reason) => new(input, null, kind, reason);

    /// <summary>The one-line message for a failure: <c>INPUT: reason</c>.</summary>
    public string Message => DossierErrors.Format(Input, Error ?? "ok");
}
