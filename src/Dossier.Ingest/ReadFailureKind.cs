namespace Dossier.Ingest;

/// <summary>Why an input gave no document, as a type a caller can branch on (the message says it in words).</summary>
public enum ReadFailureKind
{
    /// <summary>No such file, directory or input.</summary>
    NotFound,

    /// <summary>A scheme other than http(s), or an input of a kind Dossier does not read.</summary>
    Unsupported,

    /// <summary>The input holds nothing to read: an empty file, feed, directory or text.</summary>
    Empty,

    /// <summary>Over the size limit.</summary>
    TooLarge,

    /// <summary>The operating system refused or failed the read.</summary>
    Unreadable,

    /// <summary>The bytes are binary or in no encoding Dossier reads.</summary>
    Undecodable,

    /// <summary>The content is not what its format requires (a bad JSON line, feed, HTML page or date).</summary>
    Malformed,

    /// <summary>A URL could not be fetched at all: no connection, no answer in time, an error status.</summary>
    Unreachable,
}
