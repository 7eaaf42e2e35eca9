using System.CommandLine;
using System.Globalization;
using Dossier.Analytics;
using Dossier.Storage.Corpus;

namespace Dossier.Cli.Output;

/// <summary>Output of the views only the analytics cluster answers (<c>dossier events --analytics … --count-by …</c>).</summary>
internal static class AnalyticsReport
{
    public static async Task<int> CountsAsync(
        ParseResult parse, AnalyticsCorpusQueries? cluster, string dimensions, CorpusEventFilter filter, string? country, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        if (cluster is null)
        {
            await error.WriteLineAsync("dossier: --count-by needs --analytics clickhouse://… (counts come from the analytics cluster)");
            return ExitCodes.Usage;
        }

        var by = dimensions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => d.ToLowerInvariant()).ToList();
        if (by.Count == 0 || by.Any(d => !AnalyticsQueries.Dimensions.ContainsKey(d)))
        {
            await error.WriteLineAsync($"dossier: --count-by '{dimensions}': group by one or more of {string.Join(", ", AnalyticsQueries.Dimensions.Keys)}");
            return ExitCodes.Usage;
        }

        if (filter.Actor is not null || filter.Status is not null)
        {
            await error.WriteLineAsync("dossier: --count-by takes --type, --country, --from, --to, --min-confidence and --domain, not --actor or --status");
            return ExitCodes.Usage;
        }

        var rows = await cluster.Analytics.CountsAsync(by, new AnalyticsFilter(filter.From, filter.To, country, filter.MinConfidence, filter.Domain, filter.Type), cancellationToken);
        if (json)
        {
            await CorpusCli.WriteJsonAsync(output, rows.Select(r => new Dictionary<string, object>
            {
                ["keys"] = by.Zip(r.Keys).ToDictionary(p => p.First, p => p.Second),
                ["events"] = r.Events,
                ["mentions"] = r.Mentions,
            }));
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            await output.WriteLineAsync("No events.");
            return ExitCodes.Success;
        }

        await output.WriteLineAsync(string.Join('\t', by.Append("events").Append("mentions")));
        foreach (var row in rows)
        {
            await output.WriteLineAsync(string.Join('\t', row.Keys.Select(k => k.Length == 0 ? "-" : k)
                .Append(row.Events.ToString(CultureInfo.InvariantCulture)).Append(row.Mentions.ToString(CultureInfo.InvariantCulture))));
        }

        return ExitCodes.Success;
    }
}
