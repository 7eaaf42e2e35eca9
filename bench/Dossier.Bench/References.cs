namespace Dossier.Bench;

/// <summary>The reference points of issue 15 ("Speed"), printed beside each figure so that a run can be read alone.</summary>
internal static class References
{
    public const string Syntax = "issue 15: was 58k words/s; bar >= 100k, goal >= 150k";

    public const string Pipeline = "issue 15, one core: was 41k words/s; bar >= 70k, goal >= 100k; "
        + "spaCy CPU pipelines ~10k words/s, MITIE NER 53.6k words/s, TABARI 1-2k sentences/s, PETRARCH ~150 sentences/s after CoreNLP";

    public const string ColdStart = "issue 15, cold start of dossier analyze on one short file: bar <= 0.5 s, goal <= 0.3 s";

    public const string VersusCompromise = "issue 15, dossier analyze --format jsonl vs compromise 14.17: was 1.08x; bar >= 3x, goal >= 10x";
}
