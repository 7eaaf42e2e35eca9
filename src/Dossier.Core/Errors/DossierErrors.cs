namespace Dossier.Core.Errors;

/// <summary>
/// Every message shown to a user for bad input, in one place, so they read alike:
/// "INPUT: reason". Callers pass the input's name (path, URL, path#line=N).
/// </summary>
public static class DossierErrors
{
    public static string Format(string input, string reason) => $"{input}: {reason}";

    public const string NotFound = "no such file or directory";
    public const string Empty = "the file is empty";
    public const string NoText = "no text found";
    public const string Binary = "looks like a binary file, not text";
    public const string InvalidEncoding = "the bytes are not valid text in UTF-8, UTF-16 or Windows-1252";
    public const string NotJson = "not a JSON object";
    public const string MissingText = "no \"text\" field";
    public const string MalformedFeed = "not a valid RSS or Atom feed";
    public const string MalformedHtml = "no article text could be extracted from the HTML";

    public static string TooLarge(long size, long limit) =>
        $"{size:N0} bytes is over the size limit of {limit:N0} bytes (set --max-bytes to change it)";

    public static string Unreachable(string reason) => $"could not be fetched ({reason})";

    public static string BadDate(string value) => $"\"{value}\" is not a date (expected YYYY-MM-DD)";

    public static string Store(string path, string reason) => $"{path}: {reason}";

    public const string EmptyFeed = "the feed has no items";

    public const string EmptyDirectory = "no files found in the directory (hidden files are skipped)";

    public const string UnsupportedScheme = "only http:// and https:// URLs can be read";

    public static string ReadFailed(string reason) => $"could not be read ({reason})";
}
