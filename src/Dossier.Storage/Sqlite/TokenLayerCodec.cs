using System.Collections.Immutable;
using System.Text;
using Dossier.Core.Documents;

namespace Dossier.Storage.Sqlite;

/// <summary>
/// The compact binary form of a document's sentences and tokens (the <c>documents.layers</c> column).
/// Version byte 1, then the sentences and the tokens, each a count followed by records of zig-zag varints
/// (offsets as deltas from the previous record, heads relative to the token's own index). The strings of the
/// syntax layer (UPOS, XPOS, lemma, relation) are written once per document: a reference is 0 for null,
/// 1 for a new string that follows inline (UTF-8, length-prefixed) and takes the next number, 2 for the
/// token's own text, 3 for the token's text in lower case (most lemmas), or n + 4 for the n-th string
/// already written. About 6–10 bytes a token instead of ~100 in JSON.
/// </summary>
/// <remarks>Not thread-safe: an instance reuses its buffers; the store uses it under its lock.</remarks>
internal sealed class TokenLayerCodec
{
    private const byte FormatVersion = 1;

    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[4096];
    private int _position;

    /// <summary>The encoded layers, or null when the document has neither sentences nor tokens.</summary>
    /// <param name="text">The document text the token offsets index (for lemmas that repeat it).</param>
    public byte[]? Encode(string text, ImmutableArray<Sentence> sentences, ImmutableArray<Token> tokens)
    {
        if (sentences.IsDefaultOrEmpty && tokens.IsDefaultOrEmpty)
        {
            return null;
        }

        _position = 0;
        _strings.Clear();
        WriteByte(FormatVersion);

        var sentenceList = sentences.IsDefault ? [] : sentences;
        WriteUnsigned((ulong)sentenceList.Length);
        long previousEnd = 0;
        long previousEndToken = 0;
        foreach (var s in sentenceList)
        {
            WriteSigned(s.Start - previousEnd);
            WriteSigned((long)s.End - s.Start);
            WriteSigned(s.FirstToken - previousEndToken);
            WriteSigned(s.TokenCount);
            previousEnd = s.End;
            previousEndToken = (long)s.FirstToken + s.TokenCount;
        }

        var tokenList = tokens.IsDefault ? [] : tokens;
        WriteUnsigned((ulong)tokenList.Length);
        previousEnd = 0;
        long previousSentence = 0;
        for (var i = 0; i < tokenList.Length; i++)
        {
            var t = tokenList[i];
            WriteSigned(t.Start - previousEnd);
            WriteSigned((long)t.End - t.Start);
            WriteSigned(t.Sentence - previousSentence);
            WriteUnsigned(t.Head == -1 ? 0 : ZigZag((long)t.Head - i) + 1);
            var tokenText = t.Start >= 0 && t.End <= text.Length && t.Start <= t.End ? text.AsSpan(t.Start, t.End - t.Start) : default;
            WriteString(t.Upos, tokenText);
            WriteString(t.Xpos, tokenText);
            WriteString(t.Lemma, tokenText);
            WriteString(t.Relation, tokenText);
            previousEnd = t.End;
            previousSentence = t.Sentence;
        }

        return _buffer.AsSpan(0, _position).ToArray();
    }

    /// <exception cref="FormatException">When <paramref name="data"/> is not a layer blob this codec wrote.</exception>
    public static (ImmutableArray<Sentence> Sentences, ImmutableArray<Token> Tokens) Decode(ReadOnlySpan<byte> data, string text)
    {
        if (data.IsEmpty)
        {
            return ([], []);
        }

        var reader = new Reader(data);
        var sentences = ReadSentences(ref reader);
        var tokenCountTotal = reader.ReadCount();
        var tokens = ImmutableArray.CreateBuilder<Token>(tokenCountTotal);
        var strings = new List<string>();
        long previousEnd = 0;
        long previousSentence = 0;
        for (var i = 0; i < tokenCountTotal; i++)
        {
            var start = Int(previousEnd + reader.ReadSigned());
            var end = Int((long)start + reader.ReadSigned());
            var sentence = Int(previousSentence + reader.ReadSigned());
            var headCode = reader.ReadUnsigned();
            var head = headCode == 0 ? -1 : Int(i + UnZigZag(headCode - 1));
            var span = new TokenText(text, start, end);
            tokens.Add(new Token(start, end, sentence)
            {
                Upos = reader.ReadString(strings, span),
                Xpos = reader.ReadString(strings, span),
                Lemma = reader.ReadString(strings, span),
                Head = head,
                Relation = reader.ReadString(strings, span),
            });
            previousEnd = end;
            previousSentence = sentence;
        }

        if (!reader.AtEnd)
        {
            throw new FormatException("trailing bytes after the token layer");
        }

        return (sentences, tokens.MoveToImmutable());
    }

