using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Export;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier export --format jsonl|csv|gdelt|graphml|parquet [--out PATH] [--min-confidence P] [--db PATH]</c>:
/// the store for other tools, through the exporters of <see cref="Exporters"/>. Events below the event model's threshold
/// are left out by default, as in every other view; <c>--min-confidence 0</c> exports them all.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var format = new Option<string>("--format")
        {
            Description = "jsonl (documents as dossier/1), csv (corpus events), gdelt (GDELT 2.0 event table), "
                + "graphml (actor network), parquet (events.parquet and entities.parquet in a folder)",
            HelpName = "FORMAT",
            Required = true,
        };
        format.AcceptOnlyFromAmong([.. Exporters.Formats]);
        var output = new Option<string?>("--out")
        {
            Description = "File to write (a folder for parquet); standard output when omitted",
            HelpName = "PATH",
        };
        var minConfidence = CorpusCli.MinConfidence("Only events with a report of at least this confidence, 0 to 1 (default: the event model's threshold, the lowest that reaches precision 0.6 on the dev annotations; 0 exports every event, each with its confidence)");
        var command = new Command("export", "Export the store: documents as JSON Lines, corpus events as CSV or GDELT rows, the actor network as GraphML, or Parquet tables")
        {
            database, format, output, minConfidence,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var exporter = Exporters.Get(parse.GetValue(format)!);
            ExportOptions options;
            try
            {
                options = new ExportOptions { MinConfidence = CorpusCli.MinConfidenceOf(parse, minConfidence) };
            }
            catch (Dossier.Core.Errors.ModelFileException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"dossier: {e.Message}");
                return ExitCodes.ModelError;
            }

            var path = parse.GetValue(output);
            var error = parse.InvocationConfiguration.Error;
            if (string.IsNullOrWhiteSpace(path))
            {
                if (exporter.WritesFolder)
                {
                    await error.WriteLineAsync($"dossier: --format {exporter.Format} writes several files; give a folder with --out");
                    return ExitCodes.Usage;
                }

                path = null;
            }
            else if (!exporter.WritesFolder && Directory.Exists(path))
            {
                await error.WriteLineAsync($"dossier: {path}: is a folder; --format {exporter.Format} writes one file");
                return ExitCodes.Usage;
            }
            else if (exporter.WritesFolder && File.Exists(path))
            {
                await error.WriteLineAsync($"dossier: {path}: is a file; --format {exporter.Format} writes a folder");
                return ExitCodes.Usage;
            }

            return await StoreCommand.RunAsync(parse, database, async (store, stdout, ct) =>
            {
                var corpus = CorpusCli.Queries(store);
                try
                {
                    var target = path is null ? ExportTarget.ToWriter(stdout) : ExportTarget.ToPath(path);
                    var result = await exporter.ExportAsync(store, corpus, target, options, ct);
                    if (path is not null)
                    {
                        await stdout.WriteLineAsync($"exported {result.Records} {exporter.RecordName} to {string.Join(", ", result.Files)}");
                    }

                    foreach (var skipped in result.Skipped)
                    {
                        await error.WriteLineAsync($"dossier: {skipped}");
                    }

                    return result.Skipped.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
                }
                catch (Exception e) when (path is not null && e is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"dossier: cannot write {path}: {e.Message}");
                    return ExitCodes.Usage;
                }
            }, cancellationToken);
        });
        return command;
    }
}
