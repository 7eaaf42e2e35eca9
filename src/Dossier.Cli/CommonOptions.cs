using System.CommandLine;
using System.Globalization;
using Dossier.Ingest;

namespace Dossier.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = "SQLite database file (default: $DOSSIER_DB, else dossier.db in the current directory)",
        HelpName = "PATH",
    };

    public static Option<DateOnly?> Published() => new("--published")
    {
        Description = "Publication date (YYYY-MM-DD) for documents whose source gives none",
        HelpName = "DATE",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError(Core.Errors.DossierErrors.BadDate(token));
            return null;
        },
    };

    public static Option<long> MaxBytes() => new("--max-bytes")
    {
        Description = "Inputs larger than this many bytes are skipped with an error",
        DefaultValueFactory = _ => ReadOptions.DefaultMaxBytes,
        HelpName = "BYTES",
    };

    public static Option<int> MaxWords() => new("--max-words")
    {
        Description = "Documents with more words than this are not analysed and fail with an error",
        DefaultValueFactory = _ => Engine.AnalysisLimits.DefaultMaxWords,
        HelpName = "WORDS",
    };

    public static Option<int> DocumentTimeout() => new("--document-timeout")
    {
        Description = "Seconds the analysis of one document may run; a document past it fails with an error (checked between stages)",
        DefaultValueFactory = _ => (int)Engine.AnalysisLimits.DefaultTimeBudget.TotalSeconds,
        HelpName = "SECONDS",
    };

    /// <summary>The per-document limits given by <paramref name="maxWords"/> and <paramref name="timeout"/>.</summary>
    public static Engine.AnalysisLimits Limits(System.CommandLine.ParseResult parse, Option<int> maxWords, Option<int> timeout) => new()
    {
        MaxWords = Math.Max(1, parse.GetValue(maxWords)),
        TimeBudget = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))),
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Documents analysed at once (output stays in input order); default: the number of processors",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "N",
    };

    public static Option<bool> Progress() => new("--progress")
    {
        Description = "Report progress on stderr even when it is not a terminal (on a terminal it is shown anyway)",
    };

    public static Option<FileInfo?> Actors() => new("--actors")
    {
        Description = "TSV of actors to add or override (NAME, CODE, [TYPE], [ALIASES|…], [TITLE], [FROM], [TO]); "
            + "for ingest, actors.tsv beside the database is used when this is not given",
        HelpName = "FILE",
    };

    public static Option<int> Limit(int defaultValue) => new("--limit")
    {
        Description = "How many rows to show",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Argument<string[]> Inputs() => new("inputs")
    {
        Description = "Files, directories (read recursively) or http(s) URLs: text, HTML, RSS/Atom, JSON Lines",
        Arity = ArgumentArity.OneOrMore,
    };
}
