namespace Dossier.Nlp.Time;

/// <summary>TempEval-3 scores of <see cref="TimeExpressionStage"/> on TimeML files.</summary>
/// <param name="ValueF1">F1 where a relaxed match counts only when the normalised value is also equal.</param>
/// <param name="TypeAccuracy">Share of relaxed matches whose type is right.</param>
public sealed record TimexScores(
    double StrictPrecision, double StrictRecall, double StrictF1,
    double RelaxedPrecision, double RelaxedRecall, double RelaxedF1,
    double ValueF1, double TypeAccuracy, int Gold, int Predicted);
