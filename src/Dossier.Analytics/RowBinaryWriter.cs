using System.Buffers.Binary;
using System.Text;

namespace Dossier.Analytics;

/// <summary>
/// Rows in ClickHouse's RowBinary format, written into a growable byte buffer without allocating per row: numbers little
/// endian, strings and arrays prefixed by their length as a LEB128 varint, <c>Date</c> as days since 1970-01-01 (UInt16),
/// <c>DateTime</c> as seconds since the epoch (UInt32). A writer is one block of rows for one shard; the loader sends it
/// and reuses it.
/// </summary>
public sealed class RowBinaryWriter
{
    private static readonly int EpochDay = new DateOnly(1970, 1, 1).DayNumber;
    private byte[] _buffer;

    /// <summary>An empty block with room for <paramref name="capacity"/> bytes (it grows as needed).</summary>
    public RowBinaryWriter(int capacity = 1 << 20) => _buffer = new byte[Math.Max(capacity, 64)];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Rows ended so far (<see cref="EndRow"/>).</summary>
    public int Rows { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, Length);

    /// <summary>Counts a row as complete.</summary>
    public void EndRow() => Rows++;

    /// <summary>Empties the block, keeping its buffer.</summary>
    public void Clear()
    {
        Length = 0;
        Rows = 0;
    }

    /// <summary>A UInt8.</summary>
    public void UInt8(byte value) => Reserve(1)[0] = value;

    /// <summary>A UInt16.</summary>
    public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);

    /// <summary>A UInt32.</summary>
    public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);

    /// <summary>A UInt64.</summary>
    public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);

    /// <summary>A Float32.</summary>
    public void Float32(float value) => BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);

    /// <summary>A Date (days since 1970-01-01; days before it are written as 1970-01-01).</summary>
    public void Date(DateOnly value) => UInt16((ushort)Math.Clamp(value.DayNumber - EpochDay, 0, ushort.MaxValue));

    /// <summary>A DateTime (UTC seconds since the epoch).</summary>
    public void DateTime(DateTime value) =>
        UInt32((uint)Math.Clamp(new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeSeconds(), 0, uint.MaxValue));

    /// <summary>A length or count prefix (LEB128).</summary>
    public void VarUInt(ulong value)
    {
        var span = Reserve(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        Length -= 10 - n;
    }

    /// <summary>A String from UTF-16 text (encoded to UTF-8).</summary>
    public void String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length < 128 && Ascii.IsValid(value))
        {
            // One byte per char and a one-byte length: the common case, written in one pass.
            var span = Reserve(value.Length + 1);
            span[0] = (byte)value.Length;
            Encoding.ASCII.GetBytes(value, span[1..]);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)length);
        Encoding.UTF8.GetBytes(value, Reserve(length));
    }

    /// <summary>A String from UTF-8 bytes.</summary>
    public void String(ReadOnlySpan<byte> utf8)
    {
        VarUInt((ulong)utf8.Length);
        utf8.CopyTo(Reserve(utf8.Length));
    }

    /// <summary>An Array(UInt64).</summary>
    public void ArrayUInt64(ReadOnlySpan<ulong> values)
    {
        VarUInt((ulong)values.Length);
        var span = Reserve(values.Length * 8);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span[(i * 8)..], values[i]);
        }
    }

    /// <summary>An Array(String).</summary>
    public void ArrayString(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        VarUInt((ulong)values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    /// <summary>Room for <paramref name="count"/> more bytes, counted as written.</summary>
    public Span<byte> Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }

        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    /// <summary>Writes one value of a column of <paramref name="type"/> (the types of <see cref="AnalyticsSchema"/>) from
    /// its CLR value: UInt8 byte, UInt32 uint, UInt64 ulong, Float32 float, String string, Date and DateTime DateTime (or
    /// DateOnly), Array(UInt64) ulong[], Array(String) string[].</summary>
    public void Value(string type, object value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        switch (type)
        {
            case "UInt8": UInt8((byte)value); break;
            case "UInt16": UInt16((ushort)value); break;
            case "UInt32": UInt32((uint)value); break;
            case "UInt64": UInt64((ulong)value); break;
            case "Float32": Float32((float)value); break;
            case "String": String((string)value); break;
            case "Date": Date(value is DateOnly d ? d : DateOnly.FromDateTime((DateTime)value)); break;
            case "DateTime": DateTime((DateTime)value); break;
            case "Array(UInt64)": ArrayUInt64((ulong[])value); break;
            case "Array(String)": ArrayString((string[])value); break;
            default: throw new ArgumentException($"No RowBinary writer for the column type {type}.", nameof(type));
        }
    }
}
