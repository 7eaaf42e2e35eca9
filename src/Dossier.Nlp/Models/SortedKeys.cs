namespace Dossier.Nlp.Models;

/// <summary>
/// Keys sorted in ordinal order, held as one block of characters and the offset where each begins, as a cache file keeps
/// them (<see cref="ModelCache"/>): found by binary search over spans, so a start makes no string per key (the names
/// gazetteer's names; the places gazetteer's name index). Immutable and thread-safe.
/// </summary>
public sealed class SortedKeys
{
    private readonly char[] _chars;
    private readonly int[] _starts;

    /// <param name="chars">The keys one after another.</param>
    /// <param name="starts">Where each key begins in <paramref name="chars"/>, and its length at the end (one more than the keys).</param>
    public SortedKeys(char[] chars, int[] starts)
    {
        ArgumentNullException.ThrowIfNull(chars);
        ArgumentNullException.ThrowIfNull(starts);
        _chars = chars;
        _starts = starts;
    }

    /// <summary>The number of keys.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>The <paramref name="i"/>th key.</summary>
    public ReadOnlySpan<char> this[int i] => _chars.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);

    /// <summary>The characters and offsets of <paramref name="keys"/> (sorted ordinally, none twice), as the constructor takes them.</summary>
    public static (string Chars, int[] Starts) Layout(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var starts = new int[keys.Count + 1];
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            chars.Append(keys[i]);
            starts[i + 1] = chars.Length;
        }

        return (chars.ToString(), starts);
    }

    /// <summary>True when the offsets start at 0 and ascend to the end of the characters and the keys are sorted with none twice.</summary>
    public bool Check()
    {
        if (_starts.Length == 0 || _starts[0] != 0 || _starts[^1] != _chars.Length) return false;
        for (var i = 1; i < _starts.Length; i++)
        {
            if (_starts[i] < _starts[i - 1]) return false;
        }

        for (var i = 1; i < Count; i++)
        {
            if (this[i - 1].SequenceCompareTo(this[i]) >= 0) return false;
        }

        return true;
    }

    /// <summary>The position of <paramref name="key"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> key)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var mid = (int)((uint)(low + high) >> 1);
            var order = this[mid].SequenceCompareTo(key);
            if (order == 0) return mid;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }

        return -1;
    }
}
