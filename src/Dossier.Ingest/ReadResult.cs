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
    private ReadResult(string input, Document? document, string? error)
    {
        Input = input;
        Document = document;
        Error = error;
    }

    public string Input { get; }

    public Document? Document { get; }

    /// <summary>Why the input failed; null on success.</summary>
    public string? Error { get; }

    public bool Succeeded => Document is not null;

    public static ReadResult Success(string input, Document document) => new(input, document, null);

    public static ReadResult Failure(string input, string reason) => new(input, null, reason);

    /// <summary>The one-line message for a failure: <c>INPUT: reason</c>.</summary>
    public string Message => DossierErrors.Format(Input, Error ?? "ok");
}