    /// <summary>Only the sentences: the token records that follow them are not read.</summary>
    /// <exception cref="FormatException">When <paramref name="data"/> is not a layer blob this codec wrote.</exception>
    public static ImmutableArray<Sentence> DecodeSentences(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return [];
        }

        var reader = new Reader(data);
        return ReadSentences(ref reader);
    }

    private static ImmutableArray<Sentence> ReadSentences(ref Reader reader)
    {
        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new FormatException($"unknown layer format version {version}");
        }

        var sentenceCount = reader.ReadCount();
        var sentences = ImmutableArray.CreateBuilder<Sentence>(sentenceCount);
        long previousEnd = 0;
        long previousEndToken = 0;
        for (var i = 0; i < sentenceCount; i++)
        {
            var start = Int(previousEnd + reader.ReadSigned());
            var end = Int((long)start + reader.ReadSigned());
            var firstToken = Int(previousEndToken + reader.ReadSigned());
            var tokenCount = Int(reader.ReadSigned());
            sentences.Add(new Sentence(start, end, firstToken, tokenCount));
            previousEnd = end;
            previousEndToken = (long)firstToken + tokenCount;
        }

        return sentences.MoveToImmutable();
    }

    private static int Int(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new FormatException("offset out of range");

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private void WriteString(string? value, ReadOnlySpan<char> tokenText)
    {
        if (value is null)
        {
            WriteUnsigned(0);
            return;
        }

        if (value.Length == tokenText.Length && value.Length > 0)
        {
            if (tokenText.SequenceEqual(value))
            {
                WriteUnsigned(2);
                return;
            }

            if (IsLowerInvariantOf(value, tokenText))
            {
                WriteUnsigned(3);
                return;
            }
        }

        if (_strings.TryGetValue(value, out var index))
        {
            WriteUnsigned((ulong)index + 4);
            return;
        }

        _strings.Add(value, _strings.Count);
        WriteUnsigned(1);
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteUnsigned((ulong)byteCount);
        Ensure(byteCount);
        _position += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position));
    }

    private static bool IsLowerInvariantOf(string value, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (value[i] != char.ToLowerInvariant(text[i]))
            {
                return false;
            }
        }

        // ToLowerInvariant of a string can differ from char by char for surrogate pairs: check exactly.
        return !text.ContainsAnyInRange('\uD800', '\uDFFF') || value == text.ToString().ToLowerInvariant();
    }

    private void WriteSigned(long value) => WriteUnsigned(ZigZag(value));

    private void WriteUnsigned(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_position++] = (byte)value;
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    private void Ensure(int extra)
    {
        if (_position + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _position + extra));
        }
    }

    /// <summary>A token's text, cut from the document only when a reference needs it.</summary>
    private readonly struct TokenText(string text, int start, int end)
    {
        public string Value => start >= 0 && end <= text.Length && start <= end
            ? text[start..end]
            : throw new FormatException("a lemma refers to token text outside the document");
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly bool AtEnd => _position == _data.Length;

        public byte ReadByte() =>
            _position < _data.Length ? _data[_position++] : throw new FormatException("truncated token layer");

        public ulong ReadUnsigned()
        {
            ulong result = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = ReadByte();
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }

            throw new FormatException("malformed varint in token layer");
        }

        public long ReadSigned() => UnZigZag(ReadUnsigned());

        /// <summary>A record count, bounded by the bytes left (every record takes at least one byte).</summary>
        public int ReadCount()
        {
            var count = ReadUnsigned();
            return count <= (ulong)(_data.Length - _position)
                ? (int)count
                : throw new FormatException("record count exceeds the token layer's size");
        }

        public string? ReadString(List<string> strings, TokenText token)
        {
            var code = ReadUnsigned();
            switch (code)
            {
                case 0:
                    return null;
                case 2:
                    return token.Value;
                case 3:
                    return token.Value.ToLowerInvariant();
                case 1:
                    var length = ReadCount();
                    var value = Encoding.UTF8.GetString(_data.Slice(_position, length));
                    _position += length;
                    strings.Add(value);
                    return value;
                default:
                    var index = code - 4;
                    return index < (ulong)strings.Count
                        ? strings[(int)index]
                        : throw new FormatException("string reference out of range in token layer");
            }
        }
    }
}
