namespace Dossier.Export;

/// <summary>Exports of the store for other tools: JSONL, CSV, GDELT columns, GraphML, Parquet.</summary>
internal static class ExportInfo
{
}
