using System.Text.Json;

namespace Dossier.Cli.Tests;

public sealed class EvalLanguageCommandTests
{
    [Fact]
    public async Task EvalLanguage_SentencesOfAnIob2File_CountsThoseTakenForAnotherLanguage()
    {
        using var run = new CliRun();
        var file = run.Write("sentences.iob2", """
            # sent_id = a-1
            # text = Thanks again for the lovely dinner last night
            1	Thanks	O	-	-

            # sent_id = a-2
            # text = Der Bürgermeister hat gestern eine neue Bibliothek eröffnet.
            1	Der	O	-	-

            # sent_id = a-3
            # text = --
            1	--	O	-	-

            """);

        var (exit, output, _) = await run.RunAsync("eval", "language", file, "--json");

        Assert.Equal(ExitCodes.Success, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(3, root.GetProperty("sentences").GetInt32());
        Assert.Equal(1, root.GetProperty("notEnglish").GetInt32());
        Assert.Equal(1, root.GetProperty("undetermined").GetInt32());
        Assert.Equal("de", root.GetProperty("examples")[0].GetProperty("key").GetString());
    }
}
