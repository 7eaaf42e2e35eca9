namespace Dossier.Export.Tests;

internal static class ExportRunner
{
    /// <summary>Runs a text exporter into a string.</summary>
    public static async Task<(string Text, ExportResult Result)> ToStringAsync(IExporter exporter, ExportSamples samples, ExportOptions? options = null)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var result = await exporter.ExportAsync(samples.Store, samples.Store, ExportTarget.ToWriter(writer), options);
        return (writer.ToString(), result);
    }
}
