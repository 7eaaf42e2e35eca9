using System.CommandLine;
using System.Net;
using Dossier.Storage;
using Dossier.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve [--db PATH] [--urls URLS]</c>: the HTTP API and web UI over the store until Ctrl-C.</summary>
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
        var command = new Command("serve", $"Serve the HTTP API and the web UI over the store; write endpoints need ${DossierWebOptions.ApiTokenVariable}")
        {
            database,
            urls,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, database, urls, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> database, Option<string?> urlsOption, CancellationToken cancellationToken)
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

        var location = StoreLocator.Locate(parse.GetValue(database));
        var options = DossierWebOptions.FromEnvironment(location.Path, urls);
        try
        {
            await using var app = DossierWebApp.Build([], options);
            await app.StartAsync(cancellationToken);
            foreach (var address in app.Urls)
            {
                await output.WriteLineAsync($"Dossier is serving {location.Path} on {address}");
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

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
