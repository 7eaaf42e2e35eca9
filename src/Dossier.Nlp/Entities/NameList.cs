using System.Runtime.CompilerServices;
using Dossier.Nlp.Models;

namespace Dossier.Nlp.Entities;

/// <summary>
/// The names seen in the training data with their CoNLL classes, as a feature: a run of words that
/// was annotated as a name before (bit k of the mask: class k). Built from CoNLL train; while
/// training, each document sees only the lists of the other folds (jackknife), so that the tagger
/// learns how far to trust a list that does not contain every name it meets. Word sequences are
/// kept by hash only (lower case, digits as 0).
/// </summary>
internal sealed class NameList
{
    private const ulong Seed = 0x4E414D454C495354UL;

    // Hash of a word sequence -> class mask; 0 for a sequence that only begins longer names. A table that a cache file
    // holds as it is (NerModel.Cache.cs).
    private readonly UInt64Table _entries;

    public NameList(Dictionary<ulong, byte> entries, int maxTokens)
        : this(UInt64Table.Build(entries.Select(e => KeyValuePair.Create(e.Key, (int)e.Value)).ToList()), maxTokens)
    {
    }

    private NameList(UInt64Table entries, int maxTokens)
    {
        _entries = entries;
        MaxTokens = maxTokens;
    }

    public static NameList Empty { get; } = new(new Dictionary<ulong, byte>(), 0);

    public int MaxTokens { get; }

    public int Count => _entries.Count;

    public static NameList Build(IEnumerable<ConllSentence> sentences, int maxTokens = 6)
    {
        var entries = new Dictionary<ulong, byte>();
        var longest = 0;
        foreach (var sentence in sentences)
        {
            foreach (var (start, end, type) in sentence.Spans)
            {
                if (end - start > maxTokens) continue;
                longest = Math.Max(longest, end - start);
                var h = Seed;
                for (var i = start; i < end; i++)
                {
                    h = FeatureHash.Mix(h, FeatureHash.LowerFolded(sentence.Words[i]));
                    entries.TryGetValue(h, out var old);
                    if (i == end - 1) entries[h] = (byte)(old | (1 << type));
                    else if (!entries.ContainsKey(h)) entries[h] = 0;
                }
            }
        }

        return new NameList(entries, longest);
    }

    /// <summary>Longest matches left to right, starting at capitalised words (any word in an all-capitals sentence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Match(IReadOnlyList<string> words, ReadOnlySpan<ulong> lower, List<(int Start, int End, int Mask)> matches, bool lowerOnly = false)
    {
        matches.Clear();
        if (_entries.Count == 0) return;
        var n = words.Count;
        for (var i = 0; i < n;)
        {
            if (lowerOnly ? !Gazetteer.IsLower(words[i]) : !Gazetteer.StartsName(words[i]))
            {
                i++;
                continue;
            }

            var h = Seed;
            var bestMask = 0;
            var bestEnd = i;
            for (var j = i; j < n && j - i < MaxTokens; j++)
            {
                if (lowerOnly && j > i && !Gazetteer.IsLower(words[j])) break;
                h = FeatureHash.Mix(h, lower[j]);
                if (!_entries.TryGetValue(h, out var mask)) break;
                if (mask != 0)
                {
                    bestMask = mask;
                    bestEnd = j + 1;
                }
            }

            if (bestMask == 0)
            {
                i++;
                continue;
            }

            matches.Add((i, bestEnd, bestMask));
            i = bestEnd;
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(MaxTokens);
        writer.Write(_entries.Count);
        foreach (var (key, mask) in _entries.Pairs().OrderBy(e => e.Key))
        {
            writer.Write(key);
            writer.Write((byte)mask);
        }
    }

    public static NameList Read(BinaryReader reader)
    {
        var maxTokens = reader.ReadInt32();
        var count = reader.ReadInt32();
        if (maxTokens is < 0 or > 64 || count < 0 || count > 10_000_000) throw new InvalidDataException("bad name list header");
        var entries = new List<KeyValuePair<ulong, int>>(count);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadUInt64();
            var mask = reader.ReadByte();
            if (mask > 15) throw new InvalidDataException("bad name list entry");
            entries.Add(KeyValuePair.Create(key, (int)mask));
        }

        return new NameList(UInt64Table.Build(entries), maxTokens); // a key twice: ArgumentException, a corrupt file
    }

    /// <summary>Writes the longest name and the table to a cache file (<see cref="ReadLayout"/>).</summary>
    public void WriteLayout(BinaryWriter header, Action<ReadOnlySpan<byte>> block)
    {
        header.Write(MaxTokens);
        _entries.Write(header, block);
    }

    /// <summary>The list <see cref="WriteLayout"/> wrote, its table looked up in the mapped file.</summary>
    /// <exception cref="InvalidDataException">A size or a class mask is out of range.</exception>
    public static NameList ReadLayout(BinaryReader header, ModelCacheFile file)
    {
        var maxTokens = header.ReadInt32();
        if (maxTokens is < 0 or > 64) throw new InvalidDataException("bad name list header");
        return new NameList(UInt64Table.Read(header, file, 0, 15), maxTokens);
    }

    public bool SameAs(NameList other) =>
        MaxTokens == other.MaxTokens && _entries.Count == other._entries.Count && _entries.Pairs().All(e => other._entries.TryGetValue(e.Key, out var m) && m == e.Value);
}
