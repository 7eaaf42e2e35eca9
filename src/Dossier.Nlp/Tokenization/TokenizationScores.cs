namespace Dossier.Nlp.Tokenization;

/// <summary>
/// Scores of the tokenizer and sentence splitter against a CoNLL-U treebank (see
/// <see cref="TokenizationEvaluator"/>). Token scores count exact character-span matches of gold
/// syntactic words; sentence scores count exact span matches of sentences (white space trimmed).
/// </summary>
/// <param name="TokenPrecision">Matched predicted tokens / predicted tokens.</param>
/// <param name="TokenRecall">Matched gold words / gold words.</param>
/// <param name="TokenF1">Harmonic mean of token precision and recall.</param>
/// <param name="SentencePrecision">Matched predicted sentences / predicted sentences.</param>
/// <param name="SentenceRecall">Matched gold sentences / gold sentences.</param>
/// <param name="SentenceF1">Harmonic mean of sentence precision and recall.</param>
/// <param name="GoldTokens">Number of gold words.</param>
/// <param name="GoldSentences">Number of gold sentences.</param>
/// <param name="CharactersPerSecond">Throughput of tokenizing and splitting the treebank's text (after warm-up).</param>
public sealed record TokenizationScores(
    double TokenPrecision,
    double TokenRecall,
    double TokenF1,
    double SentencePrecision,
    double SentenceRecall,
    double SentenceF1,
    int GoldTokens,
    int GoldSentences,
    double CharactersPerSecond);
