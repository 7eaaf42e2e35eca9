using System.Buffers;
using System.Text;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Serialization;

namespace Dossier.Cli.Output;

/// <summary>
/// Writes analysed documents one at a time, as they come, in one of <c>analyze</c>'s formats: <c>text</c> (the
/// report for people), <c>jsonl</c> (one <c>dossier/1</c> object a line) or <c>json</c> (one indented object, or an
/// array of them for several documents). JSON goes through <see cref="DossierJson.Write"/> into one reused byte
/// buffer and from there to standard output's stream (no string per document); to another writer (tests) it is
/// decoded first.
/// </summary>
internal sealed class DocumentOutput
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly byte[] ArrayStart = "["u8.ToArray();
    private static readonly byte[] Separator = ",\n"u8.ToArray();
    private static readonly byte[] ArrayEnd = "]\n"u8.ToArray();

    private readonly TextWriter _output;
    private readonly string _format;
    private readonly bool _includeTokens;
    private readonly double _minConfidence;
    private readonly Stream? _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _json;
    private Document? _first;
    private int _count;

    /// <param name="output">The command's output; when it is the console, bytes go to standard output's stream.</param>
    /// <param name="format"><c>text</c>, <c>json</c> or <c>jsonl</c>.</param>
    /// <param name="includeTokens">False to leave the sentences and tokens arrays out of JSON.</param>
    /// <param name="minConfidence">Events below this confidence are left out of JSON; the text report leaves them out
    /// and says how many.</param>
    public DocumentOutput(TextWriter output, string format, bool includeTokens, double minConfidence = 0)
    {
        _output = output;
        _format = format;
        _includeTokens = includeTokens;
        _minConfidence = minConfidence;
        if (ReferenceEquals(output, Console.Out) && format != "text")
        {
            output.Flush();
            _stream = Console.OpenStandardOutput();
        }

        _json = new Utf8JsonWriter(_buffer, DossierJson.WriterOptions(indented: format == "json"));
    }

    /// <summary>Writes one document (for <c>json</c>, the first is held until it is known whether an array is needed).</summary>
    public async Task WriteAsync(Document document, CancellationToken cancellationToken)
    {
        if (_format != "text")
        {
            document = document.WithEventsFrom(_minConfidence);
        }

        switch (_format)
        {
            case "jsonl":
                Json(document);
                _buffer.Write(NewLine);
                break;
            case "json" when _count == 0:
                _first = document;
                break;
            case "json":
                if (_count == 1)
                {
                    _buffer.Write(ArrayStart);
                    Json(_first!);
                    _first = null;
                }

                _buffer.Write(Separator);
                Json(document);
                break;
            default:
                await DocumentReport.WriteAsync(_output, document, minConfidence: _minConfidence);
                break;
        }

        _count++;
        await FlushAsync(cancellationToken);
    }

    /// <summary>Ends the output: for <c>json</c>, the held document alone, or the array's end (<c>[]</c> for none).</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_format == "json")
        {
            if (_count == 1)
            {
                Json(_first!);
                _buffer.Write(NewLine);
            }
            else
            {
                _buffer.Write(_count == 0 ? ArrayStart : []);
                _buffer.Write(ArrayEnd);
            }
        }

        await FlushAsync(cancellationToken);
        if (_stream is not null)
        {
            await _stream.FlushAsync(cancellationToken);
        }
    }

    private void Json(Document document)
    {
        _json.Reset();
        DossierJson.Write(_json, document, _includeTokens);
        _json.Flush();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0)
        {
            return;
        }

        if (_stream is not null)
        {
            await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken);
        }
        else
        {
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(_buffer.WrittenCount));
            try
            {
                var length = Encoding.UTF8.GetChars(_buffer.WrittenSpan, chars);
                await _output.WriteAsync(chars.AsMemory(0, length), cancellationToken);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        _buffer.ResetWrittenCount();
    }
}
