using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Core.Errors;
using Dossier.Storage;
using Dossier.Storage.Corpus;

namespace Dossier.Cli.Output;

/// <summary>What the corpus commands (entities, entity, events, timeline, agenda, network) share: options, the
/// store's corpus queries, and JSON output (camelCase, one indented document).</summary>
internal static class CorpusCli
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    /// <summary><c>--min-confidence</c>: events with a report of at least this confidence; default (null) the event model's threshold.</summary>
    /// <param name="description">The option's help; default: the corpus listings' (the event model's threshold when not given).</param>
    public static Option<double?> MinConfidence(string? description = null) => new("--min-confidence")
    {
        Description = description ?? "Only events with a report of at least this confidence, 0 to 1 (default: the event model's threshold, the lowest that reaches precision 0.6 on the dev annotations; 0 lists all)",
        HelpName = "P",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1)
            {
                return p;
            }

            result.AddError(DossierErrors.BadConfidence(token));
            return null;
        },
    };

    /// <summary>The threshold given, else the event model's default (<see cref="Engine.DefaultPipeline.DefaultMinConfidence"/>).</summary>
    /// <exception cref="ModelFileException">The default is needed and the event scorer's file is missing or malformed.</exception>
    public static double MinConfidenceOf(ParseResult parse, Option<double?> option) => parse.GetValue(option) ?? Engine.DefaultPipeline.DefaultMinConfidence;

    public static Option<int> Offset() => new("--offset") { Description = "Rows to skip" };

    /// <summary><c>--domain</c>: which events by the topic of their reports (sport and entertainment are left out by default).</summary>
    public static Option<string> Domain()
    {
        var domain = new Option<string>("--domain")
        {
            Description = "general (default: events of sport and entertainment reports left out), all, sport or entertainment",
            DefaultValueFactory = _ => Core.Labels.DomainFilters.General,
            HelpName = "DOMAIN",
        };
        domain.AcceptOnlyFromAmong([.. Core.Labels.DomainFilters.Values]);
        return domain;
    }

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError(DossierErrors.BadDate(token));
            return null;
        },
    };

    /// <summary><c>--analytics ADDRESS</c>: answer the aggregate views from a ClickHouse cluster filled by <c>dossier sync</c>.</summary>
    public static Option<string?> Analytics() => new("--analytics")
    {
        Description = "Answer from the analytics cluster that dossier sync fills: clickhouse://USER:PASSWORD@HOST:HTTP_PORT/DB?cluster=NAME",
        HelpName = "ADDRESS",
    };

    /// <summary>The store's corpus queries with the aggregate views from the cluster, when <c>--analytics</c> is given; else null.</summary>
    /// <exception cref="StoreException">The address is not a ClickHouse address.</exception>
    public static global::Dossier.Analytics.AnalyticsCorpusQueries? AnalyticsOf(ParseResult parse, Option<string?> option, IDocumentStore store) =>
        parse.GetValue(option) is { } address
            ? new global::Dossier.Analytics.AnalyticsCorpusQueries(Queries(store), new global::Dossier.Analytics.ClickHouseCluster(global::Dossier.Analytics.ClickHouseAddress.Parse(address)))
            : null;

    /// <summary>The corpus queries of a store, or a store error when this store has none.</summary>
    public static ICorpusQueries Queries(IDocumentStore store) =>
        store as ICorpusQueries ?? throw new StoreException("This store does not keep a corpus of entities and events.");

    public static bool IsJson(ParseResult parse, Option<string> format) => parse.GetValue(format) == "json";

    public static Task WriteJsonAsync<T>(TextWriter output, T value) => output.WriteLineAsync(JsonSerializer.Serialize(value, Json));

    /// <summary>Writes a one-line error and returns <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> NotFoundAsync(ParseResult parse, string what)
    {
        await parse.InvocationConfiguration.Error.WriteLineAsync($"dossier: no {what}");
        return ExitCodes.Usage;
    }
}
