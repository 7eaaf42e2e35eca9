using Dossier.Bench;

// Throughput runs, in Release:
//   dotnet run -c Release --project bench/Dossier.Bench -- pipeline [CORPUS] [--runs N]   read -> analyse -> store (default corpus ../shared/corpora/bbc)
//   dotnet run -c Release --project bench/Dossier.Bench -- syntax [CONLLU] [--runs N]     tag + parse on gold words, one thread
var mode = args.FirstOrDefault() ?? "pipeline";
var rest = args.Skip(1).ToArray();
var runsAt = Array.IndexOf(rest, "--runs");
var runs = runsAt >= 0 && runsAt + 1 < rest.Length ? int.Parse(rest[runsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 3;
var input = rest.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (runsAt < 0 || i != runsAt + 1)).FirstOrDefault();
return mode switch
{
    "pipeline" => await PipelineBenchmark.RunAsync(input ?? Path.Combine("..", "shared", "corpora", "bbc"), runs),
    "syntax" => SyntaxBenchmark.Run(input ?? Path.Combine("..", "shared", "data", "ud-ewt", "en_ewt-ud-test.conllu"), runs),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Dossier.Bench pipeline|syntax [INPUT] [--runs N]");
    return 1;
}
