using System.CommandLine;
using System.Net;
using Dossier.Storage;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve [--db PATH] [--urls URLS] [--allow-fetch-from CIDR…] [--max-concurrent-requests N]</c>: the HTTP API and web UI over the store until Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default: {DossierWebOptions.DefaultUrl}, loopback only)",
            HelpName = "URLS",
        };
        var allowFetchFrom = new Option<string[]>("--allow-fetch-from")
        {
            Description = "Networks (CIDR, or one address) that POST /api/documents may fetch URLs from although they are "
                + "not public; repeatable (default: none, so loopback, private and link-local addresses are refused)",
            HelpName = "CIDR",
            Arity = ArgumentArity.OneOrMore,
        };
        var minConfidence = Output.CorpusCli.MinConfidence();
        var noCache = new Option<bool>("--no-cache") { Description = "Do not keep responses in memory (every request reads the store)" };
        var analytics = Output.CorpusCli.Analytics();
        var maxConcurrent = new Option<int?>("--max-concurrent-requests")
        {
            Description = "Requests to the API and pages that run at once; the rest wait their turn, oldest first, and a full queue "
                + $"({DossierWebOptions.DefaultRequestQueueLimit}) is answered 503 with Retry-After. 0: no limit "
                + $"(default: 4 a processor, {DossierWebOptions.DefaultMaxConcurrentRequests} here)",
            HelpName = "N",
        };
        var command = new Command("serve", $"Serve the HTTP API and the web UI over the store; write endpoints need ${DossierWebOptions.ApiTokenVariable}")
        {
            database,
            urls,
            allowFetchFrom,
            minConfidence,
            noCache,
            analytics,
            maxConcurrent,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, database, urls, allowFetchFrom, minConfidence, analytics, maxConcurrent, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, Option<string?> database, Option<string?> urlsOption, Option<string[]> allowOption, Option<double?> minConfidenceOption,
        Option<string?> analyticsOption, Option<int?> maxConcurrentOption, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var urls = (parse.GetValue(urlsOption) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                await error.WriteLineAsync($"dossier: --urls: '{url}' is not an http:// address");
                return ExitCodes.Usage;
            }
        }

        var allowed = new List<IPNetwork>();
        foreach (var value in parse.GetValue(allowOption) ?? [])
        {
            if (ParseNetwork(value) is not { } network)
            {
                await error.WriteLineAsync($"dossier: --allow-fetch-from: '{value}' is not a network (CIDR such as 10.0.0.0/8) or an address");
                return ExitCodes.Usage;
            }

            allowed.Add(network);
        }

        var maxConcurrent = parse.GetValue(maxConcurrentOption) ?? DossierWebOptions.DefaultMaxConcurrentRequests;
        if (maxConcurrent < 0)
        {
            await error.WriteLineAsync($"dossier: --max-concurrent-requests: {maxConcurrent} is negative (give a number of requests, or 0 for no limit)");
            return ExitCodes.Usage;
        }

        double minConfidence;
        try
        {
            minConfidence = Output.CorpusCli.MinConfidenceOf(parse, minConfidenceOption);
        }
        catch (Core.Errors.ModelFileException e)
        {
            await error.WriteLineAsync($"dossier: {e.Message}");
            return ExitCodes.ModelError;
        }

        Analytics.ClickHouseCluster? cluster = null;
        if (parse.GetValue(analyticsOption) is { } analyticsAddress)
        {
            try
            {
                cluster = new Analytics.ClickHouseCluster(Analytics.ClickHouseAddress.Parse(analyticsAddress));
            }
            catch (StoreException e)
            {
                await error.WriteLineAsync($"dossier: --analytics: {e.Message}");
                return ExitCodes.Usage;
            }
        }

        using var ownedCluster = cluster;
        var choice = StoreFactory.Choose(StoreCommand.StoreValue(parse), parse.GetValue(database));
        var location = new StoreLocation(choice.IsPostgres ? StoreLocator.Resolve(parse.GetValue(database)) : choice.Target, StoreLocationSource.Option);
        var options = DossierWebOptions.FromEnvironment(location.Path, urls) with
        {
            AllowFetchFrom = allowed,
            MinConfidence = minConfidence,
            StoreUrl = choice.IsPostgres ? choice.Target : null,
            CacheResponses = !parse.GetValue<bool>("--no-cache"),
            MaxConcurrentRequests = maxConcurrent,
            CorpusQueries = cluster is null ? null : store => new Analytics.AnalyticsCorpusQueries(store, cluster),
        };
        try
        {
            await using var app = DossierWebApp.Build([], options);
            await app.StartAsync(cancellationToken);
            foreach (var address in app.Urls)
            {
                await output.WriteLineAsync($"Dossier is serving {choice.Display} on {address}");
            }

            await output.WriteLineAsync(options.MaxConcurrentRequests > 0
                ? $"At most {options.MaxConcurrentRequests} requests run at once; up to {options.RequestQueueLimit} more wait their turn, oldest first."
                : "Every request runs at once (no --max-concurrent-requests limit).");
            if (cluster is not null)
            {
                await output.WriteLineAsync($"The network, timelines and event counts (/counts, /api/counts) come from the analytics cluster {cluster.Address}.");
            }

            if (options.Urls.Any(u => !IsLoopback(u)))
            {
                await error.WriteLineAsync("dossier: warning: listening beyond this machine; anyone who can reach it can read the store.");
            }

            await output.WriteLineAsync(options.ApiToken is null
                ? $"Write endpoints are off (set {DossierWebOptions.ApiTokenVariable} to turn them on). Ctrl-C stops."
                : "Write endpoints are on for requests with the bearer token. Ctrl-C stops.");
            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"dossier: {e.Message}");
            return ExitCodes.StoreError;
        }
        catch (IOException e)
        {
            // Kestrel cannot bind: the port is taken or the address is not this machine's.
            await error.WriteLineAsync($"dossier: cannot listen: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Success;
        }
    }

    /// <summary>A CIDR network, or one address as a network of its own.</summary>
    private static IPNetwork? ParseNetwork(string value)
    {
        value = value.Trim();
        if (IPNetwork.TryParse(value, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(value, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
