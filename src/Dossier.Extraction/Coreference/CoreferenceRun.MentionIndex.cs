namespace Dossier.Extraction.Coreference;

/// <summary>
/// Which mentions cover or start at a token, answered from an index instead of a scan of every mention: a scan per
/// token made the stage quadratic in the length of the document. The index follows the mention list: it is rebuilt
/// after the list is reordered or a span moves (<see cref="MentionsChanged"/>), and extended in place when a mention
/// is appended (<see cref="AppendMention"/>). Answers are exactly those of a scan in list order.
/// </summary>
internal sealed partial class CoreferenceRun
{
    private List<int>?[]? _covering;
    private List<int>?[]? _startingAt;
    private bool _indexCurrent;

    /// <summary>The first mention left (in list order) that covers <paramref name="token"/> and passes <paramref name="filter"/>.</summary>
    private MentionInfo? MentionCovering(int token, Func<MentionInfo, bool>? filter = null) =>
        FirstLeft(Index().Covering, token, filter);

    /// <summary>The first mention left that starts at <paramref name="token"/>.</summary>
    private MentionInfo? MentionStartingAt(int token) => FirstLeft(Index().StartingAt, token, null);

    /// <summary>Call after the mention list is reordered, filtered or added to in bulk, or a mention's span moves.</summary>
    private void MentionsChanged() => _indexCurrent = false;

    /// <summary>Appends a mention to the list, keeping the index current.</summary>
    private void AppendMention(MentionInfo m)
    {
        _mentions.Add(m);
        if (_indexCurrent) Register(_mentions.Count - 1);
    }

    private MentionInfo? FirstLeft(List<int>?[] index, int token, Func<MentionInfo, bool>? filter)
    {
        if (token < 0 || token >= index.Length || index[token] is not { } candidates) return null;
        foreach (var i in candidates)
        {
            var m = _mentions[i];
            if (!m.Removed && (filter is null || filter(m))) return m;
        }

        return null;
    }

    private (List<int>?[] Covering, List<int>?[] StartingAt) Index()
    {
        if (!_indexCurrent)
        {
            var n = _view.Tokens.Length;
            _covering = new List<int>?[n];
            _startingAt = new List<int>?[n];
            for (var i = 0; i < _mentions.Count; i++) Register(i);
            _indexCurrent = true;
        }

        return (_covering!, _startingAt!);
    }

    private void Register(int i)
    {
        var m = _mentions[i];
        var n = _covering!.Length;
        if (m.FirstToken >= 0 && m.FirstToken < n) (_startingAt![m.FirstToken] ??= []).Add(i);
        for (var t = Math.Max(0, m.FirstToken); t < m.EndToken && t < n; t++) (_covering[t] ??= []).Add(i);
    }
}
