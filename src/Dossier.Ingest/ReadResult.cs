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

    /// <summary>
    /// What was changed to read the input, one reason each (invalid UTF-8 replaced, control characters removed); empty
    /// when it was read as it is. A warning never fails the input.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    /// <summary>The one-line messages of <see cref="Warnings"/>: <c>INPUT: warning: reason</c>.</summary>
    public IEnumerable<string> WarningMessages => Warnings.Select(w => DossierErrors.Format(Input, DossierErrors.Warning(w)));

    public static ReadResult Success(string input, Document document) => new(input, document, null, null);

    /// <param name="input">The input's name.</param>
    /// <param name="kind">What kind of failure.</param>
    /// <param name="reason">The one-line reason, from <see cref="DossierErrors"/>.</param>
    public static ReadResult Failure(string input, ReadFailureKind kind, string reason) => new(input, null, kind, reason);

    /// <summary>This result with <paramref name="warnings"/> added after its own; the same result when there are none.</summary>
    public ReadResult WithWarnings(IEnumerable<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var added = warnings.ToArray();
        return added.Length == 0 ? this : this with { Warnings = [.. Warnings, .. added] };
    }

    /// <summary>The one-line message for a failure: <c>INPUT: reason</c>.</summary>
    public string Message => DossierErrors.Format(Input, Error ?? "ok");
}
