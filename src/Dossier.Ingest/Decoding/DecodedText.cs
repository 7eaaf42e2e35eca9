namespace Dossier.Ingest.Decoding;

/// <summary>
/// The outcome of decoding bytes: the text, or the one-line reason there is none; <see cref="Warning"/> says what was
/// changed to decode it (invalid UTF-8 replaced), or is null.
/// </summary>
internal readonly record struct DecodedText(string? Text, string? Error, string? Warning = null)
{
    public static DecodedText Ok(string text, string? warning = null) => new(text, null, warning);

    public static DecodedText Fail(string reason) => new(null, reason);
}
