using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests;

/// <summary>Issue 14, item 2: a store that an older version corrupted (a text cut at a NUL, broken annotations) is
/// reported one document at a time; <c>export</c> goes on with the rest.</summary>
public class UnreadableDocumentTests
{
    private const string First = "Ukraine and Poland signed a grain agreement in Warsaw on Monday, officials said.";
    private const string Second = "Protesters gathered outside parliament in Nairobi on Tuesday to oppose the tax bill.";
    private const string Third = "The central bank of Brazil raised interest rates on Wednesday, its governor said.";

    [Fact]
    public async Task Export_StoreWithACorruptDocument_ReportsItInOneLineExportsTheRestAndExitsTwo()
    {
        using var run = new CliRun();
        var ids = await IngestThreeAsync(run);
        Corrupt(run, "UPDATE documents SET text = substr(text, 1, 12) WHERE id = $id", ids[0]);

        var (exit, output, error) = await run.RunWithDbAsync("export", "--format", "jsonl");

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"dossier: document {ids[0]} cannot be read (", line, StringComparison.Ordinal);
        Assert.EndsWith("; skipped", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain(lines, l => l.Contains(ids[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_ToFileWithCorruptAnnotations_WritesTheRestAndCountsThem()
    {
        using var run = new CliRun();
        var ids = await IngestThreeAsync(run);
        Corrupt(run, "UPDATE documents SET annotations = '{\"entities\": [' WHERE id = $id", ids[1]);
        var path = Path.Combine(run.Directory, "out.jsonl");

        var (exit, output, error) = await run.RunWithDbAsync("export", "--format", "jsonl", "--out", path);

        Assert.Equal(ExitCodes.SomeInputsFailed, exit);
        Assert.Contains($"document {ids[1]} cannot be read", error, StringComparison.Ordinal);
        Assert.Contains("exported 2 documents", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task Show_CorruptDocument_OneLineNamingItExitThreeNoStackTrace()
    {
        using var run = new CliRun();
        var ids = await IngestThreeAsync(run);
        Corrupt(run, "UPDATE documents SET text = substr(text, 1, 12) WHERE id = $id", ids[2]);

        var (exit, _, error) = await run.RunWithDbAsync("show", ids[2]);

        Assert.Equal(ExitCodes.StoreError, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"dossier: document {ids[2]} cannot be read (", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        var (otherExit, otherOutput, _) = await run.RunWithDbAsync("show", ids[0]);
        Assert.Equal(ExitCodes.Success, otherExit);
        Assert.Contains("Ukraine", otherOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_RecordWithNul_StoredWithoutItAndShowAndExportRead()
    {
        using var run = new CliRun();
        var input = run.Write("nul.jsonl", "{\"text\":\"Ukraine and Poland\\u0000 signed a grain agreement in Warsaw on Monday.\"}\n");

        var (exit, _, error) = await run.RunWithDbAsync("ingest", input);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal($"{input}#line=1: warning: 1 disallowed control character removed (NUL and other C0 controls, U+FFFE, U+FFFF, lone surrogates)",
            error.Trim());
        var (exportExit, exported, exportError) = await run.RunWithDbAsync("export", "--format", "jsonl");
        Assert.True(exportExit == ExitCodes.Success, exportError);
        Assert.Contains("Ukraine and Poland signed", exported, StringComparison.Ordinal);
    }

    private static async Task<string[]> IngestThreeAsync(CliRun run)
    {
        var input = run.Write("three.jsonl", string.Join('\n',
            $"{{\"text\":\"{First}\",\"published\":\"2025-10-13\"}}",
            $"{{\"text\":\"{Second}\",\"published\":\"2025-10-14\"}}",
            $"{{\"text\":\"{Third}\",\"published\":\"2025-10-15\"}}") + "\n");
        var (exit, _, error) = await run.RunWithDbAsync("ingest", input);
        Assert.True(exit == ExitCodes.Success, error);
        using var connection = new SqliteConnection($"Data Source={run.Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, text FROM documents";
        var ids = new Dictionary<string, string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids[reader.GetString(1)] = reader.GetString(0);
            }
        }

        return [ids[First], ids[Second], ids[Third]];
    }

    /// <summary>Changes one stored row with raw SQL, as an older version's bad write left it.</summary>
    private static void Corrupt(CliRun run, string sql, string id)
    {
        using var connection = new SqliteConnection($"Data Source={run.Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, command.ExecuteNonQuery());
        SqliteConnection.ClearAllPools();
    }
}
