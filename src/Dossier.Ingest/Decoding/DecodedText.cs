namespace Dossier.Ingest.Decoding;

/// <summary>The outcome of decoding bytes: the text, or the one-line reason there is none.</summary>
internal readonly record struct DecodedText(string? Text, string? Error)
{
    public static DecodedText Ok(string text) => new(text, null);

    public static DecodedText Fail(string reason) => new(null, reason);
}
