namespace Dossier.Core.Errors;

/// <summary>
/// Every message shown to a user for bad input, in one place, so they read alike:
/// "INPUT: reason". Callers pass the input's name (path, URL, path#line=N).
/// </summary>
/// <remarks>
/// The constants and the methods other than <see cref="Format"/> and <see cref="Store"/> give the reason only: lower
/// case, no final full stop, to follow <c>INPUT: </c>.
/// </remarks>
public static class DossierErrors
{
    /// <summary>The one-line message for bad input: <c>INPUT: reason</c>.</summary>
    /// <param name="input">The input's name as the user gave it: a path, a URL or <c>path#line=N</c>.</param>
    /// <param name="reason">One of the reasons of this class.</param>
    public static string Format(string input, string reason) => $"{input}: {reason}";

    /// <summary>The path names no file or directory.</summary>
    public const string NotFound = "no such file or directory";
    /// <summary>The input has no bytes, or decodes to white space only.</summary>
    public const string Empty = "the file is empty";
    /// <summary>A record (a feed item, a JSONL line) whose text is empty.</summary>
    public const string NoText = "no text found";
    /// <summary>The bytes look like a binary file, not text.</summary>
    public const string Binary = "looks like a binary file, not text";
    /// <summary>The bytes are valid in none of the encodings the readers try.</summary>
    public const string InvalidEncoding = "the bytes are not valid text in UTF-8, UTF-16 or Windows-1252";
    /// <summary>A JSON or JSONL record is not a JSON object.</summary>
    public const string NotJson = "not a JSON object";
    /// <summary>A JSON or JSONL record has no <c>text</c> field.</summary>
    public const string MissingText = "no \"text\" field";
    /// <summary>An RSS or Atom file that does not parse as a feed.</summary>
    public const string MalformedFeed = "not a valid RSS or Atom feed";
    /// <summary>An HTML page whose article text could not be found.</summary>
    public const string MalformedHtml = "no article text could be extracted from the HTML";

    /// <summary>The reason for an input over the size limit.</summary>
    /// <param name="size">The input's size in bytes (or the bytes read so far, for a download).</param>
    /// <param name="limit">The limit in bytes.</param>
    /// <returns>The reason, with both numbers grouped by thousands in the current culture's format.</returns>
    public static string TooLarge(long size, long limit) =>
        $"{size:N0} bytes is over the size limit of {limit:N0} bytes (set --max-bytes to change it)";

    /// <summary>The reason for a URL that could not be fetched.</summary>
    /// <param name="reason">What went wrong, such as an HTTP status or a network error's message.</param>
    public static string Unreachable(string reason) => $"could not be fetched ({reason})";

    /// <summary>The reason for a date option or field that does not parse.</summary>
    /// <param name="value">The value as given; it is quoted in the message.</param>
    public static string BadDate(string value) => $"\"{OneLine(value)}\" is not a date (expected YYYY-MM-DD)";

    /// <summary>The reason for a confidence option or parameter that is not a number from 0 to 1.</summary>
    /// <param name="value">The value as given; it is quoted in the message.</param>
    public static string BadConfidence(string value) => $"\"{OneLine(value)}\" is not a confidence (expected a number from 0 to 1)";

    /// <summary>A value quoted in a message, on one line: line breaks and other control characters shown as spaces.</summary>
    /// <param name="value">The value as the input gave it.</param>
    private static string OneLine(string value) => string.Create(value.Length, value, static (span, text) =>
    {
        for (var i = 0; i < text.Length; i++) span[i] = char.IsControl(text[i]) || text[i] is '\u2028' or '\u2029' ? ' ' : text[i];
    });

    /// <summary>The full message for a store (database) that cannot be opened or written: <c>PATH: reason</c>.</summary>
    /// <param name="path">The store's path.</param>
    /// <param name="reason">What went wrong.</param>
    public static string Store(string path, string reason) => $"{path}: {reason}";

    /// <summary>A feed that parses but has no items.</summary>
    public const string EmptyFeed = "the feed has no items";

    /// <summary>A directory with no files to read; hidden files do not count.</summary>
    public const string EmptyDirectory = "no files found in the directory (hidden files are skipped)";

    /// <summary>A URL whose scheme is not http or https.</summary>
    public const string UnsupportedScheme = "only http:// and https:// URLs can be read";

    /// <summary>The reason for a file that exists but could not be read.</summary>
    /// <param name="reason">The I/O error's message.</param>
    public static string ReadFailed(string reason) => $"could not be read ({reason})";

