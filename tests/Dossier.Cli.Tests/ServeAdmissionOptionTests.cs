using Dossier.Web;

namespace Dossier.Cli.Tests;

/// <summary><c>dossier serve --max-concurrent-requests N</c> (branch pg7): the admission limit the server runs with.</summary>
public class ServeAdmissionOptionTests
{
    [Fact]
    public async Task Serve_NegativeMaxConcurrentRequests_IsAUsageErrorNamingTheOption()
    {
        using var run = new CliRun();
        var (exit, _, err) = await run.RunWithDbAsync("serve", "--max-concurrent-requests", "-1", "--urls", "http://127.0.0.1:0");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--max-concurrent-requests", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("3", "At most 3 requests run at once")]
    [InlineData("0", "Every request runs at once")]
    [InlineData(null, "At most {default} requests run at once")]
    public async Task Serve_MaxConcurrentRequests_ServesWithThatLimit(string? limit, string expected)
    {
        expected = expected.Replace("{default}", DossierWebOptions.DefaultMaxConcurrentRequests.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var run = new CliRun();
        string[] args = ["serve", "--db", run.Database, "--urls", "http://127.0.0.1:0", .. limit is null ? Array.Empty<string>() : ["--max-concurrent-requests", limit]];
        using var process = DossierProcess.Start(args);
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            string? found = null;
            while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            {
                if (line.Contains("run at once", StringComparison.Ordinal) || line.Contains("runs at once", StringComparison.Ordinal))
                {
                    found = line;
                    break;
                }
            }

            Assert.True(found is not null, "serve stopped before saying its limit: " + (process.HasExited ? await error : ""));
            Assert.StartsWith(expected, found, StringComparison.Ordinal);
            DossierProcess.Signal(process, "TERM");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
