using Dossier.Cli;
using Dossier.Storage;
using Dossier.Storage.Sqlite;
using Dossier.Testing;

namespace Dossier.Analytics.Tests;

/// <summary>
/// The cluster of <c>$DOSSIER_TEST_CLICKHOUSE</c> (started by <c>.ci/servers/clickhouse.sh</c>) and a store to copy
/// into it: 30 BBC sample articles (business, sport, tech) when <c>../shared</c> is there, else a few reports written here. Each test class
/// gets its own database on the cluster, dropped at the end. When the variable is unset or the cluster does not
/// answer, <see cref="SkipReason"/> says so and the tests skip.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Variable = "DOSSIER_TEST_CLICKHOUSE";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dossier-ch-" + Guid.NewGuid().ToString("N")[..8]);

    public string? SkipReason { get; private set; }

    public string StorePath => Path.Combine(_directory, "store.db");

    /// <summary>The address with this fixture's own database.</summary>
    public string Address { get; private set; } = "";

    public bool FromBbc { get; private set; }

    public async Task InitializeAsync()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            SkipReason = $"${Variable} is unset: start a cluster with '. .ci/servers/clickhouse.sh' (as .ci/run does) to run the ClickHouse tests.";
            return;
        }

        var database = "dossier_t" + Guid.NewGuid().ToString("N")[..10];
        Address = System.Text.RegularExpressions.Regex.Replace(value.Trim(), @"/[A-Za-z0-9_]+\?", "/" + database + "?");
        try
        {
            using var cluster = Cluster();
            await cluster.QueryAsync("SELECT 1");
        }
        catch (StoreException e)
        {
            SkipReason = $"the ClickHouse cluster of ${Variable} does not answer: {e.Message}";
            return;
        }

        Directory.CreateDirectory(Path.Combine(_directory, "in"));
        var bbc = SharedData.Directory is { } shared ? Path.Combine(shared, "corpora", "bbc") : null;
        if (bbc is not null && Directory.Exists(bbc))
        {
            FromBbc = true;
            foreach (var topic in new[] { "business", "sport", "tech" })
            {
                var folder = Path.Combine(bbc, topic);
                if (!Directory.Exists(folder))
                {
                    continue;
                }

                foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Take(10))
                {
                    File.Copy(file, Path.Combine(_directory, "in", topic + "-" + Path.GetFileName(file)));
                }
            }
        }
        else
        {
            await File.WriteAllTextAsync(Path.Combine(_directory, "in", "a.txt"),
                "Ministers meet in Oslo\n\nForeign Minister Anna Berg met the envoy of Norway in Oslo on Monday. Berg praised the envoy for the agreement.\n");
            await File.WriteAllTextAsync(Path.Combine(_directory, "in", "b.txt"),
                "Talks go on\n\nAnna Berg will meet the Norwegian envoy again next week. The envoy criticised the delay.\n");
            await File.WriteAllTextAsync(Path.Combine(_directory, "in", "c.txt"),
                "Envoy accuses minister\n\nThe Norwegian envoy accused Anna Berg of breaking the agreement on Friday.\n");
        }

        var (exit, _, error) = await RunAsync("ingest", Path.Combine(_directory, "in"), "--db", StorePath, "--published", "2005-03-01");
        if (exit != ExitCodes.Success)
        {
            throw new InvalidOperationException("ingest failed: " + error);
        }
    }

    public ClickHouseCluster Cluster() => new(ClickHouseAddress.Parse(Address));

    private readonly List<string> _addresses = [];

    /// <summary>The address of another database of its own on the cluster (dropped at the end).</summary>
    public string AddressFor(string suffix)
    {
        var address = Address.Replace("?", "_" + suffix + "?", StringComparison.Ordinal);
        _addresses.Add(address);
        return address;
    }

    public SqliteDocumentStore OpenStore() => SqliteDocumentStore.Open(StorePath, access: StoreAccess.ReadOnly);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await DossierCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        if (SkipReason is null && Address.Length > 0)
        {
            foreach (var address in _addresses.Prepend(Address))
            {
                try
                {
                    using var cluster = new ClickHouseCluster(ClickHouseAddress.Parse(address));
                    await cluster.ExecuteOnEachNodeAsync($"DROP DATABASE IF EXISTS {cluster.Database}");
                }
                catch (StoreException)
                {
                    // Best effort: the CI script throws the cluster away with its directory.
                }
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