    // Issue 14, items 2 and 4 (ingest): text hygiene, warnings, inputs that are not documents, unreadable stored
    // documents, SIGTERM.

    /// <summary>A warning about an input that was read anyway, to follow <c>INPUT: </c>.</summary>
    /// <param name="reason">What was changed, from this class.</param>
    public static string Warning(string reason) => $"warning: {reason}";

    /// <summary>The warning for characters removed from a document's text, title or URL.</summary>
    /// <param name="count">How many characters were removed (or, for vertical tab and form feed, made line feeds).</param>
    public static string ControlCharactersRemoved(int count) =>
        $"{count} disallowed control character{(count == 1 ? "" : "s")} removed (NUL and other C0 controls, U+FFFE, U+FFFF, lone surrogates)";

    /// <summary>The warning for bytes that are mostly UTF-8 with a few invalid sequences.</summary>
    /// <param name="count">How many invalid byte sequences became U+FFFD.</param>
    public static string InvalidUtf8Replaced(int count) =>
        $"{count} invalid UTF-8 byte sequence{(count == 1 ? "" : "s")} replaced with U+FFFD";

    /// <summary>A JSON or JSONL record whose <c>text</c> field is not a string.</summary>
    /// <param name="found">What it is instead: "a number", "an array", …</param>
    public static string TextNotString(string found) => $"\"text\" must be a string (found {found})";

    /// <summary>A path that names something other than a regular file or a directory.</summary>
    /// <param name="kind">What it is: "a FIFO", "a socket", "a device".</param>
    public static string NotRegularFile(string kind) => $"not a regular file ({kind}); only files and directories are read";

    /// <summary>A SQLite database (a store) given as an input.</summary>
    public const string SqliteDatabase = "a SQLite database, not a document (a store's own files in a folder are skipped)";

    /// <summary>A directory inside an ingested directory that could not be listed.</summary>
    /// <param name="reason">The operating system's message.</param>
    public static string DirectoryUnreadable(string reason) => $"directory could not be read ({reason}); its files were not read";

    /// <summary>A stored document that cannot be read back (a store written by an older version, a damaged row).</summary>
    /// <param name="id">The document's id.</param>
    /// <param name="reason">The store's message.</param>
    public static string StoredDocumentUnreadable(string id, string reason) => $"document {id} cannot be read ({reason})";

    /// <summary>The line printed when a signal stops a run between documents.</summary>
    /// <param name="signal">The signal's name, such as SIGTERM.</param>
    /// <param name="stored">How many documents were stored before it.</param>
    public static string StoppedBySignal(string signal, int stored) =>
        $"stopped by {signal}; {stored} document{(stored == 1 ? "" : "s")} stored, the rest not read";

    // Issue 14, item 5: server-side fetches of internal addresses.

    /// <summary>A URL whose host resolves only to addresses the fetch policy refuses (loopback, private, …).</summary>
    /// <param name="host">The URL's host.</param>
    /// <param name="address">The refused address it resolved to.</param>
    /// <param name="kind">What kind of address it is, with its article: "a loopback", "a private", ….</param>
    public static string FetchRefused(string host, string address, string kind) =>
        host == address
            ? $"refused: {address} is {kind} address, and this server fetches only public addresses (see --allow-fetch-from)"
            : $"refused: {host} is {address}, {kind} address, and this server fetches only public addresses (see --allow-fetch-from)";
    // Issue 14, item 6 (store locking): a write that gave up waiting for another process's write lock.

    /// <summary>The reason for a write that gave up waiting for the store's write lock, held by another process.</summary>
    /// <param name="waited">How long the write waited.</param>
    /// <returns>The reason, with the wait in seconds to one decimal, in the invariant culture.</returns>
    public static string StoreLocked(TimeSpan waited) =>
        $"the database is locked by another process (waited {waited.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s)";

    // Issue 14, per-document limits of the analysis.

    /// <summary>A document with more words than the per-document limit.</summary>
    /// <param name="words">The document's words.</param>
    /// <param name="limit">The limit.</param>
    public static string TooManyWords(int words, int limit) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{words:N0} words is over the per-document limit of {limit:N0} words (set --max-words to change it)");

    /// <summary>A document whose analysis ran past the per-document time budget.</summary>
    /// <param name="budget">The budget.</param>
    public static string OverTimeBudget(TimeSpan budget) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"the analysis ran past the per-document time budget of {budget.TotalSeconds:0} s and was stopped (set --document-timeout to change it)");
}
